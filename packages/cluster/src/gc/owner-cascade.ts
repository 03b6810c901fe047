// Owner-reference cascading: deleting dependents whose owners are gone (background), deleting dependents before
// their owner (foreground, `foregroundDeletion` finalizer), and releasing dependents (orphan, `orphan` finalizer).
import type { StoreKey } from '../storage/store.js';
import { deleteObject, FinalizerName } from '../rest/object-deletion.js';
import type { ObjectService } from '../rest/object-service.js';
import { editOwnerReferences, locate, removeFinalizer } from './object-edits.js';
import type { IndexedObject, OwnerIndex } from './owner-index.js';

/**
 * Looks at one dependent's owners. Owners that are gone are "dangling"; owners being deleted in the
 * foreground are "waiting". With a live owner left, the dangling references are dropped and the waiting ones
 * stop blocking; with none left, the dependent is deleted (in the foreground when a waiting owner needs it
 * gone first and it has dependents of its own).
 */
export function processDependent(service: ObjectService, index: OwnerIndex, key: StoreKey): void {
  const located = locate(service, key);
  if (located === undefined) return;
  const meta = located.object.metadata ?? {};
  const refs = meta.ownerReferences ?? [];
  if (refs.length === 0) return;
  const ownerOf = (uid: string): IndexedObject | undefined => {
    const owner = index.byUidOf(uid);
    // A namespaced dependent can only be owned by a cluster-scoped object or one in its own namespace.
    if (owner !== undefined && owner.namespace !== undefined && owner.namespace !== meta.namespace) return undefined;
    return owner;
  };
  const isWaiting = (owner: IndexedObject): boolean => owner.deleting && owner.finalizers.includes(FinalizerName.Foreground);
  const dangling = refs.filter((ref) => ownerOf(ref.uid) === undefined);
  const waiting = refs.filter((ref) => {
    const owner = ownerOf(ref.uid);
    return owner !== undefined && isWaiting(owner);
  });
  const solid = refs.length - dangling.length - waiting.length;
  if (solid > 0) {
    if (dangling.length === 0 && !waiting.some((ref) => ref.blockOwnerDeletion)) return;
    const danglingUids = new Set(dangling.map((ref) => ref.uid));
    const waitingUids = new Set(waiting.map((ref) => ref.uid));
    editOwnerReferences(service, located, (ref) => {
      if (danglingUids.has(ref.uid)) return undefined;
      if (waitingUids.has(ref.uid) && ref.blockOwnerDeletion) return { ...ref, blockOwnerDeletion: false };
      return ref;
    });
    return;
  }
  if (meta.deletionTimestamp) return;
  const foreground = waiting.length > 0 && meta.uid !== undefined && index.hasDependents(meta.uid);
  deleteObject(service, located.info, located.namespace, located.name, {
    propagationPolicy: foreground ? 'Foreground' : 'Background',
    ...(meta.uid !== undefined ? { preconditions: { uid: meta.uid } } : {}),
  });
}

/**
 * Works an owner being deleted with the orphan or foregroundDeletion finalizer: orphaning removes the owner
 * from every dependent and then the finalizer; foreground queues the dependents for deletion and removes the
 * finalizer once no dependent that blocks owner deletion is left.
 */
export function processOwner(service: ObjectService, index: OwnerIndex, uid: string, enqueueDependent: (key: StoreKey) => void): void {
  const entry = index.byUidOf(uid);
  if (entry === undefined || !entry.deleting) return;
  const located = locate(service, entry.key);
  if (located === undefined) return;
  const finalizers = located.object.metadata?.finalizers ?? [];
  if (finalizers.includes(FinalizerName.Orphan)) {
    for (const dependentKey of index.dependentsOf(uid)) {
      const dependent = locate(service, dependentKey);
      if (dependent !== undefined) editOwnerReferences(service, dependent, (ref) => (ref.uid === uid ? undefined : ref));
    }
    const refreshed = locate(service, entry.key);
    if (refreshed !== undefined) removeFinalizer(service, refreshed, FinalizerName.Orphan);
    return;
  }
  if (!finalizers.includes(FinalizerName.Foreground)) return;
  let blocking = 0;
  for (const dependentKey of index.dependentsOf(uid)) {
    const dependent = index.byKeyOf(dependentKey);
    if (dependent === undefined) continue;
    if (!dependent.deleting) enqueueDependent(dependentKey);
    if (dependent.ownerReferences.some((ref) => ref.uid === uid && ref.blockOwnerDeletion === true)) blocking++;
  }
  if (blocking === 0) removeFinalizer(service, located, FinalizerName.Foreground);
}
