// Namespace deletion: every namespaced object in a terminating namespace is deleted; once none is left the
// `kubernetes` finalizer is removed from spec.finalizers and the namespace goes (pkg/controller/namespace).
import type { KubeObject } from '@aviary/kube';
import { deleteObject } from '../rest/object-deletion.js';
import { namespaceFinalizer } from '../rest/kind-strategies.js';
import type { ObjectService } from '../rest/object-service.js';
import { collectionPrefix, objectKey } from '../storage/keys.js';
import { FieldValidation } from '../server/plugins.js';

export function cleanUpNamespace(service: ObjectService, name: string): void {
  const { store, registry } = service.context;
  const stored = store.get(objectKey({ group: '', resource: 'namespaces', name }));
  if (stored === undefined || !stored.object.metadata?.deletionTimestamp) return;
  let remaining = 0;
  const seen = new Set<string>();
  for (const info of registry.all()) {
    if (!info.namespaced || seen.has(`${info.group}/${info.resource}`)) continue;
    seen.add(`${info.group}/${info.resource}`);
    const items = store.list(collectionPrefix({ group: info.group, resource: info.resource, namespace: name })).items;
    remaining += items.length;
    for (const item of items) {
      if (item.object.metadata?.deletionTimestamp) continue;
      deleteObject(service, info, name, item.object.metadata?.name ?? '', { propagationPolicy: 'Background' });
    }
  }
  if (remaining > 0 && anyLeft(service, name)) return;
  const namespaceInfo = registry.lookup('', 'v1', 'namespaces');
  if (namespaceInfo === undefined) return;
  const current = store.get(objectKey({ group: '', resource: 'namespaces', name }));
  if (current === undefined) return;
  const object = current.object as KubeObject & { spec?: { finalizers?: string[] } };
  const finalizers = object.spec?.finalizers ?? [];
  if (!finalizers.includes(namespaceFinalizer)) return;
  const next = structuredClone(object);
  next.spec = { ...next.spec, finalizers: finalizers.filter((f) => f !== namespaceFinalizer) };
  service.update(namespaceInfo, undefined, name, next, { subresource: 'finalize', fieldValidation: FieldValidation.Ignore });
}

function anyLeft(service: ObjectService, namespace: string): boolean {
  const { store, registry } = service.context;
  return registry
    .all()
    .some((info) => info.namespaced && store.list(collectionPrefix({ group: info.group, resource: info.resource, namespace }), { limit: 1 }).items.length > 0);
}
