// Tests for WorkQueue: de-duplication, processing hand-off, delayed and rate-limited adds, shutdown.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/fake-clock.js';
import { RealClock } from '../clock/clock.js';
import { ExponentialRateLimiter } from './rate-limiter.js';
import { ReadyOrder, WorkQueue } from './work-queue.js';

function drain(queue: WorkQueue): string[] {
  const keys: string[] = [];
  for (let key = queue.tryGet(); key !== undefined; key = queue.tryGet()) {
    keys.push(key);
    queue.done(key);
  }
  return keys;
}

describe('WorkQueue basics', () => {
  it('hands keys out in arrival order, each added key once', () => {
    const queue = new WorkQueue({ clock: new FakeClock() });
    for (const key of ['a', 'b', 'a', 'c', 'b']) queue.add(key);
    expect(queue.len()).toBe(3);
    expect(drain(queue)).toEqual(['a', 'b', 'c']);
    expect(queue.len()).toBe(0);
  });

  it('re-queues a key added while it is processing only after done, and never to two workers', () => {
    const queue = new WorkQueue({ clock: new FakeClock() });
    queue.add('a');
    expect(queue.tryGet()).toBe('a');
    queue.add('a');
    queue.add('a');
    expect(queue.len()).toBe(0);
    expect(queue.tryGet()).toBeUndefined();
    queue.done('a');
    expect(queue.len()).toBe(1);
    expect(queue.tryGet()).toBe('a');
    queue.done('a');
    expect(queue.len()).toBe(0);
  });

  it('does not re-queue a key that was not added again while processing', () => {
    const queue = new WorkQueue({ clock: new FakeClock() });
    queue.add('a');
    queue.done(queue.tryGet()!);
    queue.done('a');
    expect(queue.len()).toBe(0);
  });

  it('wakes a waiting get when a key arrives, serving waiters first-come first-served', async () => {
    const queue = new WorkQueue({ clock: new FakeClock() });
    const first = queue.get();
    const second = queue.get();
    queue.add('x');
    queue.add('y');
    expect(await first).toBe('x');
    expect(await second).toBe('y');
    // Both keys are processing: adding them again does not hand them out before done.
    queue.add('x');
    expect(queue.tryGet()).toBeUndefined();
    queue.done('x');
    expect(await queue.get()).toBe('x');
  });

  it('keeps order across many keys (ring buffer growth)', () => {
    const queue = new WorkQueue({ clock: new FakeClock() });
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i}`);
    for (const key of keys.slice(0, 3000)) queue.add(key);
    expect(drain(queue).slice(0, 2)).toEqual(['k0', 'k1']);
    for (const key of keys) queue.add(key);
    expect(drain(queue)).toEqual(keys);
  });

  it('after shutDown: get answers undefined, waiting gets wake with undefined, adds are ignored', async () => {
    const clock = new FakeClock();
    const queue = new WorkQueue({ clock });
    const waiting = queue.get();
    queue.addAfter('later', 1000);
    queue.shutDown();
    expect(queue.shuttingDown).toBe(true);
    expect(await waiting).toBeUndefined();
    queue.add('a');
    expect(await queue.get()).toBeUndefined();
    expect(queue.tryGet()).toBeUndefined();
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(2000);
    expect(queue.len()).toBe(0);
  });
});

describe('WorkQueue.addAfter', () => {
  it('queues the key exactly at the advanced time on the fake clock', () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    queue.addAfter('a', 2000);
    clock.advance(1999);
    expect(queue.tryGet()).toBeUndefined();
    clock.advance(1);
    expect(clock.now()).toBe(2000);
    expect(queue.tryGet()).toBe('a');
  });

  it('arms one timer for the earliest due key, whatever the order of adds', () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    queue.addAfter('c', 300);
    queue.addAfter('a', 100);
    queue.addAfter('b', 200);
    expect(clock.pendingTimers()).toBe(1);
    expect(clock.nextTimerAt()).toBe(100);
    clock.advance(100);
    expect(drain(queue)).toEqual(['a']);
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(250);
    expect(drain(queue)).toEqual(['b', 'c']);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('lets an earlier deadline for the same key win and ignores a later one', () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    queue.addAfter('a', 1000);
    queue.addAfter('a', 300); // earlier: wins
    queue.addAfter('a', 5000); // later: ignored while 300 is pending
    expect(queue.delayedLen()).toBe(1);
    clock.advance(300);
    expect(drain(queue)).toEqual(['a']);
    clock.advance(10_000);
    expect(drain(queue)).toEqual([]);
  });

  it('adds at once for a zero or negative delay', () => {
    const queue = new WorkQueue({ clock: new FakeClock() });
    queue.addAfter('a', 0);
    queue.addAfter('b', -5);
    expect(drain(queue)).toEqual(['a', 'b']);
  });

  it('de-duplicates a due key against the same key already queued', () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    queue.add('a');
    queue.addAfter('a', 10);
    clock.advance(10);
    expect(drain(queue)).toEqual(['a']);
  });

  it('fires a delayed add scheduled 2 s ahead between 2.00 and 2.05 s later on the real clock', async () => {
    const queue = new WorkQueue({ clock: new RealClock() });
    const start = performance.now();
    queue.addAfter('a', 2000);
    const key = await queue.get();
    const elapsed = performance.now() - start;
    expect(key).toBe('a');
    // The clock counts whole milliseconds, so the due time can land up to 1 ms before 2000 ms of
    // sub-millisecond time have passed.
    expect(elapsed).toBeGreaterThanOrEqual(1999);
    expect(elapsed).toBeLessThanOrEqual(2050);
  });
});

describe('WorkQueue timed wake-ups go ahead of the backlog', () => {
  function backlog(queue: WorkQueue, count: number): void {
    for (let i = 0; i < count; i++) queue.add(`backlog-${i}`);
  }

  it('serves a due key before keys added with add, and keeps the rest in order', () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    queue.addAfter('paused', 1000);
    backlog(queue, 3);
    clock.advance(1000);
    expect(queue.len()).toBe(4);
    expect(drain(queue)).toEqual(['paused', 'backlog-0', 'backlog-1', 'backlog-2']);
  });

  it('serves several due keys in due order, all before the backlog', () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    queue.addAfter('late', 20);
    queue.addAfter('early', 10);
    backlog(queue, 2);
    clock.advance(20);
    expect(drain(queue)).toEqual(['early', 'late', 'backlog-0', 'backlog-1']);
  });

  it('moves a key already waiting in the FIFO to the front, and hands it out once', () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    backlog(queue, 2);
    queue.add('paused');
    queue.add('last');
    queue.addAfter('paused', 5);
    clock.advance(5);
    expect(queue.len()).toBe(4);
    expect(drain(queue)).toEqual(['paused', 'backlog-0', 'backlog-1', 'last']);
    expect(queue.len()).toBe(0);
  });

  it('skips the stale FIFO entry of a promoted key that is processing again', () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    queue.add('paused');
    queue.add('other');
    queue.addAfter('paused', 5);
    clock.advance(5);
    expect(queue.tryGet()).toBe('paused');
    queue.add('paused'); // changed again while being synced: waits for done
    expect(queue.tryGet()).toBe('other');
    expect(queue.tryGet()).toBeUndefined(); // the stale FIFO entry of 'paused' is not handed out
    expect(queue.len()).toBe(0);
    queue.done('other');
    queue.done('paused');
    expect(drain(queue)).toEqual(['paused']);
  });

  it('re-queues a key that came due while processing ahead of the backlog on done', () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    queue.add('paused');
    expect(queue.tryGet()).toBe('paused');
    queue.addAfter('paused', 5);
    backlog(queue, 2);
    clock.advance(5);
    expect(queue.len()).toBe(2); // processing: not ready yet
    queue.done('paused');
    expect(drain(queue)).toEqual(['paused', 'backlog-0', 'backlog-1']);
  });

  it('hands a due key straight to a waiting worker', async () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    const waiting = queue.get();
    queue.addAfter('paused', 5);
    clock.advance(5);
    expect(await waiting).toBe('paused');
    queue.addAfter('paused', 5); // due again while processing
    clock.advance(5);
    expect(queue.tryGet()).toBeUndefined();
    queue.done('paused');
    expect(drain(queue)).toEqual(['paused']);
  });

  it('getDue waits for a due key only, and takes one already waiting in the FIFO', async () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    queue.add('backlog-0');
    queue.add('paused');
    const due = queue.getDue();
    queue.add('backlog-1');
    queue.addAfter('paused', 5);
    clock.advance(5);
    expect(await due).toBe('paused');
    expect(queue.len()).toBe(2);
    expect(drain(queue)).toEqual(['backlog-0', 'backlog-1']); // the stale FIFO entry of 'paused' is skipped
    queue.done('paused');
    expect(queue.len()).toBe(0);
  });

  it('getDue answers undefined on shutDown', async () => {
    const queue = new WorkQueue({ clock: new FakeClock() });
    const due = queue.getDue();
    queue.shutDown();
    expect(await due).toBeUndefined();
  });

  it('drops the urgent lane on shutDown', () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    backlog(queue, 1);
    queue.addAfter('paused', 5);
    clock.advance(5);
    queue.shutDown();
    expect(queue.len()).toBe(0);
    expect(queue.tryGet()).toBeUndefined();
  });
});

describe('WorkQueue with ReadyOrder.NewestFirst', () => {
  const newestFirst = (oldestEvery?: number) =>
    new WorkQueue({ clock: new FakeClock({ startMs: 0 }), order: ReadyOrder.NewestFirst, ...(oldestEvery !== undefined ? { oldestEvery } : {}) });

  it('hands out the newest key first, and every fourth the oldest when asked to', () => {
    const queue = newestFirst(4);
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) queue.add(key);
    expect(drain(queue)).toEqual(['h', 'g', 'f', 'a', 'e', 'd', 'c', 'b']);
  });

  it('gives the oldest key every sixteenth turn by default', () => {
    const queue = newestFirst();
    for (let i = 0; i < 20; i++) queue.add(`k-${i}`);
    const served = drain(queue);
    expect(served.slice(0, 15)).toEqual(Array.from({ length: 15 }, (_, i) => `k-${19 - i}`));
    expect(served[15]).toBe('k-0');
    expect(served.slice(16)).toEqual(['k-4', 'k-3', 'k-2', 'k-1']);
  });

  it('carries a key re-added while it was processing on before the backlog', () => {
    const queue = newestFirst();
    for (let i = 0; i < 5; i++) queue.add(`backlog-${i}`);
    const first = queue.tryGet();
    expect(first).toBe('backlog-4');
    queue.add('backlog-4'); // its own write came back while it was being synced
    queue.done('backlog-4');
    expect(queue.tryGet()).toBe('backlog-4');
  });

  it('still serves the oldest keys while one key is re-added after every sync', () => {
    const queue = newestFirst(4);
    queue.add('old-0');
    queue.add('old-1');
    queue.add('hot');
    const served: string[] = [];
    for (let i = 0; i < 8; i++) {
      const key = queue.tryGet()!;
      served.push(key);
      queue.done(key);
      if (key === 'hot') queue.add('hot');
    }
    expect(served).toEqual(['hot', 'hot', 'hot', 'old-0', 'hot', 'hot', 'hot', 'old-1']);
  });

  it('serves a due key first and skips its stale entry from either end', () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock, order: ReadyOrder.NewestFirst, oldestEvery: 4 });
    for (const key of ['paused', 'b', 'c']) queue.add(key);
    queue.addAfter('paused', 5);
    clock.advance(5);
    expect(queue.len()).toBe(3);
    expect(drain(queue)).toEqual(['paused', 'c', 'b']);
    expect(queue.len()).toBe(0);
    queue.add('d'); // the fourth take reads the oldest end, where the stale entry of 'paused' still is
    queue.add('e');
    expect(drain(queue)).toEqual(['e', 'd']);
    expect(queue.tryGet()).toBeUndefined();
  });

  it('is arrival order with oldestEvery 1, and refuses a share that is not a positive integer', () => {
    const queue = newestFirst(1);
    for (const key of ['a', 'b', 'c']) queue.add(key);
    expect(drain(queue)).toEqual(['a', 'b', 'c']);
    expect(() => newestFirst(0)).toThrow(RangeError);
    expect(() => newestFirst(1.5)).toThrow(RangeError);
  });
});

describe('WorkQueue holding ordinary keys while timed wake-ups are worked off', () => {
  const setup = () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock, holdOrdinaryWhileDueMs: 100 });
    return { clock, queue };
  };

  it('hands out no ordinary key while a due key is processing, then releases the waiting workers', async () => {
    const { clock, queue } = setup();
    queue.add('backlog-0');
    queue.addAfter('paused', 5);
    clock.advance(5);
    expect(queue.dueWorkActive()).toBe(true);
    expect(queue.tryGet()).toBe('paused');
    expect(queue.tryGet()).toBeUndefined(); // held
    const waiting = queue.get();
    queue.add('backlog-1'); // not handed to the waiting worker either
    expect(queue.len()).toBe(2);
    queue.done('paused');
    expect(queue.dueWorkActive()).toBe(false);
    expect(await waiting).toBe('backlog-0');
    expect(drain(queue)).toEqual(['backlog-1']);
  });

  it('holds for at most holdOrdinaryWhileDueMs of each stretch of due work', async () => {
    const { clock, queue } = setup();
    queue.add('backlog');
    queue.addAfter('slow', 5);
    clock.advance(5);
    expect(queue.tryGet()).toBe('slow');
    const waiting = queue.get();
    clock.advance(99);
    expect(queue.len()).toBe(1);
    clock.advance(1);
    expect(await waiting).toBe('backlog');
    queue.add('later'); // the stretch is over its bound: ordinary keys flow although 'slow' still runs
    expect(queue.tryGet()).toBe('later');
    queue.done('slow');
    // A new stretch holds again.
    queue.add('held');
    queue.addAfter('next', 1);
    clock.advance(1);
    expect(queue.tryGet()).toBe('next');
    expect(queue.tryGet()).toBeUndefined();
    queue.done('next');
    expect(drain(queue)).toEqual(['held']);
  });

  it('keeps serving due keys during the hold, whichever worker asks', async () => {
    const { clock, queue } = setup();
    queue.add('backlog');
    queue.addAfter('a', 5);
    queue.addAfter('b', 5);
    clock.advance(5);
    expect(queue.tryGet()).toBe('a');
    expect(await queue.getDue()).toBe('b');
    queue.done('a');
    expect(queue.tryGet()).toBeUndefined(); // 'b' still processing
    queue.addAfter('c', 1);
    clock.advance(1);
    expect(queue.tryGet()).toBe('c');
    queue.done('b');
    queue.done('c');
    expect(drain(queue)).toEqual(['backlog']);
  });

  it('re-queues a due key that came due again while processing without ending the stretch early', () => {
    const { clock, queue } = setup();
    queue.add('backlog');
    queue.addAfter('paused', 5);
    clock.advance(5);
    expect(queue.tryGet()).toBe('paused');
    queue.addAfter('paused', 1);
    clock.advance(1);
    queue.done('paused'); // back in the urgent lane: still due work
    expect(queue.dueWorkActive()).toBe(true);
    expect(queue.tryGet()).toBe('paused');
    expect(queue.tryGet()).toBeUndefined();
    queue.done('paused');
    expect(drain(queue)).toEqual(['backlog']);
  });

  it('never holds without the option, and refuses a negative bound', () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    queue.add('backlog');
    queue.addAfter('paused', 5);
    clock.advance(5);
    expect(queue.tryGet()).toBe('paused');
    expect(queue.tryGet()).toBe('backlog');
    expect(() => new WorkQueue({ holdOrdinaryWhileDueMs: -1 })).toThrow(/holdOrdinaryWhileDueMs must be 0 or more/);
  });

  it('drops the hold on shutDown', async () => {
    const { clock, queue } = setup();
    queue.add('backlog');
    queue.addAfter('paused', 5);
    clock.advance(5);
    expect(queue.tryGet()).toBe('paused');
    const waiting = queue.get();
    queue.shutDown();
    expect(await waiting).toBeUndefined();
    expect(queue.dueWorkActive()).toBe(false);
    clock.advance(200); // the hold timer was cancelled: nothing fires
  });
});

describe('WorkQueue.addRateLimited', () => {
  it('backs a failing key off exponentially until forget resets it', () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock, rateLimiter: new ExponentialRateLimiter({ baseDelayMs: 5, maxDelayMs: 1000 }) });
    const readyTimes: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const before = clock.now();
      queue.addRateLimited('a');
      while (queue.len() === 0) clock.advance(1);
      readyTimes.push(clock.now() - before);
      queue.done(queue.tryGet()!);
    }
    expect(readyTimes).toEqual([5, 10, 20, 40]);
    expect(queue.numRequeues('a')).toBe(4);
    queue.forget('a');
    expect(queue.numRequeues('a')).toBe(0);
  });

  it('uses the default 5 ms base', () => {
    const clock = new FakeClock({ startMs: 0 });
    const queue = new WorkQueue({ clock });
    queue.addRateLimited('a');
    expect(clock.nextTimerAt()).toBe(5);
  });
});
