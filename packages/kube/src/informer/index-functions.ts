// The built-in informer indexes: by namespace, by controlling owner's uid, and by `key=value` label.
import type { DeepReadonly, KubeObject } from '../types/meta.js';

/** The values an object is filed under in one index; an empty list leaves it out of that index. */
export type IndexFunc<T> = (obj: DeepReadonly<T>) => readonly string[];

/** The names of the indexes every informer has. */
export const IndexName = {
  Namespace: 'namespace',
  Controller: 'controller',
  Label: 'label',
} as const;
export type IndexName = (typeof IndexName)[keyof typeof IndexName];

/** By `metadata.namespace` ('' for cluster-scoped objects). */
export function indexByNamespace(obj: DeepReadonly<KubeObject>): readonly string[] {
  return [obj.metadata?.namespace ?? ''];
}

/** By the uid of the ownerReference marked `controller: true`. */
export function indexByController(obj: DeepReadonly<KubeObject>): readonly string[] {
  const owner = obj.metadata?.ownerReferences?.find((ref) => ref.controller === true);
  return owner ? [owner.uid] : [];
}

/** By each label as `key=value`. */
export function indexByLabel(obj: DeepReadonly<KubeObject>): readonly string[] {
  return Object.entries(obj.metadata?.labels ?? {}).map(([key, value]) => `${key}=${value}`);
}

export function builtInIndexers(): Record<IndexName, IndexFunc<KubeObject>> {
  return {
    [IndexName.Namespace]: indexByNamespace,
    [IndexName.Controller]: indexByController,
    [IndexName.Label]: indexByLabel,
  };
}
