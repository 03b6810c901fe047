// RestartBackoff: the first exit restarts at once, later ones wait 10 s doubling to 5 min, reset after 10 min.
import { describe, expect, it } from 'vitest';
import { formatBackoffDuration, RestartBackoff } from './restart-backoff.js';

describe('RestartBackoff', () => {
  it('restarts the first exit at once, then waits 10 s, 20 s, 40 s … up to 300 s', () => {
    const backoff = new RestartBackoff();
    let now = 0;
    const waits: number[] = [];
    for (let exit = 0; exit < 8; exit++) {
      const exitedAt = now;
      const wait = backoff.delayBeforeRestart('pod/c', exitedAt, now);
      waits.push(wait / 1000);
      now += wait;
      if (wait > 0) expect(backoff.delayBeforeRestart('pod/c', exitedAt, now)).toBe(0); // the wait is over: restart, back-off grows
      now += 1000; // the container runs a second before it exits again
    }
    expect(waits).toEqual([0, 10, 20, 40, 80, 160, 300, 300]);
  });

  it('starts over at 10 s when the container ran for more than 10 minutes', () => {
    const backoff = new RestartBackoff();
    expect(backoff.delayBeforeRestart('k', 0, 0)).toBe(0);
    expect(backoff.delayBeforeRestart('k', 1_000, 1_000)).toBe(10_000);
    expect(backoff.delayBeforeRestart('k', 1_000, 11_000)).toBe(0);
    const later = 11_000 + 11 * 60_000;
    expect(backoff.delayBeforeRestart('k', later, later)).toBe(0);
    expect(backoff.currentBackoffMs('k')).toBe(10_000);
  });

  it('forgets the containers of a pod', () => {
    const backoff = new RestartBackoff();
    backoff.delayBeforeRestart('uid-1/a', 0, 0);
    backoff.delayBeforeRestart('uid-2/a', 0, 0);
    backoff.forgetPod('uid-1');
    expect([backoff.currentBackoffMs('uid-1/a'), backoff.currentBackoffMs('uid-2/a')]).toEqual([0, 10_000]);
  });

  it.each([
    [10_000, '10s'],
    [160_000, '2m40s'],
    [300_000, '5m0s'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatBackoffDuration(ms)).toBe(text);
  });
});
