// The live objects of a store in memory: key → (revision, JSON), listed in key order with paging and filters.
import { decodeObject, lazyStoredObject } from './object-codec.js';
import { SortedKeySet } from './sorted-keys.js';
import type { ListParams, ListResult, StoredObject, StoreKey } from './store.js';

export interface LiveEntry {
  readonly revision: number;
  /** The object's JSON, already stamped with `revision`. */
  readonly json: string;
}

/** Shared by MemoryStore and SqliteStore: both serve reads from memory; SQLite only adds durability and history. */
export class LiveIndex {
  private readonly entries = new Map<StoreKey, LiveEntry>();
  private readonly keys = new SortedKeySet();

  get size(): number {
    return this.entries.size;
  }

  has(key: StoreKey): boolean {
    return this.entries.has(key);
  }

  entry(key: StoreKey): LiveEntry | undefined {
    return this.entries.get(key);
  }

  /** A fresh copy of the key's current value (decoded when first read), with its JSON. */
  get(key: StoreKey): StoredObject | undefined {
    const entry = this.entries.get(key);
    return entry && lazyStoredObject(key, entry.revision, entry.json);
  }

  set(key: StoreKey, entry: LiveEntry): void {
    if (!this.entries.has(key)) this.keys.add(key);
    this.entries.set(key, entry);
  }

  remove(key: StoreKey): void {
    if (this.entries.delete(key)) this.keys.remove(key);
  }

  clear(): void {
    this.entries.clear();
    this.keys.clear();
  }

  /**
   * Live objects under `prefix` in key order, after `continueAfter`, kept by `filter`, at most `limit`.
   * When the limit cuts the list and more keys remain under the prefix, `continueAfter` is the last key returned.
   */
  list(prefix: StoreKey, params: ListParams, revision: number): ListResult {
    const limit = params.limit !== undefined && params.limit > 0 ? params.limit : Infinity;
    const items: StoredObject[] = [];
    let cut = false;
    for (const key of this.keys.keysFrom(prefix, params.continueAfter)) {
      if (items.length >= limit) {
        cut = true;
        break;
      }
      const entry = this.entries.get(key);
      if (!entry) continue;
      const object = decodeObject(entry.json);
      if (params.filter && !params.filter(object)) continue;
      items.push({ key, revision: entry.revision, object });
    }
    const last = items[items.length - 1];
    return cut && last ? { items, revision, continueAfter: last.key } : { items, revision };
  }
}
