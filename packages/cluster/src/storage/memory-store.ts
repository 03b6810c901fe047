// MemoryStore: the Store interface over a Map, for unit tests and for running without a data directory.
import { RevisionedIndex } from './revisioned-index.js';
import type { Store, StoreEvent, StoreKey, StoreListener, StoreWatch } from './store.js';
import { StoreClosedError } from './store-closed-error.js';

export interface MemoryStoreOptions {
  /** How many recent events a watch can replay (default 10,000); older revisions give CompactedError. */
  historyCapacity?: number;
  /** Called when a watch listener throws (default: console.error). */
  onListenerError?: (error: unknown, event: StoreEvent) => void;
}

/** Not durable: history is only the watch buffer, and everything is lost on close. */
export class MemoryStore extends RevisionedIndex implements Store {
  private closed = false;

  constructor(options: MemoryStoreOptions = {}) {
    super({ startRevision: 0, ...options });
  }

  /** Nothing is kept beyond the process: every write is as durable as it will ever be. */
  durableRevision(): number {
    return this.revision;
  }

  whenDurable(): Promise<void> {
    return Promise.resolve();
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

  protected checkOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }

  /** Memory is all there is: a write needs nothing more. */
  protected record(): void {}
}
