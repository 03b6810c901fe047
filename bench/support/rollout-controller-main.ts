// The Rollout controller alone in its own process for benchmarks (as `aviary controller --leader-elect=false`), with
// its API requests counted. Usage: rollout-controller-main.ts <kubeconfig> [--from-build]; prints "controller <pid>"
// once synced. --from-build loads the compiled packages (packages/*/dist, as the installed `aviary controller` does).
// SIGUSR2 prints one line "counts <json>" (requests by verb and resource, heap figures after a full GC when
// --expose-gc is on); SIGTERM stops it. AVIARY_CPU_PROF=<dir> records a CPU profile until SIGTERM;
// ROLLOUTS_TRACE_DIR=<dir> times the status writes that move a step, every other request and the event loop's lag
// (see step-write-trace.ts and wave-trace.ts);
// ROLLOUTS_DUE_WORKERS sets the controller's workers for timed wake-ups.
import { countRequests } from './counting-client.js';
import { startCpuProfile } from './cpu-profiler.js';
import { traceEventLoopLag, traceStepWrites } from './step-write-trace.js';

type KubeModule = typeof import('../../packages/kube/src/index.js');
type RolloutsModule = typeof import('../../packages/rollouts/src/index.js');

const kubeconfig = process.argv[2];
if (!kubeconfig) throw new Error('usage: rollout-controller-main.ts <kubeconfig> [--from-build]');
const from = process.argv.includes('--from-build') ? 'dist' : 'src';
const { createKubeClient, tuneControllerHeap } = (await import(`../../packages/kube/${from}/index.js`)) as KubeModule;
tuneControllerHeap(); // as `aviary controller` does
const { startRolloutController } = (await import(`../../packages/rollouts/${from}/index.js`)) as RolloutsModule;
const counted = countRequests(createKubeClient({ kubeconfig }).client);
const traceDir = process.env.ROLLOUTS_TRACE_DIR;
const dueWorkers = process.env.ROLLOUTS_DUE_WORKERS;
const controller = startRolloutController({
  client: traceDir ? traceStepWrites(counted.client, traceDir) : counted.client,
  ...(dueWorkers ? { dueWorkers: Number(dueWorkers) } : {}),
  log: (line) => process.stderr.write(`controller: ${line}\n`),
});
await controller.ready;
if (traceDir) traceEventLoopLag(traceDir);
const profileDir = process.env.AVIARY_CPU_PROF;
const profile = profileDir ? await startCpuProfile({ dir: profileDir, name: `rollout-controller-${process.pid}` }) : undefined;
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  process.stdout.write(`counts ${JSON.stringify({ ...counted.counts(), heapUsedMiB: memory.heapUsed / 2 ** 20, rssMiB: memory.rss / 2 ** 20 })}\n`);
});
process.on('SIGTERM', () => {
  void (async () => {
    if (profile) process.stderr.write(`cpu profile written to ${await profile.stop()}\n`);
    await controller.stop();
    process.exit(0);
  })();
});
// Printed last: the bench may signal as soon as it reads this line, so the handlers must already be in place.
process.stdout.write(`controller ${process.pid}\n`);
