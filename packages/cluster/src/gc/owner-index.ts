// The garbage collector's view of the cluster: every object by uid, and dependents by owner uid, kept current
// from the store's watch (k8s.io/kubernetes/pkg/controller/garbagecollector/graph.go, much reduced).
import type { KubeObject, OwnerReference } from '@aviary/kube';
import { copyMembers } from '../json/copy-members.js';
import type { StoreKey } from '../storage/store.js';

export interface IndexedObject {
  readonly key: StoreKey;
  readonly uid: string;
  readonly namespace: string | undefined;
  readonly deleting: boolean;
  readonly finalizers: readonly string[];
  readonly ownerReferences: readonly OwnerReference[];
}

export class OwnerIndex {
  private readonly byUid = new Map<string, IndexedObject>();
  private readonly byKey = new Map<StoreKey, IndexedObject>();
  private readonly dependentsByOwner = new Map<string, Set<StoreKey>>();

  /** Records the current value of the object at `key`; returns the previous entry. */
  upsert(key: StoreKey, object: KubeObject): IndexedObject | undefined {
    const previous = this.remove(key);
    const meta = object.metadata ?? {};
    if (!meta.uid) return previous;
    const entry: IndexedObject = {
      key,
      uid: meta.uid,
      namespace: meta.namespace,
      deleting: meta.deletionTimestamp !== undefined,
      // Copies: the object may be a writer's (StoreEvent.written), not the index's own.
      finalizers: meta.finalizers ? [...meta.finalizers] : [],
      ownerReferences: meta.ownerReferences ? meta.ownerReferences.map((ref) => copyMembers(ref)) : [],
    };
    this.byUid.set(entry.uid, entry);
    this.byKey.set(key, entry);
    for (const ref of entry.ownerReferences) {
      let set = this.dependentsByOwner.get(ref.uid);
      if (set === undefined) this.dependentsByOwner.set(ref.uid, (set = new Set()));
      set.add(key);
    }
    return previous;
  }

  /** Forgets the object at `key`; returns what was known about it. */
  remove(key: StoreKey): IndexedObject | undefined {
    const entry = this.byKey.get(key);
    if (entry === undefined) return undefined;
    this.byKey.delete(key);
    if (this.byUid.get(entry.uid)?.key === key) this.byUid.delete(entry.uid);
    for (const ref of entry.ownerReferences) {
      const set = this.dependentsByOwner.get(ref.uid);
      set?.delete(key);
      if (set?.size === 0) this.dependentsByOwner.delete(ref.uid);
    }
    return entry;
  }

  byUidOf(uid: string): IndexedObject | undefined {
    return this.byUid.get(uid);
  }

  byKeyOf(key: StoreKey): IndexedObject | undefined {
    return this.byKey.get(key);
  }

  /** Keys of the objects whose ownerReferences name `ownerUid`. */
  dependentsOf(ownerUid: string): StoreKey[] {
    return [...(this.dependentsByOwner.get(ownerUid) ?? [])];
  }

  hasDependents(ownerUid: string): boolean {
    return (this.dependentsByOwner.get(ownerUid)?.size ?? 0) > 0;
  }
}
