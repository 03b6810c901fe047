// Informer transforms: what a cache may drop from objects before storing them (client-go SharedInformer.SetTransform).
import type { KubeObject } from '../types/meta.js';

/** Rewrites each listed or watched object before it is frozen and cached; must not keep a reference to its input's parts that it changes. */
export type InformerTransform<T extends KubeObject = KubeObject> = (obj: T) => T;

/**
 * Drops `metadata.managedFields`, which controllers never read and which is often the largest part of a small
 * object (client-go based controllers use the same transform). Updates sent from a cached copy then carry no
 * managedFields, which the API server reads as "unchanged".
 */
export function stripManagedFields<T extends KubeObject>(obj: T): T {
  if (obj.metadata?.managedFields === undefined) return obj;
  const { managedFields: _dropped, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}
