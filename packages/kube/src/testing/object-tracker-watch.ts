// The object tracker's watch side: a bounded event history and the watchers it fans changes out to, in order.
import type { KubeObject, Status, WatchEvent } from '../types/meta.js';
import { expiredError } from './object-tracker-errors.js';

/** One committed change; `previous` is the object before a modification (to compute selector transitions). */
export interface TrackedChange {
  readonly rv: number;
  /** `group/resource`: which collection changed. */
  readonly collection: string;
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly object: KubeObject;
  readonly previous?: KubeObject;
}

export interface WatchSubscription {
  readonly collection: string;
  /** Only objects in this namespace; undefined for all. */
  readonly namespace: string | undefined;
  /** The selector filter; a change that moves an object in or out of it becomes ADDED or DELETED. */
  readonly matches: (object: KubeObject) => boolean;
  readonly onEvent: (event: WatchEvent) => void;
  readonly onClose: (err?: unknown) => void;
}

/**
 * A watcher queues events and delivers them in order from a microtask, never re-entrantly from inside a
 * write. Delivery begins only after `start()`, which the tracker schedules to run after the caller of
 * `watch()` has received its handle.
 */
class Watcher {
  private readonly queue: WatchEvent[] = [];
  private started = false;
  private scheduled = false;
  /** Close cleanly once the queued events are delivered (after an ERROR event). */
  private endWhenDrained = false;
  stopped = false;

  constructor(readonly subscription: WatchSubscription) {}

  push(event: WatchEvent): void {
    if (this.stopped) return;
    this.queue.push(structuredClone(event));
    this.schedule();
  }

  start(): void {
    this.started = true;
    this.schedule();
  }

  endAfterQueued(): void {
    this.endWhenDrained = true;
  }

  close(err?: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    this.queue.length = 0;
    queueMicrotask(() => this.subscription.onClose(err));
  }

  private schedule(): void {
    if (!this.started || this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    while (!this.stopped && this.queue.length > 0) {
      const event = this.queue.shift();
      if (event) this.subscription.onEvent(event);
    }
    if (this.endWhenDrained) this.close();
  }
}

/** The event history and the open watchers of one tracker. */
export class WatchHub {
  private readonly history: TrackedChange[] = [];
  /** The highest resourceVersion evicted from history; watching from below it is 410 Expired. */
  private evictedThrough = 0;
  private readonly watchers = new Set<Watcher>();

  constructor(private readonly historyLimit: number) {}

  /** Records a change and fans it out to every interested watcher, translated for its filter. */
  publish(change: TrackedChange): void {
    this.history.push(change);
    if (this.history.length > this.historyLimit) {
      const evicted = this.history.shift();
      if (evicted) this.evictedThrough = evicted.rv;
    }
    for (const watcher of this.watchers) {
      const event = eventFor(watcher.subscription, change);
      if (event) watcher.push(event);
    }
  }

  /**
   * Opens a watcher. `initial` objects (a watch without resourceVersion) arrive first as ADDED; with
   * `sinceRv` the retained history after it is replayed, or an ERROR 410 event closes the watch when that
   * history is gone (as the API server does). Returns a function that starts delivery and one that stops.
   */
  subscribe(subscription: WatchSubscription, from: { sinceRv?: number; initial?: KubeObject[] }): { start: () => void; stop: (err?: unknown) => void } {
    const watcher = new Watcher(subscription);
    if (from.sinceRv !== undefined && from.sinceRv < this.evictedThrough) {
      const status: Status = expiredError(from.sinceRv, this.evictedThrough + 1).status;
      watcher.push({ type: 'ERROR', object: status as KubeObject });
      watcher.endAfterQueued();
      return { start: () => watcher.start(), stop: (err) => watcher.close(err) };
    }
    for (const object of from.initial ?? []) {
      if (inNamespace(subscription, object) && subscription.matches(object)) watcher.push({ type: 'ADDED', object });
    }
    if (from.sinceRv !== undefined) {
      const since = from.sinceRv;
      for (const change of this.history) {
        if (change.rv <= since) continue;
        const event = eventFor(subscription, change);
        if (event) watcher.push(event);
      }
    }
    this.watchers.add(watcher);
    return {
      start: () => watcher.start(),
      stop: (err) => {
        this.watchers.delete(watcher);
        watcher.close(err);
      },
    };
  }

  /** Closes every open watch, with `err` passed to onClose (undefined: a clean end of stream). */
  closeAll(err?: unknown): number {
    const count = this.watchers.size;
    for (const watcher of this.watchers) watcher.close(err);
    this.watchers.clear();
    return count;
  }

  openWatchCount(): number {
    return this.watchers.size;
  }
}

function inNamespace(subscription: WatchSubscription, object: KubeObject): boolean {
  return subscription.namespace === undefined || object.metadata?.namespace === subscription.namespace;
}

/** The event a watcher sees for a change: none, or MODIFIED turned ADDED/DELETED as the object enters or leaves its filter. */
function eventFor(subscription: WatchSubscription, change: TrackedChange): WatchEvent | undefined {
  if (change.collection !== subscription.collection || !inNamespace(subscription, change.object)) return undefined;
  const matchesNow = subscription.matches(change.object);
  if (change.type !== 'MODIFIED' || change.previous === undefined) return matchesNow ? { type: change.type, object: change.object } : undefined;
  const matchedBefore = subscription.matches(change.previous);
  if (matchesNow && matchedBefore) return { type: 'MODIFIED', object: change.object };
  if (matchesNow) return { type: 'ADDED', object: change.object };
  if (matchedBefore) return { type: 'DELETED', object: change.object };
  return undefined;
}
