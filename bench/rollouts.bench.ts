// Rollout controller benchmark: the controller alone in its process, against the embedded cluster with simulated pods.
// 1,000 canary Rollouts updated once (steps setWeight 20, pause 1s, setWeight 60, pause 1s) until all Healthy, the
// API requests per rollout, pause-expiry-to-next-step latency, and the controller's memory with 10,000 idle Rollouts.
// ROLLOUTS_UPDATED / ROLLOUTS_IDLE / ROLLOUTS_REPLICAS shorten or reshape a run; AVIARY_CPU_PROF=<dir> profiles the
// controller process; ROLLOUTS_TRACE_DIR=<dir> records every timed advance (<dir>/advances.txt) and the controller's
// step writes and every thread's CPU during the update (thread-cpu.txt), which `node --import tsx
// bench/support/wave-trace.ts <dir>` breaks down per expiry wave.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UP_NODE_FLAGS } from '../packages/aviary/src/relaunch.js';
import { createKubeClient, PatchType, Resources, type KubeClient, type Rollout } from '../packages/kube/src/index.js';
import { lowerIsBetter } from './support/bench-figures.js';
import { residentMiB, startProcess } from './support/child-process.js';
import { stopWithGrace } from './support/process-stop.js';
import { startThreadCpuSampler } from './support/thread-cpu-sampler.js';
import { traceFile } from './support/trace-file.js';
import { startAviaryControllerCommand, startControllerProcess, type ControllerProcess, type ControllerReport } from './support/controller-process.js';
import { percentile, runConcurrently } from './support/json-client.js';
import { loadAverageText, processCpuSeconds, sleep, waitForCpuQuiet } from './support/process-memory.js';
import { BENCH_NAMESPACE, canaryPauseStart, isHealthyAt, makeRollout, PAUSE_STEP_SECONDS, rolloutName } from './support/rollout-objects.js';
import { WatchedObjects, type WatchedChange } from './support/watched-objects.js';
import type { BenchResult } from './types.js';

const UPDATED = Number(process.env.ROLLOUTS_UPDATED ?? 1_000);
const IDLE = Number(process.env.ROLLOUTS_IDLE ?? 10_000);
const REPLICAS = Number(process.env.ROLLOUTS_REPLICAS ?? 1);
const ISOLATED = Math.min(20, UPDATED);
const ISOLATED_SPACING_MS = 700;
const CONCURRENCY = 8;
const TRACE_DIR = process.env.ROLLOUTS_TRACE_DIR;
const traceAdvance = TRACE_DIR ? traceFile(join(TRACE_DIR, 'advances.txt')) : undefined;
const BLUE = 'argoproj/rollouts-demo:blue';
const YELLOW = 'argoproj/rollouts-demo:yellow';

const benchStarted = performance.now();
function progress(line: string): void {
  process.stderr.write(`[rollouts ${((performance.now() - benchStarted) / 1000).toFixed(0)} s] ${line}\n`);
}

/**
 * Pause-expiry samples: from the controller's own expiry (startTime + duration), from the watch-observed pause
 * start + duration, and from the later of the expiry and the moment the pause was seen recorded (a pause whose
 * write lands after its whole-second expiry cannot end before it is recorded).
 */
interface PauseSamples {
  fromStartTime: number[];
  fromObservedStart: number[];
  fromRecordedExpiry: number[];
  /** How many pauses expired at each instant (startTime has whole seconds, so expiries come in waves). */
  perExpiry: Map<number, number>;
  /** Of those, how many were a rollout's first timed pause (the rest are later ones). */
  firstPausePerExpiry: Map<number, number>;
}

/** Forgets every sample so far (the next phase is measured on its own). */
function clearSamples(samples: PauseSamples): void {
  samples.fromStartTime.length = 0;
  samples.fromObservedStart.length = 0;
  samples.fromRecordedExpiry.length = 0;
  samples.perExpiry.clear();
  samples.firstPausePerExpiry.clear();
}

/** The step index of the first timed pause. */
const FIRST_PAUSE_INDEX = Math.min(...PAUSE_STEP_SECONDS.keys());

/** `394 (279 first pauses + 115 later)` for the `count` largest expiry waves. */
function largestWaves(samples: PauseSamples, count: number): string {
  return [...samples.perExpiry]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([expiry, size]) => {
      const first = samples.firstPausePerExpiry.get(expiry) ?? 0;
      return `${size} (${first} first pauses + ${size - first} later)`;
    })
    .join(', ');
}

/** Watches for step advances past a timed pause and times them against the pause's expiry. */
function recordPauseLatency(samples: PauseSamples): (change: WatchedChange<Rollout>) => void {
  const observedStart = new Map<string, number>();
  return ({ previous, object, receivedAt }) => {
    const name = object.metadata?.name ?? '';
    const wallMs = performance.timeOrigin + receivedAt;
    const index = object.status?.currentStepIndex ?? -1;
    if (canaryPauseStart(object) !== undefined && canaryPauseStart(previous) === undefined) observedStart.set(`${name}@${index}`, wallMs);
    const previousIndex = previous?.status?.currentStepIndex ?? -1;
    const seconds = PAUSE_STEP_SECONDS.get(previousIndex);
    const startTime = canaryPauseStart(previous);
    if (index <= previousIndex || seconds === undefined || startTime === undefined) return;
    const expiry = Date.parse(startTime) + seconds * 1000;
    samples.fromStartTime.push(wallMs - expiry);
    traceAdvance?.(`${name} ${index} ${expiry} ${Math.round(wallMs)}`);
    samples.perExpiry.set(expiry, (samples.perExpiry.get(expiry) ?? 0) + 1);
    if (previousIndex === FIRST_PAUSE_INDEX) samples.firstPausePerExpiry.set(expiry, (samples.firstPausePerExpiry.get(expiry) ?? 0) + 1);
    const seen = observedStart.get(`${name}@${previousIndex}`);
    if (seen !== undefined) samples.fromObservedStart.push(wallMs - (seen + seconds * 1000));
    if (seen !== undefined) samples.fromRecordedExpiry.push(wallMs - Math.max(expiry, seen));
  };
}

async function createRollouts(client: KubeClient, from: number, to: number): Promise<void> {
  await runConcurrently(to - from, CONCURRENCY, async (i) => {
    await client.create(Resources.rollouts, makeRollout({ index: from + i, replicas: REPLICAS, image: BLUE }));
  });
}

/** Waits until the controller's request count has not moved for `quietMs` (at most `limitMs`); returns the last report. */
async function waitForQuiet(controller: ControllerProcess, quietMs: number, limitMs: number): Promise<ControllerReport> {
  const deadline = performance.now() + limitMs;
  let last = await controller.report();
  for (;;) {
    await sleep(quietMs);
    const next = await controller.report();
    if (next.total === last.total || performance.now() > deadline) return next;
    last = next;
  }
}

function requestDelta(before: ControllerReport, after: ControllerReport): { total: number; byKind: [string, number][] } {
  const byKind = Object.entries(after.byKind)
    .map(([kind, n]): [string, number] => [kind, n - (before.byKind[kind] ?? 0)])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return { total: after.total - before.total, byKind };
}

export async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aviary-bench-rollouts-'));
  const node = await startProcess(process.execPath, [...UP_NODE_FLAGS, '--import', 'tsx', join(import.meta.dirname, 'support', 'simulated-node-main.ts'), dataDir], /running (\S+) (\d+)/, 60_000);
  const kubeconfig = node.match[1]!;
  const nodePid = Number(node.match[2]);
  const { client } = createKubeClient({ kubeconfig });
  let controller = await startControllerProcess(kubeconfig, { fromBuild: true });
  const samples: PauseSamples = { fromStartTime: [], fromObservedStart: [], fromRecordedExpiry: [], perExpiry: new Map(), firstPausePerExpiry: new Map() };
  const notes: string[] = [];
  const rollouts = await WatchedObjects.start<Rollout>({ client, type: Resources.rollouts, namespace: BENCH_NAMESPACE, onChange: recordPauseLatency(samples) });
  try {
    // 1. UPDATED rollouts created and Healthy.
    rollouts.countWhere((r) => isHealthyAt(r, 1));
    progress(`creating ${UPDATED} rollouts`);
    let started = performance.now();
    await createRollouts(client, 0, UPDATED);
    await rollouts.waitForCount(UPDATED, 600_000);
    const createSeconds = (performance.now() - started) / 1000;
    clearSamples(samples);
    const before = await waitForQuiet(controller, 2_000, 60_000);
    const droppedBefore = controller.droppedEvents();

    // 2. Each updated once; timed until every one is Healthy at its new generation.
    progress(`all Healthy; updating`);
    rollouts.countWhere((r) => isHealthyAt(r, 2));
    const load = loadAverageText();
    const cpu = { controller: processCpuSeconds(controller.pid), node: processCpuSeconds(nodePid) };
    const benchCpu = process.cpuUsage();
    const stopCpuSampler = TRACE_DIR ? startThreadCpuSampler(join(TRACE_DIR, 'thread-cpu.txt'), { cluster: nodePid, controller: controller.pid, bench: process.pid }) : undefined;
    started = performance.now();
    await runConcurrently(UPDATED, CONCURRENCY, async (i) => {
      await client.patch(Resources.rollouts, rolloutName(i), BENCH_NAMESPACE, [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: YELLOW }], PatchType.Json);
    });
    const patchedSeconds = (performance.now() - started) / 1000;
    progress(`updates sent; waiting for Healthy`);
    const healthyAt = await rollouts.waitForCount(UPDATED, 900_000);
    const updateSeconds = (healthyAt - started) / 1000;
    await stopCpuSampler?.();
    const cpuUsed = { controller: processCpuSeconds(controller.pid) - cpu.controller, node: processCpuSeconds(nodePid) - cpu.node };
    const benchCpuUsed = process.cpuUsage(benchCpu);
    const rssAfterUpdates = residentMiB(controller.pid);
    const after = await waitForQuiet(controller, 2_000, 60_000);
    const requests = requestDelta(before, after);
    const droppedEvents = controller.droppedEvents() - droppedBefore;
    const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);
    const latencies = { fromStartTime: sorted(samples.fromStartTime), fromObservedStart: sorted(samples.fromObservedStart), fromRecordedExpiry: sorted(samples.fromRecordedExpiry) };
    notes.push(
      `${UPDATED} Rollouts, replicas ${REPLICAS} each, created and Healthy in ${createSeconds.toFixed(1)} s; updates (image blue → yellow, JSON patch, ${CONCURRENCY} at a time) sent in ${patchedSeconds.toFixed(1)} s; load before the updates ${load}, after ${loadAverageText()}`,
      `CPU during the updates: controller ${cpuUsed.controller.toFixed(1)} s, cluster (API server, built-in controllers, kubelet) ${cpuUsed.node.toFixed(1)} s, this benchmark (sending the updates, watching every Rollout) ${((benchCpuUsed.user + benchCpuUsed.system) / 1e6).toFixed(1)} s, over ${updateSeconds.toFixed(1)} s on 2 cores`,
      `controller requests per rollout for the update: ${(requests.total / UPDATED).toFixed(1)} — ${requests.byKind.map(([kind, n]) => `${kind} ${(n / UPDATED).toFixed(2)}`).join(', ')}; besides these, the controller's event recorder dropped ${droppedEvents} events (${(droppedEvents / UPDATED).toFixed(2)} per rollout) because its write queue was full`,
      `pause expiry → next step recorded (watch-observed): ${latencies.fromStartTime.length} samples from startTime + 1 s: p50 ${percentile(latencies.fromStartTime, 50).toFixed(0)} ms, p99 ${percentile(latencies.fromStartTime, 99).toFixed(0)} ms, max ${(latencies.fromStartTime.at(-1) ?? NaN).toFixed(0)} ms, min ${(latencies.fromStartTime[0] ?? NaN).toFixed(0)} ms`,
      `the same, measured from the watch-observed pause start + 1 s (startTime is whole seconds, so the controller's pause lasts 0–1 s less than the duration): p50 ${percentile(latencies.fromObservedStart, 50).toFixed(0)} ms, p99 ${percentile(latencies.fromObservedStart, 99).toFixed(0)} ms`,
      `expiry waves: ${samples.perExpiry.size} distinct expiry instants for ${samples.fromStartTime.length} pauses; the largest ${largestWaves(samples, 5)} pauses at one instant`,
      `the same, measured from the later of the expiry and the moment the pause was seen recorded (${latencies.fromRecordedExpiry.length} samples; in ${samples.fromStartTime.length - latencies.fromRecordedExpiry.length} more the pause was never seen): p50 ${percentile(latencies.fromRecordedExpiry, 50).toFixed(0)} ms, p99 ${percentile(latencies.fromRecordedExpiry, 99).toFixed(0)} ms, max ${(latencies.fromRecordedExpiry.at(-1) ?? NaN).toFixed(0)} ms`,
    );

    // 2b. Pause latency without the burst: ISOLATED rollouts updated back to blue, one every ISOLATED_SPACING_MS.
    progress(`${ISOLATED} isolated updates`);
    clearSamples(samples);
    rollouts.countWhere((r) => isHealthyAt(r, 3));
    for (let i = 0; i < ISOLATED; i++) {
      await client.patch(Resources.rollouts, rolloutName(i), BENCH_NAMESPACE, [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: BLUE }], PatchType.Json);
      await sleep(ISOLATED_SPACING_MS);
    }
    await rollouts.waitForCount(ISOLATED, 300_000);
    const isolated = [...samples.fromStartTime].sort((a, b) => a - b);
    notes.push(
      `pause expiry → next step for ${ISOLATED} rollouts updated alone (one every ${ISOLATED_SPACING_MS} ms, the other ${UPDATED - ISOLATED} idle): ${isolated.length} samples, p50 ${percentile(isolated, 50).toFixed(0)} ms, p99 ${percentile(isolated, 99).toFixed(0)} ms, min ${(isolated[0] ?? NaN).toFixed(0)} ms`,
    );
    await waitForQuiet(controller, 2_000, 60_000);

    // 3. IDLE rollouts in all, Healthy; then a fresh controller process over them, measured once it is quiet.
    progress(`creating idle rollouts up to ${IDLE}`);
    rollouts.countWhere((r) => isHealthyAt(r, 1));
    started = performance.now();
    const idleCpu = { controller: processCpuSeconds(controller.pid), node: processCpuSeconds(nodePid) };
    await createRollouts(client, UPDATED, IDLE);
    await rollouts.waitForCount(IDLE, 3_600_000);
    notes.push(
      `${IDLE - UPDATED} more Rollouts created and Healthy in ${((performance.now() - started) / 1000).toFixed(1)} s (CPU: controller ${(processCpuSeconds(controller.pid) - idleCpu.controller).toFixed(0)} s, cluster ${(processCpuSeconds(nodePid) - idleCpu.node).toFixed(0)} s); load ${loadAverageText()}`,
    );
    await waitForQuiet(controller, 2_000, 60_000);
    global.gc?.();
    const longRunning = await controller.report();
    const longRunningRss = residentMiB(controller.pid);
    progress(`idle rollouts Healthy; restarting the controller`);
    await controller.stop();
    started = performance.now();
    controller = await startControllerProcess(kubeconfig);
    const syncedSeconds = (performance.now() - started) / 1000;
    progress('fresh controller synced; waiting for quiet');
    const asked = performance.now();
    await controller.report();
    const firstAnswerSeconds = (performance.now() - asked) / 1000;
    const freshReport = await waitForQuiet(controller, 3_000, 600_000);
    const fromSourcesRss = residentMiB(controller.pid);
    const quietSeconds = (performance.now() - started) / 1000;
    await controller.stop();
    progress('aviary controller (build) starting');
    started = performance.now();
    const command = await startAviaryControllerCommand(kubeconfig);
    const commandStartSeconds = (performance.now() - started) / 1000;
    const commandQuietMs = await waitForCpuQuiet(command.pid, { windowMs: 3_000, maxCpuSeconds: 0.05, limitMs: 600_000 });
    const fromBuildRss = residentMiB(command.pid);
    await command.stop();
    const writes = Object.entries(freshReport.byKind).filter(([kind]) => !/^(list|watch|get) /.test(kind));
    notes.push(
      `fresh controller (sources through tsx, counting requests) over ${IDLE} Healthy Rollouts: caches synced in ${syncedSeconds.toFixed(1)} s, first answer to a signal after another ${firstAnswerSeconds.toFixed(1)} s (its event loop is busy with the initial syncs), quiet ${quietSeconds.toFixed(0)} s after start; RSS ${fromSourcesRss.toFixed(0)} MiB, heap after a full GC ${freshReport.heapUsedMiB.toFixed(0)} MiB; its requests until quiet: ${Object.entries(freshReport.byKind).map(([k, n]) => `${k} ${n}`).join(', ')} (${writes.length === 0 ? 'no writes' : 'WRITES'})`,
      `\`aviary controller --leader-elect=false\` from the build over ${IDLE} Healthy Rollouts: running after ${commandStartSeconds.toFixed(1)} s, CPU quiet ${(commandQuietMs / 1000).toFixed(0)} s later; RSS ${fromBuildRss.toFixed(0)} MiB`,
      `the controller that ran the updates, at ${IDLE} idle: RSS ${longRunningRss.toFixed(0)} MiB, heap after a full GC ${longRunning.heapUsedMiB.toFixed(0)} MiB`,
      `cluster process RSS with ${IDLE} Rollouts and their ReplicaSets and pods: ${residentMiB(nodePid).toFixed(0)} MiB`,
    );
    return {
      title: 'Rollout controller',
      figures: [
        ...lowerIsBetter({ label: `${UPDATED.toLocaleString('en-US')} Rollouts updated once, until all Healthy`, value: updateSeconds, unit: 's', goal: 60 }),
        { label: 'controller API requests per rollout during the update', value: requests.total / UPDATED, unit: 'requests' },
        { label: `controller resident memory after the ${UPDATED.toLocaleString('en-US')} updates`, value: rssAfterUpdates, unit: 'MiB' },
        { label: `pause expiry → next step, p50 (${UPDATED.toLocaleString('en-US')} at once)`, value: percentile(latencies.fromStartTime, 50), unit: 'ms' },
        ...lowerIsBetter({ label: `pause expiry → next step, p99 (${UPDATED.toLocaleString('en-US')} at once)`, value: percentile(latencies.fromStartTime, 99), unit: 'ms', goal: 100 }),
        { label: `pause expiry or, when later, its recording → next step, p99 (${UPDATED.toLocaleString('en-US')} at once)`, value: percentile(latencies.fromRecordedExpiry, 99), unit: 'ms' },
        ...lowerIsBetter({ label: `controller resident memory, ${IDLE.toLocaleString('en-US')} idle Rollouts (\`aviary controller\` from the build)`, value: fromBuildRss, unit: 'MiB', goal: 300 }),
        { label: `controller resident memory, ${IDLE.toLocaleString('en-US')} idle Rollouts (bench controller process, sources through tsx)`, value: fromSourcesRss, unit: 'MiB' },
        { label: 'pause expiry → next step, p99, isolated rollouts', value: percentile(isolated, 99), unit: 'ms' },
      ],
      notes,
    };
  } finally {
    rollouts.stop();
    await controller.stop();
    await stopWithGrace(node.child, 60_000);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
