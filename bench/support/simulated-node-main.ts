// The embedded cluster without the Rollout controller, every pod simulated, as its own process: the API server,
// built-in controllers, the kubelet and the service proxy (what `aviary up --simulate-pods` runs, minus Aviary's
// controllers), so a benchmark can run the Rollout controller in a process of its own.
// Usage: simulated-node-main.ts <dataDir>; prints "running <kubeconfig> <pid>"; stops on SIGTERM.
// AVIARY_CPU_PROF=<dir> records a CPU profile from running until SIGTERM into <dir>/simulated-node-<pid>.cpuprofile;
// ROLLOUTS_TRACE_DIR=<dir> records every in-process request of its parts (<dir>/cluster-requests.txt) and its event loop's
// lag and long garbage collections (<dir>/cluster-lag.txt).
// Imported by package name and started without the `source` condition: the compiled build that `aviary up` runs.
import { RuntimeRegistry, startApiServer, startBuiltinControllers, startKubelet, startServiceProxy } from '@aviary/cluster';
import { startCpuProfile } from './cpu-profiler.js';
import { traceEventLoopLag, traceStepWrites } from './step-write-trace.js';

const dataDir = process.argv[2] ?? '.';
const server = await startApiServer({ dataDir, port: 0 });
const traceDir = process.env.ROLLOUTS_TRACE_DIR;
const loopback = server.loopbackClient();
const client = traceDir ? traceStepWrites(loopback, traceDir, 'cluster-requests.txt') : loopback;
if (traceDir) traceEventLoopLag(traceDir, 'cluster-lag.txt');
const builtins = await startBuiltinControllers({ client });
const kubelet = await startKubelet({ client, runtimes: new RuntimeRegistry({ simulatePods: true }), dataDir, simulatePods: true });
const proxy = startServiceProxy({ client });
const profileDir = process.env.AVIARY_CPU_PROF;
const profile = profileDir ? await startCpuProfile({ dir: profileDir, name: `simulated-node-${process.pid}` }) : undefined;
process.stdout.write(`running ${server.kubeconfigPath} ${process.pid}\n`);
process.on('SIGTERM', () => {
  void (async () => {
    if (profile) process.stderr.write(`cpu profile written to ${await profile.stop()}\n`);
    await proxy.stop();
    await kubelet.stop();
    await builtins.stop();
    await server.close();
    process.exit(0);
  })();
});
