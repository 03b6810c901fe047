// The embedded cluster without the Rollout controller, every pod simulated, as its own process: the API server,
// built-in controllers, the kubelet and the service proxy (what `aviary up --simulate-pods` runs, minus Aviary's
// controllers), so a benchmark can run the Rollout controller in a process of its own.
// Usage: simulated-node-main.ts <dataDir>; prints "running <kubeconfig> <pid>"; stops on SIGTERM.
import { RuntimeRegistry, startApiServer, startBuiltinControllers, startKubelet, startServiceProxy } from '../../packages/cluster/src/index.js';
import { createKubeClient } from '../../packages/kube/src/index.js';

const dataDir = process.argv[2] ?? '.';
const server = await startApiServer({ dataDir, port: 0 });
const { client } = createKubeClient({ kubeconfig: server.kubeconfigPath });
const builtins = await startBuiltinControllers({ client });
const kubelet = await startKubelet({ client, runtimes: new RuntimeRegistry({ simulatePods: true }), dataDir, simulatePods: true });
const proxy = startServiceProxy({ client });
process.stdout.write(`running ${server.kubeconfigPath} ${process.pid}\n`);
process.on('SIGTERM', () => {
  void (async () => {
    await proxy.stop();
    await kubelet.stop();
    await builtins.stop();
    await server.close();
    process.exit(0);
  })();
});
