// A KubeClient wrapper that counts the API requests a controller makes, by verb and resource (one call = one request).
import type { KubeClient, ResourceType } from '../../packages/kube/src/index.js';

export interface RequestCounts {
  total: number;
  /** `patch rollouts/status`, `create events`, `watch replicasets`, … */
  byKind: Record<string, number>;
}

const countedMethods = new Set(['get', 'list', 'watch', 'create', 'update', 'updateStatus', 'patch', 'delete']);

/** Wraps `client`; `counts()` returns what has been requested so far. */
export function countRequests(client: KubeClient): { client: KubeClient; counts(): RequestCounts } {
  const byKind: Record<string, number> = {};
  let total = 0;
  const wrapped = new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !countedMethods.has(property) || typeof value !== 'function') return value;
      return (type: ResourceType, ...rest: unknown[]) => {
        const subresource = property === 'updateStatus' ? '/status' : property === 'patch' && (rest[4] as { subresource?: string } | undefined)?.subresource ? `/${(rest[4] as { subresource: string }).subresource}` : '';
        const kind = `${property === 'updateStatus' ? 'update' : property} ${type.resource}${subresource}`;
        byKind[kind] = (byKind[kind] ?? 0) + 1;
        total++;
        return (value as (...args: unknown[]) => unknown).call(target, type, ...rest);
      };
    },
  });
  return { client: wrapped, counts: () => ({ total, byKind: { ...byKind } }) };
}
