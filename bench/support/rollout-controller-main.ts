// The Rollout controller alone in its own process for benchmarks (as `aviary controller --leader-elect=false`), with
// its API requests counted. Usage: rollout-controller-main.ts <kubeconfig>; prints "controller <pid>" once synced.
// SIGUSR2 prints one line "counts <json>" (requests by verb and resource, heap figures after a full GC when
// --expose-gc is on); SIGTERM stops it. AVIARY_CPU_PROF=<dir> records a CPU profile until SIGTERM.
import { createKubeClient } from '../../packages/kube/src/index.js';
import { startRolloutController } from '../../packages/rollouts/src/index.js';
import { countRequests } from './counting-client.js';
import { startCpuProfile } from './cpu-profiler.js';

const kubeconfig = process.argv[2];
if (!kubeconfig) throw new Error('usage: rollout-controller-main.ts <kubeconfig>');
const counted = countRequests(createKubeClient({ kubeconfig }).client);
const controller = startRolloutController({ client: counted.client, log: (line) => process.stderr.write(`controller: ${line}\n`) });
await controller.ready;
const profileDir = process.env.AVIARY_CPU_PROF;
const profile = profileDir ? await startCpuProfile({ dir: profileDir, name: `rollout-controller-${process.pid}` }) : undefined;
process.stdout.write(`controller ${process.pid}\n`);
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
