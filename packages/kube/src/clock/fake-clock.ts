// FakeClock: a Clock that only moves when a test advances it, firing due timers in time order.
import type { Clock, Timer } from './clock.js';

interface FakeTimer {
  /** When the timer is due, in clock milliseconds. */
  readonly at: number;
  /** Creation order: timers due at the same moment fire in the order they were set. */
  readonly seq: number;
  readonly callback: () => void;
}

export interface FakeClockOptions {
  /** The starting time in milliseconds since the epoch; default 2026-01-01T00:00:00Z. */
  startMs?: number;
}

/** 2026-01-01T00:00:00Z: a fixed default start so test output is reproducible. */
export const DEFAULT_FAKE_CLOCK_START_MS = Date.UTC(2026, 0, 1);

/**
 * A clock for tests. `advance` and `setTime` fire every timer that falls due inside the advanced
 * window, earliest first, with `now()` set to each timer's due time while it runs; a timer that a
 * firing callback sets for a moment still inside the window fires too.
 */
export class FakeClock implements Clock {
  private current: number;
  private nextSeq = 0;
  /** Pending timers sorted by (at, seq); small in tests, so a sorted array is enough. */
  private readonly timers: FakeTimer[] = [];

  constructor(options: FakeClockOptions = {}) {
    this.current = options.startMs ?? DEFAULT_FAKE_CLOCK_START_MS;
  }

  now(): number {
    return this.current;
  }

  setTimer(callback: () => void, delayMs: number): Timer {
    const timer: FakeTimer = { at: this.current + Math.max(0, delayMs), seq: this.nextSeq++, callback };
    this.insertTimer(timer);
    return { cancel: () => this.removeTimer(timer) };
  }

  sleep(delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      this.setTimer(resolve, delayMs);
    });
  }

  /** Moves time forward by `ms`, firing due timers synchronously in time order. */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError(`FakeClock.advance: negative duration ${ms}`);
    this.runUntil(this.current + ms);
  }

  /** Sets the time; moving forward fires due timers like `advance`, moving back fires nothing. */
  setTime(ms: number): void {
    if (ms <= this.current) {
      this.current = ms;
      return;
    }
    this.runUntil(ms);
  }

  /**
   * Like `advance`, but lets promise chains settle (one macrotask) before and after each timer, so
   * async loops that `await clock.sleep()` and then set their next timer are driven through the window.
   */
  async advanceAsync(ms: number): Promise<void> {
    if (ms < 0) throw new RangeError(`FakeClock.advanceAsync: negative duration ${ms}`);
    const target = this.current + ms;
    await settle();
    for (;;) {
      const next = this.timers[0];
      if (next === undefined || next.at > target) break;
      this.timers.shift();
      this.current = next.at;
      next.callback();
      await settle();
    }
    this.current = target;
    await settle();
  }

  /** How many timers are waiting to fire. */
  pendingTimers(): number {
    return this.timers.length;
  }

  /** The due time of the earliest pending timer, or undefined when none is pending. */
  nextTimerAt(): number | undefined {
    return this.timers[0]?.at;
  }

  private runUntil(target: number): void {
    for (;;) {
      const next = this.timers[0];
      if (next === undefined || next.at > target) break;
      this.timers.shift();
      this.current = next.at;
      next.callback();
    }
    this.current = target;
  }

  private insertTimer(timer: FakeTimer): void {
    // Binary search for the first timer due strictly after this one (ties keep creation order).
    let low = 0;
    let high = this.timers.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = this.timers[mid]!;
      if (other.at <= timer.at) low = mid + 1;
      else high = mid;
    }
    this.timers.splice(low, 0, timer);
  }

  private removeTimer(timer: FakeTimer): void {
    const index = this.timers.indexOf(timer);
    if (index >= 0) this.timers.splice(index, 1);
  }
}

/** Macrotask turns to wait: enough for promise chains that hop through a few setImmediate callbacks. */
const SETTLE_TURNS = 5;

/** Waits a few macrotasks, long enough for already-resolved promise chains to run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < SETTLE_TURNS; turn++) await new Promise((resolve) => setImmediate(resolve));
}
