// Writes the collectors make through the REST semantics: finalizer removal, owner reference edits, deletes.
import type { KubeObject, OwnerReference } from '@aviary/kube';
import type { ResourceInfo } from '../registry/index.js';
import { parseObjectKey } from '../storage/keys.js';
import type { StoreKey } from '../storage/store.js';
import { FieldValidation } from '../server/plugins.js';
import type { ObjectService } from '../rest/object-service.js';

export interface LocatedObject {
  readonly info: ResourceInfo;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly object: KubeObject;
}

/** The live object at `key` with the ResourceInfo that serves it; undefined when gone or no longer served. */
export function locate(service: ObjectService, key: StoreKey): LocatedObject | undefined {
  const stored = service.context.store.get(key);
  if (stored === undefined) return undefined;
  const parts = parseObjectKey(key);
  const info = service.context.registry.all().find((i) => i.group === parts.group && i.resource === parts.resource);
  if (info === undefined) return undefined;
  return { info, namespace: parts.namespace, name: parts.name, object: stored.object };
}

/** Writes `object` back through update (status left as it is; removing the last finalizer completes a delete). */
export function writeBack(service: ObjectService, located: LocatedObject, object: KubeObject): void {
  service.update(located.info, located.namespace, located.name, object, { fieldValidation: FieldValidation.Ignore });
}

export function removeFinalizer(service: ObjectService, located: LocatedObject, finalizer: string): void {
  const finalizers = located.object.metadata?.finalizers ?? [];
  if (!finalizers.includes(finalizer)) return;
  const next = structuredClone(located.object);
  next.metadata = { ...next.metadata, finalizers: finalizers.filter((f) => f !== finalizer) };
  writeBack(service, located, next);
}

/** Rewrites the ownerReferences through `edit` (returning undefined drops the reference). */
export function editOwnerReferences(
  service: ObjectService,
  located: LocatedObject,
  edit: (ref: OwnerReference) => OwnerReference | undefined,
): void {
  const refs = located.object.metadata?.ownerReferences ?? [];
  const next = refs.flatMap((ref) => {
    const edited = edit(ref);
    return edited === undefined ? [] : [edited];
  });
  if (JSON.stringify(next) === JSON.stringify(refs)) return;
  const object = structuredClone(located.object);
  const metadata = { ...object.metadata, ownerReferences: next };
  if (next.length === 0) delete (metadata as { ownerReferences?: unknown }).ownerReferences;
  object.metadata = metadata;
  writeBack(service, located, object);
}
