// The namespaces every cluster starts with, created if absent (the API server's bootstrap controller upstream).
import { Resources, isAlreadyExists, isNotFound, type KubeClient, type Namespace } from '@aviary/kube';

export const BOOTSTRAP_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'] as const;

/** Creates each missing namespace; existing ones (and a create race) are left as they are. Returns the names created. */
export async function bootstrapNamespaces(options: { client: KubeClient; names?: readonly string[] }): Promise<string[]> {
  const created: string[] = [];
  for (const name of options.names ?? BOOTSTRAP_NAMESPACES) {
    if (await namespaceExists(options.client, name)) continue;
    try {
      await options.client.create<Namespace>(Resources.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
      created.push(name);
    } catch (err: unknown) {
      if (!isAlreadyExists(err)) throw err;
    }
  }
  return created;
}

async function namespaceExists(client: KubeClient, name: string): Promise<boolean> {
  try {
    await client.get<Namespace>(Resources.namespaces, name);
    return true;
  } catch (err: unknown) {
    if (isNotFound(err)) return false;
    throw err;
  }
}
