// The embedded local cluster in one process: API server, built-in controllers, the local kubelet and its runtimes,
// the service proxy, and the Aviary controllers, started in dependency order and stopped in reverse.
import type { Readable } from 'node:stream';
import { RuntimeRegistry, startApiServer, startBuiltinControllers, startKubelet, startServiceProxy, type ApiServer, type Kubelet } from '@aviary/cluster';
import { createKubeClient, type KubeClient } from '@aviary/kube';
import { startRolloutController } from '@aviary/rollouts';

export interface LocalClusterOptions {
  dataDir: string;
  /** API server port; 0 picks a free one. */
  port: number;
  /** Run every container simulated (scale tests). */
  simulatePods?: boolean;
  /** Loopback /16 pod addresses come from; default 127.10.0.0/16. Two clusters on one machine need distinct ones. */
  podSubnet?: string;
  /** Loopback /16 Service cluster IPs come from; default 127.96.0.0/16. */
  serviceCidr?: string;
  /** Progress lines ("API server ready", …); default: nothing. */
  log?: (line: string) => void;
}

export interface LocalCluster {
  readonly server: ApiServer;
  readonly kubeconfigPath: string;
  /** A client on the cluster's kubeconfig, for in-process callers (the Aviary controllers use one too). */
  readonly client: KubeClient;
  readonly kubelet: Kubelet;
  /** Stops everything in reverse order; every container process is gone when it resolves. */
  stop(): Promise<void>;
}

export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const log = options.log ?? (() => undefined);
  const stops: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (err: unknown) {
        log(`error while stopping: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  // The kubelet starts after the API server it talks to; pods/log reaches it through this reference.
  let kubelet: Kubelet | undefined;
  try {
    const server = await startApiServer({
      dataDir: options.dataDir,
      port: options.port,
      ...(options.serviceCidr ? { serviceCidr: options.serviceCidr } : {}),
      plugins: {
        podLogs: (input) => {
          if (kubelet === undefined) return Promise.reject(new Error('the node is not running yet'));
          return kubelet.readLogs(input) as Promise<Readable>;
        },
      },
    });
    stops.push(() => server.close());
    log(`API server ${server.url}`);
    // The cluster's own parts (built-in controllers, kubelet, proxy) call the API server in-process; the Aviary
    // controllers see the cluster as they would any other, through the kubeconfig over HTTPS.
    const internal = server.loopbackClient();
    const { client } = createKubeClient({ kubeconfig: server.kubeconfigPath });

    const builtins = await startBuiltinControllers({ client: internal });
    stops.push(() => builtins.stop());
    log('built-in controllers (ReplicaSet, Deployment, Endpoints, Job) running');

    const runtimes = new RuntimeRegistry({ simulatePods: options.simulatePods ?? false });
    kubelet = await startKubelet({
      client: internal,
      runtimes,
      dataDir: options.dataDir,
      simulatePods: options.simulatePods ?? false,
      ...(options.podSubnet ? { podSubnet: options.podSubnet } : {}),
    });
    const runningKubelet = kubelet;
    stops.push(() => runningKubelet.stop());
    log(`node ${kubelet.nodeName} ready${options.simulatePods ? ' (every pod simulated)' : ''}`);

    const proxy = startServiceProxy({ client: internal });
    stops.push(() => proxy.stop());

    const rollouts = startRolloutController({ client });
    stops.push(() => rollouts.stop());
    await rollouts.ready;
    log('Rollout controller running');

    return { server, kubeconfigPath: server.kubeconfigPath, client, kubelet: runningKubelet, stop: stopAll };
  } catch (err: unknown) {
    await stopAll();
    throw err;
  }
}
