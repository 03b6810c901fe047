// runWorkers: the one controller worker loop — take a key, sync it, forget or requeue with backoff, done.
import { ApiError, isConflict, isNotFound as isApiNotFound } from '../errors/api-error.js';
import type { WorkQueue } from '../queue/work-queue.js';

/** The part of the work queue the worker loop uses. */
export type WorkerQueue = Pick<WorkQueue, 'get' | 'done' | 'forget' | 'addRateLimited' | 'shutDown' | 'numRequeues'> & Partial<Pick<WorkQueue, 'getDue'>>;

/** Reconciles one key; throw to retry it with backoff, return to mark it done. */
export type SyncFunction = (key: string) => Promise<void>;

export interface RunWorkersOptions {
  /** Names the controller in logs. */
  name: string;
  queue: WorkerQueue;
  /** How many keys are synced concurrently (never the same key twice); default 1. */
  workers?: number;
  /**
   * Extra workers that take only keys whose delayed requeue came due (the queue's `getDue`), so timed wake-ups
   * such as pause expiries are not held up while every other worker is busy; default 0.
   */
  dueWorkers?: number;
  sync: SyncFunction;
  /** Errors that mean the object is gone, so retrying cannot help; default the API not-found predicate. */
  isNotFound?: (err: unknown) => boolean;
  /** Told about each failed sync that is being retried; default logs a warning. */
  onError?: (key: string, err: unknown) => void;
}

/** Running workers: `stop` shuts the queue down and resolves once every in-flight sync has finished. */
export interface WorkersHandle {
  stop(): Promise<void>;
  /** Resolves when every worker has exited (after `stop`, or if the queue was shut down elsewhere). */
  readonly stopped: Promise<void>;
}

/**
 * Starts `workers` loops over `queue` (kubernetes/sample-controller's processNextWorkItem):
 * success forgets the key's backoff; a not-found error is treated as done; any other error
 * requeues the key rate-limited; the key is always marked done.
 */
export function runWorkers(options: RunWorkersOptions): WorkersHandle {
  const count = options.workers ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`runWorkers(${options.name}): workers must be a positive integer, got ${count}`);
  const dueCount = options.dueWorkers ?? 0;
  if (!Number.isInteger(dueCount) || dueCount < 0) throw new RangeError(`runWorkers(${options.name}): dueWorkers must be a non-negative integer, got ${dueCount}`);
  const { getDue } = options.queue;
  if (dueCount > 0 && getDue === undefined) throw new RangeError(`runWorkers(${options.name}): dueWorkers needs a queue with getDue`);
  const loops: Promise<void>[] = [];
  for (let i = 0; i < count; i++) loops.push(runWorker(options, () => options.queue.get()));
  for (let i = 0; i < dueCount; i++) loops.push(runWorker(options, () => getDue!.call(options.queue)));
  const stopped = Promise.all(loops).then(() => undefined);
  return {
    stopped,
    stop: () => {
      options.queue.shutDown();
      return stopped;
    },
  };
}

/** How long a worker may run syncs back to back before letting timers, sockets and signals in. */
const yieldEveryMs = 10;

/** Resolves after the event loop has run its pending I/O and timers (a macrotask, unlike a resolved promise). */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function runWorker(options: RunWorkersOptions, take: () => Promise<string | undefined>): Promise<void> {
  let since = performance.now();
  for (;;) {
    const key = await take();
    if (key === undefined) return;
    await processKey(options, key);
    // Syncs answered from caches resolve through microtasks only; without this a long queue (thousands of objects
    // at start-up) would hold off watch events, timed requeues and Ctrl-C until it drained.
    if (performance.now() - since >= yieldEveryMs) {
      await yieldToEventLoop();
      since = performance.now();
    }
  }
}

async function processKey(options: RunWorkersOptions, key: string): Promise<void> {
  const { queue } = options;
  const isNotFound = options.isNotFound ?? isApiNotFound;
  try {
    await options.sync(key);
    queue.forget(key);
  } catch (err: unknown) {
    if (isNotFound(err)) {
      queue.forget(key);
    } else {
      reportError(options, key, err);
      queue.addRateLimited(key);
    }
  } finally {
    queue.done(key);
  }
}

function reportError(options: RunWorkersOptions, key: string, err: unknown): void {
  try {
    if (options.onError) options.onError(key, err);
    // A 409 from a stale cache is routine optimistic concurrency: the retry reads the newer object.
    else if (isConflict(err) && options.queue.numRequeues(key) < 3) return;
    else console.warn(`[${options.name}] sync ${key} failed (retry ${options.queue.numRequeues(key) + 1}): ${describeError(err)}`);
  } catch (hookErr: unknown) {
    console.warn(`[${options.name}] onError for ${key} threw:`, hookErr);
  }
}

/**
 * One line for the log: API errors (409 conflicts from a stale cache are routine and retried) by their Status
 * message; anything else with its stack, since that is a defect worth reading.
 */
function describeError(err: unknown): string {
  if (err instanceof ApiError) return `${err.code} ${err.reason}: ${err.message}`;
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
