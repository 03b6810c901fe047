// The candidates a controller must look at to claim its objects: those it controls (by uid) and the orphans in its
// namespace — found through indexes instead of a namespace scan (pkg/controller/controller_utils.go FilterPodsByOwner).
import { IndexName, type DeepReadonly, type KubeObject, type SharedInformer } from '@aviary/kube';
import { controllerOf } from './owner-reference.js';

/** Index of objects without a controller reference, by namespace. */
export const ORPHANS_BY_NAMESPACE = 'orphans-by-namespace';

/** Registers the orphan index on the informer unless another controller already did. */
export function ensureOrphanIndex<T extends KubeObject>(informer: SharedInformer<T>): void {
  if (informer.hasIndexer(ORPHANS_BY_NAMESPACE)) return;
  informer.addIndexer(ORPHANS_BY_NAMESPACE, (obj) => (controllerOf(obj) === undefined ? [obj.metadata?.namespace ?? ''] : []));
}

/**
 * The objects `owner` controls plus the orphans of its namespace: the same claim result as scanning the namespace,
 * since claimObjects skips whatever another controller owns. O(owned + orphans) instead of O(namespace).
 */
export function claimCandidates<T extends KubeObject>(informer: SharedInformer<T>, owner: DeepReadonly<KubeObject>): DeepReadonly<T>[] {
  const namespace = owner.metadata?.namespace ?? '';
  const uid = owner.metadata?.uid;
  if (!informer.hasIndexer(ORPHANS_BY_NAMESPACE) || uid === undefined) return informer.list(namespace);
  const owned = informer.byIndex(IndexName.Controller, uid).filter((obj) => (obj.metadata?.namespace ?? '') === namespace);
  return [...owned, ...informer.byIndex(ORPHANS_BY_NAMESPACE, namespace)];
}
