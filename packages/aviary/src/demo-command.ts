// `aviary demo`: the rollouts walkthrough of the user's documents in one command, on a fresh embedded cluster (or, with
// --kubeconfig, on a cluster that runs the Aviary controllers), stopped cleanly at the end, on a timeout, or on Ctrl-C.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKubeClient, realClock, type Clock, type KubeClient } from '@aviary/kube';
import { parseFlags, UsageError } from './command-flags.js';
import { demoManifestPath } from './demo-manifests.js';
import { runDemoStages, StageTimeoutError, type DemoOutput } from './demo-runner.js';
import { startLocalCluster, type LocalCluster } from './local-cluster.js';

export const demoUsage = `Usage: aviary demo [--data-dir DIR] [--keep] [--port N] [--pod-subnet CIDR] [--service-cidr CIDR] [--no-color] [--fast]
       aviary demo --kubeconfig FILE [--namespace NS] [--no-color] [--fast]

Runs the rollouts walkthrough (Argo Rollouts' getting-started guide) from start to end: deploy blue, update to
yellow, pause at 20%, promote, update to red, abort, recover. Each stage shows the kubectl argo rollouts command
a user would type, waits for the rollout to get there, then prints the rollout tree and the traffic split
measured through the Service. The embedded cluster it starts is stopped at the end; Ctrl-C stops it at any time.
  --data-dir DIR      the embedded cluster's folder (default: a new temporary folder, removed at the end)
  --keep              keep the temporary folder
  --port N            API server HTTPS port (default: 0, a free one)
  --pod-subnet CIDR   loopback /16 for pod addresses (default 127.10.0.0/16; another cluster on the machine needs its own)
  --service-cidr CIDR loopback /16 for Service cluster IPs (default 127.96.0.0/16)
  --kubeconfig FILE   use this cluster instead (it must run the Aviary controllers: aviary up, or aviary controller)
  --namespace NS      with --kubeconfig: the namespace (default: the context's)
  --no-color          plain output (also when stdout is not a terminal, TERM=dumb or NO_COLOR is set)
  --fast              timed pauses of 2s instead of 10s
`;

/** Exit code after Ctrl-C, as a shell reports a command killed by SIGINT. */
const interruptedExitCode = 130;

export interface DemoCommandIo {
  stdout: DemoOutput & { isTTY?: boolean };
  stderr: DemoOutput;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  clock?: Clock;
}

/** Where the walkthrough runs, and how to leave it. */
interface DemoTarget {
  client: KubeClient;
  namespace: string;
  description: string;
  /** Extra advice when a stage times out. */
  timeoutHint: string;
  close(): Promise<void>;
}

function parsePort(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${text}"`);
  return Number(text);
}

async function connectExisting(kubeconfig: string, namespaceFlag: string | undefined): Promise<DemoTarget> {
  const { client, namespace } = createKubeClient({ kubeconfig, ...(namespaceFlag ? { namespace: namespaceFlag } : {}) });
  return {
    client,
    namespace,
    description: `the cluster of ${kubeconfig}, namespace ${namespace}`,
    timeoutHint: 'Is the Rollout controller running against this cluster (aviary up, or aviary controller --kubeconfig …)?',
    close: () => client.close(),
  };
}

async function startEmbedded(options: { dataDir: string; removeDataDir: boolean; port: number; podSubnet?: string; serviceCidr?: string; io: DemoCommandIo }): Promise<DemoTarget> {
  const { dataDir, io } = options;
  const log = (line: string): void => void io.stdout.write(`  aviary: ${line}\n`);
  let cluster: LocalCluster;
  try {
    cluster = await startLocalCluster({
      dataDir,
      port: options.port,
      log,
      ...(options.podSubnet ? { podSubnet: options.podSubnet } : {}),
      ...(options.serviceCidr ? { serviceCidr: options.serviceCidr } : {}),
    });
  } catch (err: unknown) {
    if (options.removeDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    client: cluster.client,
    namespace: 'default',
    description: `the embedded cluster in ${dataDir}`,
    timeoutHint: `The cluster's state is in ${dataDir}${options.removeDataDir ? ' (run with --keep to look at it afterwards)' : ''}.`,
    close: async () => {
      // Pods get their grace period: the demo app takes 10 s to exit after SIGTERM, as upstream's does.
      io.stdout.write('Stopping the embedded cluster…\n');
      await cluster.stop();
      if (options.removeDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      else io.stdout.write(`The cluster's data is kept in ${dataDir}.\n`);
    },
  };
}

/** The whole command with its streams and signal given, for tests; returns the exit code. */
export async function runDemo(argv: readonly string[], io: DemoCommandIo): Promise<number> {
  const flags = parseFlags(argv, { valued: ['data-dir', 'port', 'kubeconfig', 'namespace', 'n', 'pod-subnet', 'service-cidr'], switches: ['keep', 'no-color', 'fast', 'help', 'h'] });
  if (flags.has('help') || flags.has('h')) {
    io.stdout.write(demoUsage);
    return 0;
  }
  const kubeconfig = flags.get('kubeconfig');
  const namespaceFlag = flags.get('namespace') ?? flags.get('n');
  if (kubeconfig === undefined && namespaceFlag !== undefined) throw new UsageError('--namespace needs --kubeconfig (the embedded cluster uses default)');
  if (kubeconfig !== undefined && (flags.has('data-dir') || flags.has('port') || flags.has('keep'))) throw new UsageError('--kubeconfig uses an existing cluster: --data-dir, --port and --keep do not apply');
  const port = parsePort(flags.get('port') ?? '0');
  const color = !flags.has('no-color') && io.stdout.isTTY === true && io.env['TERM'] !== 'dumb' && !io.env['NO_COLOR'];
  const pauseSeconds = flags.has('fast') ? 2 : 10;
  const clock = io.clock ?? realClock;

  io.stdout.write("Aviary rollouts demo: the canary walkthrough of Argo Rollouts' getting-started guide.\n");
  const givenDataDir = flags.get('data-dir');
  const target =
    kubeconfig !== undefined
      ? await connectExisting(kubeconfig, namespaceFlag)
      : await startEmbedded({
          dataDir: givenDataDir !== undefined ? path.resolve(givenDataDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'aviary-demo-')),
          removeDataDir: givenDataDir === undefined && !flags.has('keep'),
          port,
          ...(flags.get('pod-subnet') ? { podSubnet: flags.get('pod-subnet') } : {}),
          ...(flags.get('service-cidr') ? { serviceCidr: flags.get('service-cidr') } : {}),
          io,
        });
  try {
    io.stdout.write(`Running against ${target.description}.${pauseSeconds !== 10 ? ` Timed pauses are ${pauseSeconds}s instead of 10s (--fast).` : ''}\n`);
    await runDemoStages({
      client: target.client,
      namespace: target.namespace,
      out: io.stdout,
      color,
      clock,
      pauseSeconds,
      manifestLabel: path.relative(process.cwd(), demoManifestPath) || demoManifestPath,
      trafficRequests: 200,
      ...(io.signal ? { signal: io.signal } : {}),
    });
    io.stdout.write('\nDone: every stage of the walkthrough reached its state.\n');
    return 0;
  } catch (err: unknown) {
    if (io.signal?.aborted) {
      io.stderr.write('aviary demo: interrupted, stopping\n');
      return interruptedExitCode;
    }
    if (err instanceof StageTimeoutError) {
      io.stderr.write(`aviary demo: ${err.message}\n${target.timeoutHint}\n`);
      return 1;
    }
    throw err;
  } finally {
    await target.close();
  }
}

/** `aviary demo` on the process's streams: Ctrl-C or SIGTERM aborts the run, which then stops what it started. */
export async function runDemoCommand(argv: readonly string[]): Promise<number> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      process.stderr.write(`aviary demo: ${signal} again, still stopping\n`);
      return;
    }
    controller.abort(new Error(`${signal} received`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await runDemo(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
