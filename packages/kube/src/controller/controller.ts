// Controller: a work queue plus its workers, and the informer event handlers that feed keys into it.
import type { Clock } from '../clock/clock.js';
import type { RateLimiter } from '../queue/rate-limiter.js';
import { WorkQueue, type ReadyOrder } from '../queue/work-queue.js';
import type { KubeObject } from '../types/meta.js';
import { controllerOwnerKey, objectKey, type OwnerFilter } from './object-key.js';
import { runWorkers, type SyncFunction, type WorkersHandle } from './run-workers.js';

export interface ControllerOptions {
  /** Names the controller and its queue in logs. */
  name: string;
  /** Reconciles one `namespace/name` key; throw to retry with backoff. */
  sync: SyncFunction;
  /** Concurrent workers; default 1. */
  workers?: number;
  /** Extra workers for keys whose delayed requeue came due (timed wake-ups); default 0. See runWorkers. */
  dueWorkers?: number;
  clock?: Clock;
  rateLimiter?: RateLimiter;
  /** The order of the queue's ready keys; default arrival order. See ReadyOrder. */
  order?: ReadyOrder;
  /** Ordinary keys wait while timed wake-ups are worked off, at most this long at a time; default 0. See WorkQueue. */
  holdOrdinaryWhileDueMs?: number;
  isNotFound?: (err: unknown) => boolean;
  onError?: (key: string, err: unknown) => void;
}

/** Informer callbacks; `onDelete` may receive a tombstone for an object whose final state was missed. */
export interface ObjectEventHandlers<T extends KubeObject> {
  onAdd(obj: Readonly<T>): void;
  onUpdate(oldObj: Readonly<T>, newObj: Readonly<T>): void;
  onDelete(obj: Readonly<T> | unknown): void;
}

/**
 * The controller shape every Aviary controller shares (STYLE.md principle 1): informer event →
 * key (the owner's key for owned objects) → work queue → `sync(key)`. Controllers differ only in
 * their sync function and in which informers they wire to `handlers()` / `ownerHandlers()`.
 */
export class Controller {
  readonly name: string;
  readonly queue: WorkQueue;
  private readonly options: ControllerOptions;
  private workers: WorkersHandle | undefined;

  constructor(options: ControllerOptions) {
    this.options = options;
    this.name = options.name;
    this.queue = new WorkQueue({
      name: options.name,
      clock: options.clock,
      rateLimiter: options.rateLimiter,
      ...(options.order ? { order: options.order } : {}),
      ...(options.holdOrdinaryWhileDueMs ? { holdOrdinaryWhileDueMs: options.holdOrdinaryWhileDueMs } : {}),
    });
  }

  /** Queues the object's own key. */
  enqueue(obj: Readonly<KubeObject>): void {
    this.queue.add(objectKey(obj));
  }

  /** Queues the object's key after `delayMs` (e.g. when a pause or a timeout ends). */
  enqueueAfter(obj: Readonly<KubeObject>, delayMs: number): void {
    this.queue.addAfter(objectKey(obj), delayMs);
  }

  /** Queues the key of the object's controlling owner when it matches `filter`. */
  enqueueOwner(obj: Readonly<KubeObject>, filter: OwnerFilter): void {
    const key = controllerOwnerKey(obj, filter);
    if (key !== undefined) this.queue.add(key);
  }

  /** Handlers for the controller's primary kind: every add, update and delete queues the object. */
  handlers<T extends KubeObject>(): ObjectEventHandlers<T> {
    return {
      onAdd: (obj) => this.enqueue(obj),
      onUpdate: (_oldObj, newObj) => this.enqueue(newObj),
      onDelete: (obj) => {
        const deleted = deletedObject(obj);
        if (deleted !== undefined) this.enqueue(deleted);
      },
    };
  }

  /** Handlers for an owned kind (ReplicaSets of a Rollout): changes queue the controlling owner. */
  ownerHandlers<T extends KubeObject>(filter: OwnerFilter): ObjectEventHandlers<T> {
    return {
      onAdd: (obj) => this.enqueueOwner(obj, filter),
      onUpdate: (oldObj, newObj) => {
        // An owner that let go of the object must hear about it too.
        const oldKey = controllerOwnerKey(oldObj, filter);
        const newKey = controllerOwnerKey(newObj, filter);
        if (oldKey !== undefined && oldKey !== newKey) this.queue.add(oldKey);
        if (newKey !== undefined) this.queue.add(newKey);
      },
      onDelete: (obj) => {
        const deleted = deletedObject(obj);
        if (deleted !== undefined) this.enqueueOwner(deleted, filter);
      },
    };
  }

  /** Starts the workers (once). */
  run(): WorkersHandle {
    this.workers ??= runWorkers({
      name: this.name,
      queue: this.queue,
      workers: this.options.workers,
      dueWorkers: this.options.dueWorkers,
      sync: this.options.sync,
      isNotFound: this.options.isNotFound,
      onError: this.options.onError,
    });
    return this.workers;
  }

  /** Shuts the queue down and waits for in-flight syncs. */
  async stop(): Promise<void> {
    this.queue.shutDown();
    await this.workers?.stopped;
  }
}

/** The object of a delete notification: the object itself, or the `obj` inside a tombstone. */
function deletedObject(value: unknown): Readonly<KubeObject> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as { metadata?: { name?: unknown }; obj?: unknown };
  if (typeof candidate.metadata?.name === 'string') return value as KubeObject;
  if (candidate.obj !== undefined) return deletedObject(candidate.obj);
  return undefined;
}
