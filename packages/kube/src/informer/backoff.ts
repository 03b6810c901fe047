// Backoff: exponential retry delays for the informer's list and watch, reset after a success.

export interface BackoffOptions {
  /** The first delay; default 200 ms. */
  initialMs?: number;
  /** The longest delay; default 30 s. */
  maxMs?: number;
  /** Growth per failure; default 2. */
  factor?: number;
}

/** 200 ms, 400 ms, 800 ms … capped at 30 s, by default. */
export class Backoff {
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly factor: number;
  private failures = 0;

  constructor(options: BackoffOptions = {}) {
    this.initialMs = options.initialMs ?? 200;
    this.maxMs = options.maxMs ?? 30_000;
    this.factor = options.factor ?? 2;
  }

  /** The delay before the next attempt; each call counts one more failure. */
  next(): number {
    const delay = Math.min(this.maxMs, this.initialMs * this.factor ** this.failures);
    this.failures += 1;
    return delay;
  }

  reset(): void {
    this.failures = 0;
  }
}
