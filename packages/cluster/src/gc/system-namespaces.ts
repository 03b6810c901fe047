// The namespaces every cluster has from the start: default, kube-system, kube-public, kube-node-lease.
import { Resources } from '@aviary/kube';
import type { ObjectService } from '../rest/object-service.js';

export const systemNamespaces: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** Creates any system namespace that is missing (they survive restarts in durable stores). */
export function ensureSystemNamespaces(service: ObjectService): void {
  const info = service.context.registry.lookup(Resources.namespaces.group, Resources.namespaces.version, Resources.namespaces.resource);
  if (info === undefined) return;
  for (const name of systemNamespaces) {
    if (service.find(info, undefined, name) !== undefined) continue;
    service.create(info, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
}
