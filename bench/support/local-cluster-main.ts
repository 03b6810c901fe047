// `aviary up` as its own process for benchmarks: prints the kubeconfig path and pid once running, stops on SIGTERM.
// Usage: local-cluster-main.ts <dataDir> [--simulate-pods] [--from-build]. --from-build loads the compiled packages
// (packages/*/dist, as the installed `aviary up` runs, so pod apps run as plain `node app.js`); start the process
// without --conditions=source then. AVIARY_CPU_PROF=<dir> records a CPU profile until SIGTERM.
import { startCpuProfile } from './cpu-profiler.js';

type LocalClusterModule = typeof import('../../packages/aviary/src/local-cluster.js');

const dataDir = process.argv[2] ?? '.';
const simulatePods = process.argv.includes('--simulate-pods');
const modulePath = process.argv.includes('--from-build') ? '../../packages/aviary/dist/local-cluster.js' : '../../packages/aviary/src/local-cluster.js';
const { startLocalCluster } = (await import(modulePath)) as LocalClusterModule;
const cluster = await startLocalCluster({ dataDir, port: 0, simulatePods });
const profileDir = process.env.AVIARY_CPU_PROF;
const profile = profileDir ? await startCpuProfile({ dir: profileDir, name: `local-cluster-${process.pid}` }) : undefined;
process.stdout.write(`running ${cluster.kubeconfigPath} ${process.pid}\n`);
process.on('SIGTERM', () => {
  void (async () => {
    if (profile) process.stderr.write(`cpu profile written to ${await profile.stop()}\n`);
    await cluster.stop();
    process.exit(0);
  })();
});
