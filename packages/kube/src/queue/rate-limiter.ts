// RateLimiter: how long a failing key waits before its next try (client-go util/workqueue/default_rate_limiters.go).

/** Decides per-key retry delays; the work queue asks `when` on every `addRateLimited`. */
export interface RateLimiter {
  /** Records one more failure of `key` and returns how long to wait before retrying it, in ms. */
  when(key: string): number;
  /** Clears the failure history of `key` (after it succeeded or was given up on). */
  forget(key: string): void;
  /** How many failures of `key` have been recorded since it was last forgotten. */
  numRequeues(key: string): number;
}

export interface ExponentialRateLimiterOptions {
  /** The first retry delay; default 5 ms. */
  baseDelayMs?: number;
  /** The largest retry delay; default 1000 s. */
  maxDelayMs?: number;
}

export const DEFAULT_BASE_DELAY_MS = 5;
export const DEFAULT_MAX_DELAY_MS = 1_000_000;

/**
 * Per-key exponential backoff: the n-th consecutive failure of a key waits base × 2^(n-1), capped
 * at the maximum. With the defaults: 5 ms, 10 ms, 20 ms, … reaching 1000 s after 19 failures.
 */
export class ExponentialRateLimiter implements RateLimiter {
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly failures = new Map<string, number>();

  constructor(options: ExponentialRateLimiterOptions = {}) {
    this.baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
    this.maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    if (!(this.baseDelayMs >= 0) || !(this.maxDelayMs >= 0)) {
      throw new RangeError(`ExponentialRateLimiter: delays must be non-negative (base ${this.baseDelayMs}, max ${this.maxDelayMs})`);
    }
  }

  when(key: string): number {
    const previous = this.failures.get(key) ?? 0;
    this.failures.set(key, previous + 1);
    const delay = this.baseDelayMs * 2 ** previous; // Infinity past 2^1023, which the cap absorbs
    return delay > this.maxDelayMs ? this.maxDelayMs : delay;
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }
}
