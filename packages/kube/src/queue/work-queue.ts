// WorkQueue: a de-duplicating, delaying, rate-limited queue of string keys (client-go util/workqueue semantics).
import { realClock, type Clock, type Timer } from '../clock/clock.js';
import { DelayHeap } from './delay-heap.js';
import { ExponentialRateLimiter, type RateLimiter } from './rate-limiter.js';
import { RingBuffer } from './ring-buffer.js';

/** The order in which keys added with `add` are handed out (timed wake-ups that came due always go first). */
export const ReadyOrder = {
  /** Arrival order, as client-go's workqueue. */
  Fifo: 'fifo',
  /**
   * The most recently added key first, except that every `oldestEvery`-th key is the longest-waiting one. A key
   * re-added by its own sync's writes (an object part-way through a multi-step change) is carried on to its next
   * wait before the backlog is started on, so a burst of changes progresses object after object instead of in
   * lock-step rounds — rounds make every object reach a timed step within the same second. The oldest key still
   * gets a fixed share of the workers, so nothing waits more than about `oldestEvery` times the backlog.
   */
  NewestFirst: 'newest-first',
} as const;
export type ReadyOrder = (typeof ReadyOrder)[keyof typeof ReadyOrder];

/**
 * The oldest key's share under `ReadyOrder.NewestFirst`. Measured on the rollouts bench (docs/benchmarks.md): 1 in 4
 * brought the lock-step back (p99 247 ms), 1 in 16 keeps the gain (80 – 127 ms, against 102 – 111 with no share).
 */
const DEFAULT_OLDEST_EVERY = 16;

export interface WorkQueueOptions {
  /** Drives `addAfter` and `addRateLimited`; default the real clock. */
  clock?: Clock;
  /** The order of keys added with `add`; default `ReadyOrder.Fifo`. */
  order?: ReadyOrder;
  /** With `ReadyOrder.NewestFirst`: every this many keys taken, one is the oldest; default 16. */
  oldestEvery?: number;
  /**
   * While timed wake-ups that came due are waiting or being processed, `get` hands out only those, for at most this
   * many milliseconds of each such stretch; default 0 (ordinary keys are never held). A wave of pause expiries then
   * has the API server to itself instead of sharing it with the writes of every change in progress.
   */
  holdOrdinaryWhileDueMs?: number;
  /** Decides backoff for `addRateLimited`; default 5 ms doubling per failure, capped at 1000 s. */
  rateLimiter?: RateLimiter;
  /** For logs and metrics. */
  name?: string;
}

type Waiter = (key: string | undefined) => void;

/**
 * A queue of keys where each key is in at most one place at a time (handed out in arrival order, or newest first
 * with `ReadyOrder.NewestFirst`):
 * - a key added while it waits in the queue is queued once;
 * - a key added while a worker processes it is queued again only after `done(key)`, so two
 *   workers never hold the same key;
 * - `addAfter` holds a key until its due time (the earliest of several pending requests wins),
 *   with one clock timer armed for the earliest due key; a key whose time has come goes ahead of
 *   every key added with `add` (a timed wake-up such as a pause expiry must not wait behind a
 *   backlog of event-driven syncs), and if it was already queued it moves to the front;
 * - `addRateLimited` waits the rate limiter's per-key backoff; `forget` resets it.
 *
 * Unlike client-go, `shutDown` drops the keys still queued: `get` answers undefined at once, so
 * workers stop promptly (the informers re-enqueue everything when a controller starts again).
 */
export class WorkQueue {
  readonly name: string;
  private readonly clock: Clock;
  private readonly rateLimiter: RateLimiter;
  /** Keys ready for a worker, in arrival order. May hold stale entries of keys that were served from `urgent`. */
  private readonly fifo = new RingBuffer<string>(1024);
  private readonly newestFirst: boolean;
  private readonly oldestEvery: number;
  /** Keys taken from `fifo` so far, for the oldest key's share under `ReadyOrder.NewestFirst`. */
  private fifoTakes = 0;
  /** Keys whose delayed time has come, served before `fifo`; every entry is live. */
  private readonly urgent = new RingBuffer<string>();
  /** The keys in `urgent`, so a key is put there once. */
  private readonly inUrgent = new Set<string>();
  /** Dirty keys whose next run is a due timed wake-up: `done` puts them back in `urgent`. */
  private readonly dueWhileProcessing = new Set<string>();
  /** How many distinct keys are ready (dirty and not processing); the lanes' lengths count stale entries too. */
  private ready = 0;
  /** Stale entries in `fifo` (of keys also put in `urgent`) not yet skipped; while 0 the FIFO needs no checks. */
  private staleInFifo = 0;
  /** Keys that need processing: the ones in `fifo` plus the ones re-added while processing. */
  private readonly dirty = new Set<string>();
  /** Keys handed to a worker and not yet `done`. */
  private readonly processing = new Set<string>();
  /** Workers blocked in `get`, served first-come first-served. */
  private readonly waiters = new RingBuffer<Waiter>();
  /** Workers blocked in `getDue`: they take only keys whose delayed time came, and are offered those first. */
  private readonly dueWaiters = new RingBuffer<Waiter>();
  private readonly delayed = new DelayHeap();
  private timer: Timer | undefined;
  private timerAt = Infinity;
  private readonly holdOrdinaryMs: number;
  /** Keys handed out from the urgent lane and not yet done. */
  private readonly dueProcessing = new Set<string>();
  /** When the current stretch of due work began (-Infinity: none under way). */
  private dueSince = -Infinity;
  private holdTimer: Timer | undefined;
  private shutting = false;

  constructor(options: WorkQueueOptions = {}) {
    this.name = options.name ?? 'workqueue';
    this.clock = options.clock ?? realClock;
    this.rateLimiter = options.rateLimiter ?? new ExponentialRateLimiter();
    this.newestFirst = options.order === ReadyOrder.NewestFirst;
    this.oldestEvery = options.oldestEvery ?? DEFAULT_OLDEST_EVERY;
    if (!Number.isInteger(this.oldestEvery) || this.oldestEvery < 1) throw new RangeError(`WorkQueue(${this.name}): oldestEvery must be a positive integer, got ${this.oldestEvery}`);
    this.holdOrdinaryMs = options.holdOrdinaryWhileDueMs ?? 0;
    if (!(this.holdOrdinaryMs >= 0)) throw new RangeError(`WorkQueue(${this.name}): holdOrdinaryWhileDueMs must be 0 or more, got ${this.holdOrdinaryMs}`);
  }

  /** Queues `key` now unless it is already queued (or shut down). */
  add(key: string): void {
    if (this.shutting || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return; // re-queued by done()
    this.enqueue(key);
  }

  /** Queues `key` once `delayMs` have passed on the clock; 0 or less queues it now. */
  addAfter(key: string, delayMs: number): void {
    if (this.shutting) return;
    if (!(delayMs > 0)) {
      this.add(key);
      return;
    }
    if (this.delayed.schedule(key, this.clock.now() + delayMs)) this.armTimer();
  }

  /** Queues `key` after the rate limiter's backoff for it (one more failure recorded). */
  addRateLimited(key: string): void {
    if (this.shutting) return;
    this.addAfter(key, this.rateLimiter.when(key));
  }

  /** Resets the backoff of `key`; call after it was processed successfully. */
  forget(key: string): void {
    this.rateLimiter.forget(key);
  }

  /** How many times `key` was rate-limited since it was last forgotten. */
  numRequeues(key: string): number {
    return this.rateLimiter.numRequeues(key);
  }

  /** Waits for a key and marks it as processing; undefined once the queue is shut down. */
  get(): Promise<string | undefined> {
    if (this.shutting) return Promise.resolve(undefined);
    const key = this.tryGet();
    if (key !== undefined) return Promise.resolve(key);
    return new Promise<string | undefined>((resolve) => this.waiters.push(resolve));
  }

  /**
   * Like `get`, but waits for a key from the urgent lane only (a delayed key whose time came). Workers that call
   * this keep timed wake-ups moving while every `get` worker is busy with a long backlog.
   */
  getDue(): Promise<string | undefined> {
    if (this.shutting) return Promise.resolve(undefined);
    const key = this.urgent.shift();
    if (key === undefined) return new Promise<string | undefined>((resolve) => this.dueWaiters.push(resolve));
    this.inUrgent.delete(key);
    this.takeDue(key);
    return Promise.resolve(key);
  }

  /** Takes a ready key without waiting (marking it processing), or undefined when none is ready. */
  tryGet(): string | undefined {
    if (this.shutting || this.ready === 0) return undefined;
    if (this.urgent.length === 0 && this.holdingOrdinary()) return undefined;
    const key = this.takeReady();
    this.ready--;
    this.processing.add(key);
    return key;
  }

  /** Marks `key` as no longer processing; if it was added meanwhile, it is queued again. */
  done(key: string): void {
    if (!this.processing.delete(key) || this.shutting) return;
    const wasDue = this.dueProcessing.delete(key);
    if (this.dirty.has(key)) {
      if (this.dueWhileProcessing.delete(key)) this.enqueueUrgent(key);
      else this.enqueue(key);
    }
    if (wasDue && this.dueProcessing.size === 0 && this.urgent.length === 0) this.endDueStretch();
  }

  /** Whether timed wake-ups that came due are waiting or being processed. */
  dueWorkActive(): boolean {
    return this.urgent.length > 0 || this.dueProcessing.size > 0;
  }

  /** How many keys are ready for a worker (not counting processing or delayed keys). */
  len(): number {
    return this.ready;
  }

  /** How many keys are waiting for a due time. */
  delayedLen(): number {
    return this.delayed.size;
  }

  /** Stops the queue: adds are ignored, queued and delayed keys are dropped, waiting `get`s answer undefined. */
  shutDown(): void {
    if (this.shutting) return;
    this.shutting = true;
    this.timer?.cancel();
    this.timer = undefined;
    this.timerAt = Infinity;
    this.delayed.clear();
    this.fifo.clear();
    this.urgent.clear();
    this.inUrgent.clear();
    this.dueWhileProcessing.clear();
    this.dueProcessing.clear();
    this.holdTimer?.cancel();
    this.holdTimer = undefined;
    this.ready = 0;
    this.staleInFifo = 0;
    this.dirty.clear();
    for (let waiter = this.waiters.shift(); waiter !== undefined; waiter = this.waiters.shift()) waiter(undefined);
    for (let waiter = this.dueWaiters.shift(); waiter !== undefined; waiter = this.dueWaiters.shift()) waiter(undefined);
  }

  get shuttingDown(): boolean {
    return this.shutting;
  }

  /** Hands a dirty, not-processing key to a blocked worker, or appends it to the FIFO. */
  private enqueue(key: string): void {
    const waiter = this.holdingOrdinary() ? undefined : this.waiters.shift();
    if (waiter !== undefined) return this.handTo(waiter, key);
    this.fifo.push(key);
    this.ready++;
  }

  /** Like `enqueue`, into the lane served first; a worker waiting in `getDue` is offered it first. */
  private enqueueUrgent(key: string): void {
    this.startDueStretch();
    const waiter = this.dueWaiters.shift() ?? this.waiters.shift();
    if (waiter !== undefined) {
      this.dueProcessing.add(key);
      return this.handTo(waiter, key);
    }
    this.urgent.push(key);
    this.inUrgent.add(key);
    this.ready++;
  }

  /** Gives a dirty, not-queued key straight to a blocked worker. */
  private handTo(waiter: Waiter, key: string): void {
    this.dirty.delete(key);
    this.processing.add(key);
    waiter(key);
  }

  /**
   * A delayed key came due: queue it ahead of the FIFO. Already waiting in the FIFO, it is also put in the
   * urgent lane and its FIFO entry goes stale; being processed, it is re-queued urgently by `done`.
   */
  private addDue(key: string): void {
    if (this.shutting) return;
    if (this.processing.has(key)) {
      this.dirty.add(key);
      this.dueWhileProcessing.add(key);
    } else if (!this.dirty.has(key)) {
      this.dirty.add(key);
      this.enqueueUrgent(key);
    } else if (!this.inUrgent.has(key)) {
      // Waiting in the FIFO: that entry goes stale, the key is served from the urgent lane (or at once).
      this.staleInFifo++;
      this.startDueStretch();
      const waiter = this.dueWaiters.shift();
      if (waiter === undefined) {
        this.urgent.push(key);
        this.inUrgent.add(key);
        return;
      }
      this.takeDue(key);
      waiter(key);
    }
  }

  /** Marks a ready due key (out of the urgent lane or the FIFO) as handed to a worker. */
  private takeDue(key: string): void {
    this.dirty.delete(key);
    this.ready--;
    this.processing.add(key);
    this.dueProcessing.add(key);
  }

  /** True while ordinary keys wait for the due work under way (see `holdOrdinaryWhileDueMs`). */
  private holdingOrdinary(): boolean {
    return this.holdOrdinaryMs > 0 && this.dueWorkActive() && this.clock.now() - this.dueSince < this.holdOrdinaryMs;
  }

  /** Due work is about to be under way: a new stretch starts unless one already is. */
  private startDueStretch(): void {
    if (this.dueWorkActive() || this.holdOrdinaryMs === 0) return;
    this.dueSince = this.clock.now();
    this.holdTimer?.cancel();
    this.holdTimer = this.clock.setTimer(() => {
      this.holdTimer = undefined;
      this.releaseHeldWorkers();
    }, this.holdOrdinaryMs);
  }

  /** The due work is done: workers waiting while ordinary keys were held take them now. */
  private endDueStretch(): void {
    if (this.holdOrdinaryMs === 0) return;
    this.dueSince = -Infinity;
    this.holdTimer?.cancel();
    this.holdTimer = undefined;
    this.releaseHeldWorkers();
  }

  private releaseHeldWorkers(): void {
    while (this.waiters.length > 0) {
      const key = this.tryGet();
      if (key === undefined) return;
      this.waiters.shift()!(key);
    }
  }

  /**
   * Takes the next ready key (the caller checked there is one). Urgent entries are always live: the lane is
   * drained before the FIFO, so a key in it cannot have been served from the FIFO. A FIFO entry is stale when its
   * key was served from the urgent lane (it is then no longer dirty, or dirty again while processing); from
   * whichever end the FIFO is read, each stale entry is skipped once.
   */
  private takeReady(): string {
    const urgentKey = this.urgent.shift();
    if (urgentKey !== undefined) {
      this.inUrgent.delete(urgentKey);
      this.dirty.delete(urgentKey);
      this.dueProcessing.add(urgentKey);
      return urgentKey;
    }
    const oldest = !this.newestFirst || ++this.fifoTakes % this.oldestEvery === 0;
    for (;;) {
      const key = (oldest ? this.fifo.shift() : this.fifo.pop()) as string;
      if (this.staleInFifo > 0 && (this.processing.has(key) || !this.dirty.has(key))) {
        this.staleInFifo--;
        continue;
      }
      this.dirty.delete(key);
      return key;
    }
  }

  /** Keeps exactly one timer armed, for the earliest delayed key. */
  private armTimer(): void {
    const readyAt = this.delayed.peekReadyAt();
    if (readyAt === undefined || readyAt >= this.timerAt) return;
    this.timer?.cancel();
    this.timerAt = readyAt;
    this.timer = this.clock.setTimer(() => this.releaseDueKeys(), readyAt - this.clock.now());
  }

  private releaseDueKeys(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.clock.now();
    for (let key = this.delayed.popDue(now); key !== undefined; key = this.delayed.popDue(now)) this.addDue(key);
    // A real timer may fire a little before the millisecond clock reaches the due time: re-arm.
    this.armTimer();
  }
}
