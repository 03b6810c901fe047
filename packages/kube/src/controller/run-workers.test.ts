// Tests for runWorkers: forget on success, backoff on error, done on not-found, concurrency and stop.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/fake-clock.js';
import { ApiError } from '../errors/api-error.js';
import { WorkQueue } from '../queue/work-queue.js';
import { runWorkers } from './run-workers.js';

function notFound(): ApiError {
  return new ApiError({ code: 404, reason: 'NotFound', message: 'rollouts "x" not found' });
}

/** A promise with its resolve function outside, to hold a sync open. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('runWorkers', () => {
  it('syncs each queued key and forgets its backoff on success', async () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    const synced: string[] = [];
    queue.addRateLimited('ns/a'); // one recorded failure, due at 5 ms
    queue.add('ns/b');
    const handle = runWorkers({ name: 'test', queue, sync: async (key) => void synced.push(key) });
    await clock.advanceAsync(5);
    expect(synced).toEqual(['ns/b', 'ns/a']);
    expect(queue.numRequeues('ns/a')).toBe(0);
    await handle.stop();
  });

  it('requeues a failing key with growing backoff and reports each error', async () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    const attempts: number[] = [];
    const errors: string[] = [];
    const handle = runWorkers({
      name: 'test',
      queue,
      sync: async () => {
        attempts.push(clock.now());
        if (attempts.length < 4) throw new Error(`boom ${attempts.length}`);
      },
      onError: (key, err) => errors.push(`${key}: ${(err as Error).message}`),
    });
    queue.add('k');
    await clock.advanceAsync(100);
    // First try at 0, then retries 5, 10 and 20 ms after each failure.
    expect(attempts).toEqual([0, 5, 15, 35]);
    expect(errors).toEqual(['k: boom 1', 'k: boom 2', 'k: boom 3']);
    expect(queue.numRequeues('k')).toBe(0);
    await handle.stop();
  });

  it('treats not-found as done: no retry, no error report', async () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    let calls = 0;
    const errors: unknown[] = [];
    const handle = runWorkers({
      name: 'test',
      queue,
      sync: async () => {
        calls++;
        throw notFound();
      },
      onError: (_key, err) => errors.push(err),
    });
    queue.add('k');
    await clock.advanceAsync(10_000);
    expect(calls).toBe(1);
    expect(errors).toEqual([]);
    expect(queue.delayedLen()).toBe(0);
    await handle.stop();
  });

  it('honours a custom not-found predicate', async () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    let calls = 0;
    const handle = runWorkers({
      name: 'test',
      queue,
      sync: async () => {
        calls++;
        throw new Error('gone');
      },
      isNotFound: (err) => err instanceof Error && err.message === 'gone',
      onError: () => undefined,
    });
    queue.add('k');
    await clock.advanceAsync(1000);
    expect(calls).toBe(1);
    await handle.stop();
  });

  it('runs up to N keys at once and never the same key twice', async () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const active = new Set<string>();
    let maxActive = 0;
    let overlap = false;
    const handle = runWorkers({
      name: 'test',
      queue,
      workers: 3,
      sync: async (key) => {
        if (active.has(key)) overlap = true;
        active.add(key);
        maxActive = Math.max(maxActive, active.size);
        const gate = deferred();
        gates.set(key, gate);
        await gate.promise;
        active.delete(key);
      },
    });
    for (const key of ['a', 'b', 'c', 'd']) queue.add(key);
    await clock.advanceAsync(0);
    expect([...active].sort()).toEqual(['a', 'b', 'c']);
    queue.add('a'); // while processing: must wait for done
    await clock.advanceAsync(0);
    expect(overlap).toBe(false);
    gates.get('a')!.resolve();
    await clock.advanceAsync(0);
    expect([...active].sort()).toEqual(['b', 'c', 'd']);
    for (const key of ['b', 'c', 'd']) gates.get(key)!.resolve();
    await clock.advanceAsync(0);
    expect([...active]).toEqual(['a']);
    gates.get('a')!.resolve();
    await clock.advanceAsync(0);
    expect(maxActive).toBe(3);
    expect(overlap).toBe(false);
    await handle.stop();
  });

  it('stop shuts the queue and resolves only after the in-flight sync finishes', async () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    const gate = deferred();
    let finished = false;
    const handle = runWorkers({
      name: 'test',
      queue,
      workers: 2,
      sync: async () => {
        await gate.promise;
        finished = true;
      },
    });
    queue.add('k');
    await clock.advanceAsync(0);
    let stopped = false;
    const stopping = handle.stop().then(() => (stopped = true));
    await clock.advanceAsync(0);
    expect(queue.shuttingDown).toBe(true);
    expect(stopped).toBe(false);
    gate.resolve();
    await stopping;
    expect(finished).toBe(true);
  });

  it('runs a key that came due on a due worker while every ordinary worker is busy', async () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const started: string[] = [];
    const handle = runWorkers({
      name: 'test',
      queue,
      workers: 1,
      dueWorkers: 1,
      sync: async (key) => {
        started.push(key);
        const gate = deferred();
        gates.set(key, gate);
        await gate.promise;
      },
    });
    queue.add('busy');
    queue.add('backlog');
    queue.addAfter('paused', 1000);
    await clock.advanceAsync(0);
    expect(started).toEqual(['busy']); // the due worker does not take ordinary keys
    await clock.advanceAsync(1000);
    expect(started).toEqual(['busy', 'paused']);
    for (const key of ['busy', 'paused']) gates.get(key)!.resolve();
    await clock.advanceAsync(0);
    expect(started).toEqual(['busy', 'paused', 'backlog']);
    gates.get('backlog')!.resolve();
    await handle.stop();
  });

  it('rejects a worker count below one', () => {
    const queue = new WorkQueue({ clock: new FakeClock() });
    expect(() => runWorkers({ name: 'test', queue, workers: 0, sync: async () => undefined })).toThrow(RangeError);
  });
});

describe('runWorkers and the event loop', () => {
  it('lets a timer fire while a long queue of synchronous-looking syncs drains', async () => {
    const queue = new WorkQueue();
    for (let i = 0; i < 5_000; i++) queue.add(`ns/key-${i}`);
    let timerFiredAfter: number | undefined;
    let synced = 0;
    const started = performance.now();
    setTimeout(() => (timerFiredAfter = synced), 0);
    const workers = runWorkers({
      name: 'busy',
      queue,
      workers: 1,
      // Resolves through microtasks only, as a sync that finds nothing to write does.
      sync: async () => {
        const spinUntil = performance.now() + 0.05;
        while (performance.now() < spinUntil);
        synced++;
      },
    });
    while (synced < 5_000 && performance.now() - started < 10_000) await new Promise((resolve) => setImmediate(resolve));
    await workers.stop();
    expect(synced).toBe(5_000);
    expect(timerFiredAfter).toBeDefined();
    expect(timerFiredAfter!).toBeLessThan(5_000);
  });
});
