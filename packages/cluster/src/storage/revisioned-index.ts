// The in-memory half both stores share: live objects by key, the revision counter, the watch hub, and the writes.
import type { KubeObject } from '@aviary/kube';
import { LiveIndex, type LiveEntry } from './live-index.js';
import { encodeObject, lazyStoredObject, restampJson } from './object-codec.js';
import {
  KeyExistsError,
  KeyNotFoundError,
  RevisionConflictError,
  StoreEventType,
  type ListParams,
  type ListResult,
  type StoredObject,
  type StoreEvent,
  type StoreKey,
} from './store.js';
import { WatchHub } from './watch-hub.js';

/** One write as a store records it: kine's log row (a tombstone carries no value). */
export interface StoreWrite {
  readonly revision: number;
  readonly key: string;
  readonly created: boolean;
  readonly deleted: boolean;
  /** The revision of the value this write replaces (0 for a create). */
  readonly prevRevision: number;
  readonly value: string | null;
}

export interface RevisionedIndexOptions {
  /** The revision of the newest write already made (the live objects are loaded by the subclass). */
  startRevision: number;
  /** How many recent events are kept in memory for watches (default 10,000). */
  historyCapacity?: number;
  /** Called when a watch listener throws (default: console.error). */
  onListenerError?: (error: unknown, event: StoreEvent) => void;
}

/**
 * Reads, and the write mechanics of create/update/delete: the next revision, the stored JSON, the live index,
 * and the watch event (which lends the written object to in-process listeners). What else a write does — a
 * log row to commit, compaction — and when the store refuses calls are the subclass's.
 */
export abstract class RevisionedIndex {
  protected readonly live = new LiveIndex();
  protected readonly hub: WatchHub;
  protected revision: number;

  protected constructor(options: RevisionedIndexOptions) {
    this.revision = options.startRevision;
    this.hub = new WatchHub({
      startRevision: options.startRevision,
      ...(options.historyCapacity !== undefined && { capacity: options.historyCapacity }),
      ...(options.onListenerError && { onListenerError: options.onListenerError }),
    });
  }

  currentRevision(): number {
    return this.revision;
  }

  get(key: StoreKey): StoredObject | undefined {
    this.checkOpen();
    return this.live.get(key);
  }

  list(prefix: StoreKey, params: ListParams = {}): ListResult {
    this.checkOpen();
    return this.live.list(prefix, params, this.revision);
  }

  create(key: StoreKey, object: KubeObject): StoredObject {
    this.checkOpen();
    if (this.live.has(key)) throw new KeyExistsError(key);
    const revision = this.revision + 1;
    const json = encodeObject(object, revision);
    this.record({ revision, key, created: true, deleted: false, prevRevision: 0, value: json });
    this.setLive(key, { revision, json });
    this.hub.publish({ type: StoreEventType.Added, key, revision, json }, object);
    this.afterWrite();
    return lazyStoredObject(key, revision, json);
  }

  update(key: StoreKey, object: KubeObject, expectedRevision?: number): StoredObject {
    this.checkOpen();
    const current = this.currentEntry(key, expectedRevision);
    const revision = this.revision + 1;
    const json = encodeObject(object, revision);
    this.record({ revision, key, created: false, deleted: false, prevRevision: current.revision, value: json });
    this.setLive(key, { revision, json });
    this.hub.publish({ type: StoreEventType.Modified, key, revision, json, previousJson: current.json }, object);
    this.afterWrite();
    return lazyStoredObject(key, revision, json);
  }

  delete(key: StoreKey, expectedRevision?: number): StoredObject {
    this.checkOpen();
    const current = this.currentEntry(key, expectedRevision);
    const revision = this.revision + 1;
    this.record({ revision, key, created: false, deleted: true, prevRevision: current.revision, value: null });
    const json = restampJson(current.json, revision);
    this.revision = revision;
    this.live.remove(key);
    const deleted = lazyStoredObject(key, revision, json);
    this.hub.publish({ type: StoreEventType.Deleted, key, revision, json, previousJson: current.json });
    this.afterWrite();
    return deleted;
  }

  /** Throws when the store may not be used (closed, failed). */
  protected abstract checkOpen(): void;

  /** Called for every write before memory changes (SQLite queues the log row). */
  protected abstract record(write: StoreWrite): void;

  /** Called after every write has been published (SQLite compacts when due). */
  protected afterWrite(): void {}

  private setLive(key: StoreKey, entry: LiveEntry): void {
    this.revision = entry.revision;
    this.live.set(key, entry);
  }

  private currentEntry(key: StoreKey, expectedRevision: number | undefined): LiveEntry {
    const current = this.live.entry(key);
    if (!current) throw new KeyNotFoundError(key);
    if (expectedRevision !== undefined && expectedRevision !== current.revision) {
      throw new RevisionConflictError(key, expectedRevision, current.revision);
    }
    return current;
  }
}
