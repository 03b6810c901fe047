// Connects the CLI to the cluster its flags and kubeconfig name: the quick reader for ordinary kubeconfigs (tokens,
// client certificates), @aviary/kube's full loader for exec / auth-provider users, proxies and in-cluster config.
import { createKubeClient, HttpKubeClient, type HttpKubeClientOptions, type KubeClient } from '@aviary/kube';
import type { KubeSettings } from './kube-flags.js';
import { isLiteCapable, liteKubeConfigAdapter, readLiteKubeconfig } from './kubeconfig-lite.js';

export interface KubeConnection {
  client: KubeClient;
  /** -n, else the context's namespace, else `default`. */
  namespace: string;
  /** Releases idle keep-alive sockets so the process can exit. */
  close(): Promise<void>;
}

/** Sent as User-Agent, so server logs and managedFields name the plugin. */
const userAgent = 'kubectl-argo-rollouts/aviary';

export function connectKube(settings: KubeSettings, env: Readonly<Record<string, string | undefined>>): KubeConnection {
  const timeout = settings.requestTimeoutMs !== undefined ? { requestTimeoutMs: settings.requestTimeoutMs } : {};
  const lite = readLiteKubeconfig(settings, env);
  if (lite && isLiteCapable(lite)) {
    // HttpKubeClient only asks its KubeConfig for the current cluster, user and HTTPS options; the adapter answers.
    const kubeConfig = liteKubeConfigAdapter(lite) as unknown as HttpKubeClientOptions['kubeConfig'];
    const client = new HttpKubeClient({ kubeConfig, userAgent, ...timeout });
    return { client, namespace: lite.namespace, close: () => client.close() };
  }
  const { client, namespace } = createKubeClient({
    ...(settings.kubeconfig ? { kubeconfig: settings.kubeconfig } : {}),
    ...(settings.context ? { context: settings.context } : {}),
    ...(settings.namespace ? { namespace: settings.namespace } : {}),
    env: env as NodeJS.ProcessEnv,
    userAgent,
    ...timeout,
  });
  return { client, namespace, close: () => client.close() };
}
