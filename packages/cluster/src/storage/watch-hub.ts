// The watch fan-out both stores share: a ring buffer of recent events, prefix-filtered listeners, replay from a revision.
import type { KubeObject } from '@aviary/kube';
import { lazyStoreEvent } from './object-codec.js';
import { CompactedError } from './store.js';
import type { StoreEvent, StoreEventType, StoreKey, StoreListener, StoreWatch } from './store.js';

/** An event as the hub keeps it: JSON text, decoded into fresh objects for each listener (lazily, on first read). */
export interface RecordedEvent {
  readonly type: StoreEventType;
  readonly key: StoreKey;
  readonly revision: number;
  /** The new value; for DELETED, the last value stamped with the delete's revision. */
  readonly json: string;
  /** The value before this change (absent for ADDED). */
  readonly previousJson?: string;
}

/**
 * Events under `prefix` with `afterRevision < revision <= throughRevision`, in order, from older history than
 * the buffer holds (SQLite reads them from its table). It may read lazily, but must not keep a statement open
 * while yielding: listeners run between yields and may write.
 */
export type HistoryReader = (afterRevision: number, throughRevision: number, prefix: StoreKey) => Iterable<RecordedEvent>;

export interface WatchHubOptions {
  /** The store's revision when the hub starts; events continue from `startRevision + 1`. */
  startRevision: number;
  /** How many recent events to keep for replay (default 10,000). */
  capacity?: number;
  /** Called when a listener throws; the other listeners still get the event. Default: console.error. */
  onListenerError?: (error: unknown, event: StoreEvent) => void;
}

interface Subscription {
  readonly prefix: StoreKey;
  readonly listener: StoreListener;
  /** The newest revision this subscription has seen (delivered, or skipped by its prefix). */
  lastSeen: number;
  active: boolean;
}

export const DEFAULT_HISTORY_CAPACITY = 10_000;

/** The event as a listener gets it: its own copies of the values, each decoded when first read. */
export function decodeEvent(recorded: RecordedEvent, written?: KubeObject): StoreEvent {
  return lazyStoreEvent(recorded, written);
}

function reportListenerError(error: unknown, event: StoreEvent): void {
  console.error(`store watch listener failed on ${event.type} ${event.key}@${event.revision}:`, error);
}

/**
 * Listeners are called synchronously after each commit, in revision order. A write made from inside a
 * listener is queued and delivered once the current event has reached every listener, so order holds.
 */
export class WatchHub {
  private readonly capacity: number;
  private readonly slots: (RecordedEvent | undefined)[];
  private start = 0;
  private count = 0;
  /** Every event with a revision above this one is in the buffer. */
  private floorRevision: number;
  private readonly subscriptions = new Set<Subscription>();
  /** Events to deliver, with the written object of live writes (never kept in the history slots). */
  private readonly pending: { recorded: RecordedEvent; written: KubeObject | undefined }[] = [];
  private delivering = false;
  private readonly onListenerError: (error: unknown, event: StoreEvent) => void;

  constructor(options: WatchHubOptions) {
    this.capacity = Math.max(1, Math.floor(options.capacity ?? DEFAULT_HISTORY_CAPACITY));
    this.slots = new Array<RecordedEvent | undefined>(this.capacity);
    this.floorRevision = options.startRevision;
    this.onListenerError = options.onListenerError ?? reportListenerError;
  }

  /** The oldest revision the buffer alone can replay after. */
  get floor(): number {
    return this.floorRevision;
  }

  get lastRevision(): number {
    return this.floorRevision + this.count;
  }

  get listenerCount(): number {
    return this.subscriptions.size;
  }

  /** Records an event (revisions must be consecutive) and delivers it, with the object as written (see StoreEvent.written). */
  publish(event: RecordedEvent, written?: KubeObject): void {
    if (event.revision !== this.lastRevision + 1) this.reset(event.revision - 1);
    if (this.count === this.capacity) this.evictOldest();
    this.slots[(this.start + this.count) % this.capacity] = event;
    this.count++;
    this.pending.push({ recorded: event, written });
    if (!this.delivering) this.drain();
  }

  /**
   * Replays events under `prefix` after `afterRevision` (from `history` for revisions older than the buffer),
   * then follows live events. Without `history`, a revision older than the buffer throws CompactedError.
   */
  watch(prefix: StoreKey, afterRevision: number, listener: StoreListener, history?: HistoryReader): StoreWatch {
    if (afterRevision < this.floorRevision && !history) throw new CompactedError(afterRevision, this.floorRevision);
    const subscription: Subscription = { prefix, listener, lastSeen: afterRevision, active: true };
    const stop = (): void => {
      subscription.active = false;
      this.subscriptions.delete(subscription);
    };
    this.replay(subscription, history);
    if (subscription.active) this.subscriptions.add(subscription);
    return { stop };
  }

  /** Forgets buffered events at or below `revision` (compaction); watches must then start after it. */
  dropThrough(revision: number): void {
    const target = Math.min(revision, this.lastRevision);
    while (this.floorRevision < target) {
      if (this.count > 0) this.evictOldest();
      else this.floorRevision = target;
    }
  }

  /** Stops every watch (the store is closing). */
  stopAll(): void {
    for (const subscription of this.subscriptions) subscription.active = false;
    this.subscriptions.clear();
    this.pending.length = 0;
  }

  private replay(subscription: Subscription, history: HistoryReader | undefined): void {
    while (subscription.active) {
      if (subscription.lastSeen < this.floorRevision) {
        if (!history) throw new CompactedError(subscription.lastSeen, this.floorRevision);
        const through = this.floorRevision;
        for (const event of history(subscription.lastSeen, through, subscription.prefix)) {
          if (!subscription.active) return;
          this.deliver(subscription, event);
        }
        subscription.lastSeen = Math.max(subscription.lastSeen, through);
        continue;
      }
      const next = subscription.lastSeen + 1;
      if (next > this.lastRevision) return;
      this.deliver(subscription, this.at(next));
    }
  }

  private drain(): void {
    this.delivering = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) {
        for (const subscription of [...this.subscriptions]) this.deliver(subscription, next.recorded, next.written);
      }
    } finally {
      this.delivering = false;
    }
  }

  private deliver(subscription: Subscription, recorded: RecordedEvent, written?: KubeObject): void {
    if (!subscription.active || recorded.revision <= subscription.lastSeen) return;
    subscription.lastSeen = recorded.revision;
    if (!recorded.key.startsWith(subscription.prefix)) return;
    const event = decodeEvent(recorded, written);
    try {
      subscription.listener(event);
    } catch (error: unknown) {
      this.onListenerError(error, event);
    }
  }

  private at(revision: number): RecordedEvent {
    const event = this.slots[(this.start + (revision - this.floorRevision - 1)) % this.capacity];
    if (!event || event.revision !== revision) throw new Error(`watch buffer lost revision ${revision}`);
    return event;
  }

  private evictOldest(): void {
    this.slots[this.start] = undefined;
    this.start = (this.start + 1) % this.capacity;
    this.count--;
    this.floorRevision++;
  }

  private reset(floor: number): void {
    this.slots.fill(undefined);
    this.start = 0;
    this.count = 0;
    this.floorRevision = floor;
  }
}
