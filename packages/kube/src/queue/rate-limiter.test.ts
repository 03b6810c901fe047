// Tests for ExponentialRateLimiter: per-key doubling backoff with a cap, reset by forget.
import { describe, expect, it } from 'vitest';
import { ExponentialRateLimiter } from './rate-limiter.js';

describe('ExponentialRateLimiter', () => {
  it.each([
    { failures: 1, delay: 5 },
    { failures: 2, delay: 10 },
    { failures: 3, delay: 20 },
    { failures: 10, delay: 2560 },
    { failures: 19, delay: 1_000_000 },
    { failures: 2000, delay: 1_000_000 },
  ])('the default limiter waits $delay ms on failure number $failures', ({ failures, delay }) => {
    const limiter = new ExponentialRateLimiter();
    let last = -1;
    for (let i = 0; i < failures; i++) last = limiter.when('k');
    expect(last).toBe(delay);
    expect(limiter.numRequeues('k')).toBe(failures);
  });

  it('keeps each key’s backoff separate', () => {
    const limiter = new ExponentialRateLimiter({ baseDelayMs: 1, maxDelayMs: 100 });
    limiter.when('a');
    limiter.when('a');
    expect(limiter.when('a')).toBe(4);
    expect(limiter.when('b')).toBe(1);
  });

  it('caps at the configured maximum', () => {
    const limiter = new ExponentialRateLimiter({ baseDelayMs: 100, maxDelayMs: 250 });
    expect([limiter.when('k'), limiter.when('k'), limiter.when('k'), limiter.when('k')]).toEqual([100, 200, 250, 250]);
  });

  it('starts over after forget', () => {
    const limiter = new ExponentialRateLimiter();
    limiter.when('k');
    limiter.when('k');
    limiter.forget('k');
    expect(limiter.numRequeues('k')).toBe(0);
    expect(limiter.when('k')).toBe(5);
  });

  it('rejects negative delays', () => {
    expect(() => new ExponentialRateLimiter({ baseDelayMs: -1 })).toThrow(RangeError);
  });
});
