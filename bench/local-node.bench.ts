// Local node benchmark (`aviary up` in its own process): a simulated ReplicaSet scaled 0 → 5,000 until every pod is
// Ready, and 50 real rollouts-demo processes until Ready and answering HTTP; resident memory of each.
// LOCAL_NODE_SIM_ROUNDS / LOCAL_NODE_REAL_ROUNDS set the rounds (default 2 and 3); LOCAL_NODE_PODS the scale target;
// AVIARY_CPU_PROF=<dir> profiles the cluster process.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UP_NODE_FLAGS } from '../packages/aviary/src/relaunch.js';
import { createKubeClient, PatchType, Resources, type KubeClient, type Pod, type ReplicaSet, type Deployment, type PodTemplateSpec } from '../packages/kube/src/index.js';
import { lowerIsBetter, medianOf } from './support/bench-figures.js';
import { residentMiB, startProcess } from './support/child-process.js';
import { stopWithGrace } from './support/process-stop.js';
import { loadAverageText, pidsWorkingUnder, processCpuSeconds, residentMiBUnder, sleep } from './support/process-memory.js';
import { WatchedObjects } from './support/watched-objects.js';
import type { BenchFigure, BenchResult } from './types.js';

const SIM_PODS = Number(process.env.LOCAL_NODE_PODS ?? 5_000);
const REAL_PODS = 50;
const SIM_ROUNDS = Number(process.env.LOCAL_NODE_SIM_ROUNDS ?? 2);
const REAL_ROUNDS = Number(process.env.LOCAL_NODE_REAL_ROUNDS ?? 3);
const NAMESPACE = 'default';

interface RunningCluster {
  client: KubeClient;
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
}

/** How the cluster process loads Aviary: the TypeScript sources (pod apps through tsx) or the build (`aviary up` as installed). */
const CodeFrom = { Sources: 'sources', Build: 'build' } as const;
type CodeFrom = (typeof CodeFrom)[keyof typeof CodeFrom];

async function startCluster(options: { simulatePods: boolean; from: CodeFrom }): Promise<RunningCluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aviary-bench-local-node-'));
  const fromBuild = options.from === CodeFrom.Build;
  const args = [...UP_NODE_FLAGS, ...(fromBuild ? [] : ['--conditions=source']), '--import', 'tsx', join(import.meta.dirname, 'support', 'local-cluster-main.ts'), dataDir];
  if (options.simulatePods) args.push('--simulate-pods');
  if (fromBuild) args.push('--from-build');
  const started = await startProcess(process.execPath, args, /running (\S+) (\d+)/, 60_000);
  const { client } = createKubeClient({ kubeconfig: started.match[1]! });
  return {
    client,
    pid: Number(started.match[2]),
    dataDir,
    stop: async () => {
      // The kubelet gives containers their grace period (rollouts-demo waits 10 s after SIGTERM), so the cluster may
      // take that long to stop; the shared stopProcess kills it after 5 s, orphaning containers that would still hold
      // the pod addresses the next round's cluster hands out again.
      await stopWithGrace(started.child, 30_000);
      await waitForNoProcessesUnder(join(dataDir, 'pods'), 30_000);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the container processes of a stopped cluster to be gone; kills (by pid) any left after `timeoutMs`. */
async function waitForNoProcessesUnder(dir: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (pidsWorkingUnder(dir).length > 0 && performance.now() < deadline) await sleep(200);
  const left = pidsWorkingUnder(dir);
  if (left.length === 0) return;
  process.stderr.write(`local-node: ${left.length} container processes outlived the cluster; killing them\n`);
  for (const pid of left) process.kill(pid, 'SIGKILL');
}

function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function podTemplate(app: string, image: string): PodTemplateSpec {
  return {
    metadata: { labels: { app } },
    spec: { containers: [{ name: app, image, ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], resources: { requests: { memory: '32Mi', cpu: '5m' } } }] },
  };
}

interface SimRound {
  seconds: number;
  rssMiB: number;
  cpuSeconds: number;
  load: string;
}

/** A ReplicaSet created at 0 replicas, scaled to SIM_PODS; timed until its status counts them all Ready. */
async function runSimulatedRound(): Promise<SimRound> {
  const cluster = await startCluster({ simulatePods: true, from: CodeFrom.Sources });
  try {
    const { client } = cluster;
    await client.create<ReplicaSet>(Resources.replicaSets, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'scale', namespace: NAMESPACE },
      spec: { replicas: 0, selector: { matchLabels: { app: 'scale' } }, template: podTemplate('scale', 'argoproj/rollouts-demo:blue') },
    });
    const replicaSets = await WatchedObjects.start<ReplicaSet>({ client, type: Resources.replicaSets, namespace: NAMESPACE });
    replicaSets.countWhere((rs) => rs.metadata?.name === 'scale' && (rs.status?.readyReplicas ?? 0) >= SIM_PODS);
    await sleep(2_000);
    const load = loadAverageText();
    const cpuBefore = processCpuSeconds(cluster.pid);
    const started = performance.now();
    await client.patch(Resources.replicaSets, 'scale', NAMESPACE, { spec: { replicas: SIM_PODS } }, PatchType.Merge);
    const doneAt = await replicaSets.waitForCount(1, 300_000);
    const rssMiB = residentMiB(cluster.pid);
    const cpu = processCpuSeconds(cluster.pid) - cpuBefore;
    replicaSets.stop();
    const pods = await client.list<Pod>(Resources.pods, { namespace: NAMESPACE, labelSelector: 'app=scale' });
    const ready = pods.items.filter(isReady).length;
    if (ready < SIM_PODS) throw new Error(`the ReplicaSet counts ${SIM_PODS} ready, but only ${ready} pods are Ready`);
    return { seconds: (doneAt - started) / 1000, rssMiB, cpuSeconds: cpu, load };
  } finally {
    await cluster.stop();
  }
}

/** Resolves once GET http://<ip>:8080/color answers 200. */
async function waitForColor(ip: string, deadline: number): Promise<void> {
  while (performance.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: ip, port: 8080, path: '/color', timeout: 1_000 }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      });
      req.on('error', () => resolve(false));
      req.on('timeout', () => req.destroy());
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${ip}:8080/color did not answer`);
}

interface RealRound {
  readySeconds: number;
  servingSeconds: number;
  clusterRssMiB: number;
  containerRssMiB: number;
  containers: number;
  load: string;
}

/** A Deployment of REAL_PODS rollouts-demo:blue pods, as the seeds write it (no readiness probe): Ready, then serving. */
async function runRealRound(from: CodeFrom): Promise<RealRound> {
  const cluster = await startCluster({ simulatePods: false, from });
  try {
    const { client } = cluster;
    const serving: Promise<void>[] = [];
    const probing = new Set<string>();
    let started = 0;
    const pods = await WatchedObjects.start<Pod>({
      client,
      type: Resources.pods,
      namespace: NAMESPACE,
      onChange: ({ object }) => {
        const ip = object.status?.podIP;
        if (started === 0 || !ip || probing.has(ip)) return;
        probing.add(ip);
        serving.push(waitForColor(ip, started + 60_000));
      },
    });
    pods.countWhere((pod) => pod.metadata?.labels?.app === 'rollouts-demo' && isReady(pod));
    await sleep(2_000);
    const load = loadAverageText();
    started = performance.now();
    await client.create<Deployment>(Resources.deployments, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'rollouts-demo', namespace: NAMESPACE },
      spec: { replicas: REAL_PODS, selector: { matchLabels: { app: 'rollouts-demo' } }, template: podTemplate('rollouts-demo', 'argoproj/rollouts-demo:blue') },
    });
    const readyAt = await pods.waitForCount(REAL_PODS, 120_000);
    pods.stop();
    if (probing.size < REAL_PODS) throw new Error(`only ${probing.size} pods got an IP`);
    await Promise.all(serving);
    const servingAt = performance.now();
    const containers = residentMiBUnder(join(cluster.dataDir, 'pods'));
    return {
      readySeconds: (readyAt - started) / 1000,
      servingSeconds: (servingAt - started) / 1000,
      clusterRssMiB: residentMiB(cluster.pid),
      containerRssMiB: containers.totalMiB,
      containers: containers.processes,
      load,
    };
  } finally {
    await cluster.stop();
  }
}

function realFigures(rounds: readonly RealRound[], from: CodeFrom): BenchFigure[] {
  const tag = from === CodeFrom.Build ? 'real, from the build' : 'real, from sources (apps through tsx)';
  return [
    ...lowerIsBetter({ label: `${tag}: ${REAL_PODS} rollouts-demo pods Ready`, value: medianOf(rounds.map((r) => r.readySeconds)), unit: 's', goal: 10 }),
    { label: `${tag}: ${REAL_PODS} rollouts-demo pods answering /color`, value: medianOf(rounds.map((r) => r.servingSeconds)), unit: 's' },
    { label: `${tag}: aviary up resident memory with ${REAL_PODS} pods`, value: medianOf(rounds.map((r) => r.clusterRssMiB)), unit: 'MiB' },
    { label: `${tag}: ${REAL_PODS} container processes, resident memory in all`, value: medianOf(rounds.map((r) => r.containerRssMiB)), unit: 'MiB' },
  ];
}

export async function run(): Promise<BenchResult> {
  const notes: string[] = [];
  const sim: SimRound[] = [];
  for (let i = 0; i < SIM_ROUNDS; i++) {
    const round = await runSimulatedRound();
    sim.push(round);
    notes.push(`simulated round ${i + 1}: ${SIM_PODS} Ready in ${round.seconds.toFixed(2)} s, RSS ${round.rssMiB.toFixed(0)} MiB, cluster CPU ${round.cpuSeconds.toFixed(1)} s (${((1000 * round.cpuSeconds) / SIM_PODS).toFixed(1)} ms per pod), load before ${round.load}`);
  }
  const figures: BenchFigure[] = [
    ...lowerIsBetter({ label: `simulated: ReplicaSet 0 → ${SIM_PODS.toLocaleString('en-US')}, all Ready`, value: medianOf(sim.map((r) => r.seconds)), unit: 's', goal: 20 }),
    { label: `simulated: aviary up resident memory with ${SIM_PODS.toLocaleString('en-US')} Ready pods`, value: medianOf(sim.map((r) => r.rssMiB)), unit: 'MiB' },
  ];
  for (const from of [CodeFrom.Build, CodeFrom.Sources]) {
    const rounds: RealRound[] = [];
    for (let i = 0; i < REAL_ROUNDS; i++) {
      const round = await runRealRound(from);
      rounds.push(round);
      notes.push(
        `real round ${i + 1} from ${from}: ${REAL_PODS} Ready in ${round.readySeconds.toFixed(2)} s, all answering /color at ${round.servingSeconds.toFixed(2)} s; ` +
          `aviary up RSS ${round.clusterRssMiB.toFixed(0)} MiB, ${round.containers} container processes ${round.containerRssMiB.toFixed(0)} MiB in all; load before ${round.load}`,
      );
    }
    if (rounds.length > 0) figures.push(...realFigures(rounds, from));
  }
  notes.push('figures are the median of the rounds (the slower of two); a fresh cluster and data directory each round');
  return { title: 'Local node', figures, notes };
}
