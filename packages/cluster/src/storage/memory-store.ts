// MemoryStore: the Store interface over a Map, for unit tests and for running without a data directory.
import type { KubeObject } from '@aviary/kube';
import { LiveIndex } from './live-index.js';
import { encodeObject, lazyStoredObject, restampJson } from './object-codec.js';
import {
  KeyExistsError,
  KeyNotFoundError,
  RevisionConflictError,
  StoreEventType,
  type ListParams,
  type ListResult,
  type Store,
  type StoredObject,
  type StoreEvent,
  type StoreKey,
  type StoreListener,
  type StoreWatch,
} from './store.js';
import { StoreClosedError } from './store-closed-error.js';
import { WatchHub } from './watch-hub.js';
import type { LiveEntry } from './live-index.js';

export interface MemoryStoreOptions {
  /** How many recent events a watch can replay (default 10,000); older revisions give CompactedError. */
  historyCapacity?: number;
  /** Called when a watch listener throws (default: console.error). */
  onListenerError?: (error: unknown, event: StoreEvent) => void;
}

/** Not durable: history is only the watch buffer, and everything is lost on close. */
export class MemoryStore implements Store {
  private readonly live = new LiveIndex();
  private readonly hub: WatchHub;
  private revision = 0;
  private closed = false;

  constructor(options: MemoryStoreOptions = {}) {
    this.hub = new WatchHub({
      startRevision: 0,
      ...(options.historyCapacity !== undefined && { capacity: options.historyCapacity }),
      ...(options.onListenerError && { onListenerError: options.onListenerError }),
    });
  }

  currentRevision(): number {
    return this.revision;
  }

  /** Nothing is kept beyond the process: every write is as durable as it will ever be. */
  durableRevision(): number {
    return this.revision;
  }

  whenDurable(): Promise<void> {
    return Promise.resolve();
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
    this.commit(key, { revision, json });
    this.hub.publish({ type: StoreEventType.Added, key, revision, json }, object);
    return lazyStoredObject(key, revision, json);
  }

  update(key: StoreKey, object: KubeObject, expectedRevision?: number): StoredObject {
    this.checkOpen();
    const current = this.currentEntry(key, expectedRevision);
    const revision = this.revision + 1;
    const json = encodeObject(object, revision);
    this.commit(key, { revision, json });
    this.hub.publish({ type: StoreEventType.Modified, key, revision, json, previousJson: current.json }, object);
    return lazyStoredObject(key, revision, json);
  }

  delete(key: StoreKey, expectedRevision?: number): StoredObject {
    this.checkOpen();
    const current = this.currentEntry(key, expectedRevision);
    const revision = this.revision + 1;
    const json = restampJson(current.json, revision);
    this.revision = revision;
    this.live.remove(key);
    const deleted = lazyStoredObject(key, revision, json);
    this.hub.publish({ type: StoreEventType.Deleted, key, revision, json, previousJson: current.json });
    return deleted;
  }

  watch(prefix: StoreKey, afterRevision: number, listener: StoreListener): StoreWatch {
    this.checkOpen();
    return this.hub.watch(prefix, afterRevision, listener);
  }

  oldestWatchableRevision(): number {
    return this.hub.floor;
  }

  compact(keepRevisions: number): void {
    this.checkOpen();
    this.hub.dropThrough(this.revision - Math.max(0, keepRevisions));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.hub.stopAll();
    this.live.clear();
  }

  private commit(key: StoreKey, entry: LiveEntry): void {
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

  private checkOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
