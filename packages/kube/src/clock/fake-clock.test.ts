// Tests for FakeClock: time moves only when advanced, and timers fire in time order within the window.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAKE_CLOCK_START_MS, FakeClock } from './fake-clock.js';

describe('FakeClock', () => {
  it('starts at the given epoch milliseconds, or a fixed default', () => {
    expect(new FakeClock({ startMs: 1234 }).now()).toBe(1234);
    expect(new FakeClock().now()).toBe(DEFAULT_FAKE_CLOCK_START_MS);
  });

  it('fires due timers in time order, with now() at each due time, and leaves later ones pending', () => {
    const clock = new FakeClock({ startMs: 0 });
    const fired: string[] = [];
    clock.setTimer(() => fired.push(`b@${clock.now()}`), 200);
    clock.setTimer(() => fired.push(`a@${clock.now()}`), 100);
    clock.setTimer(() => fired.push(`c@${clock.now()}`), 300);
    clock.advance(250);
    expect(fired).toEqual(['a@100', 'b@200']);
    expect(clock.now()).toBe(250);
    expect(clock.pendingTimers()).toBe(1);
    expect(clock.nextTimerAt()).toBe(300);
  });

  it('fires timers due at the same moment in the order they were set', () => {
    const clock = new FakeClock({ startMs: 0 });
    const fired: number[] = [];
    for (let i = 0; i < 5; i++) clock.setTimer(() => fired.push(i), 10);
    clock.advance(10);
    expect(fired).toEqual([0, 1, 2, 3, 4]);
  });

  it('fires a timer set by a firing callback when it falls inside the advanced window', () => {
    const clock = new FakeClock({ startMs: 0 });
    const fired: number[] = [];
    clock.setTimer(() => {
      fired.push(clock.now());
      clock.setTimer(() => fired.push(clock.now()), 50);
      clock.setTimer(() => fired.push(clock.now()), 500);
    }, 100);
    clock.advance(200);
    expect(fired).toEqual([100, 150]);
    expect(clock.nextTimerAt()).toBe(600);
  });

  it('does not fire a cancelled timer, and cancelling twice is harmless', () => {
    const clock = new FakeClock({ startMs: 0 });
    let fired = false;
    const timer = clock.setTimer(() => (fired = true), 10);
    timer.cancel();
    timer.cancel();
    clock.advance(100);
    expect(fired).toBe(false);
    expect(clock.pendingTimers()).toBe(0);
    expect(clock.nextTimerAt()).toBeUndefined();
  });

  it('setTime moves forward firing due timers, and backward firing nothing', () => {
    const clock = new FakeClock({ startMs: 1000 });
    const fired: number[] = [];
    clock.setTimer(() => fired.push(clock.now()), 500);
    clock.setTime(900);
    expect(fired).toEqual([]);
    expect(clock.now()).toBe(900);
    clock.setTime(2000);
    expect(fired).toEqual([1500]);
    expect(clock.now()).toBe(2000);
  });

  it('resolves sleep only once advanced past its delay', async () => {
    const clock = new FakeClock({ startMs: 0 });
    let woke = false;
    const sleeping = clock.sleep(1000).then(() => (woke = true));
    clock.advance(999);
    await Promise.resolve();
    expect(woke).toBe(false);
    clock.advance(1);
    await sleeping;
    expect(woke).toBe(true);
  });

  it('advanceAsync drives an async loop that sleeps repeatedly through the window', async () => {
    const clock = new FakeClock({ startMs: 0 });
    const ticks: number[] = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        await clock.sleep(100);
        ticks.push(clock.now());
      }
    })();
    await clock.advanceAsync(350);
    expect(ticks).toEqual([100, 200, 300]);
    running = false;
    await clock.advanceAsync(100);
    await loop;
  });

  it('rejects a negative advance', () => {
    expect(() => new FakeClock().advance(-1)).toThrow(RangeError);
  });
});
