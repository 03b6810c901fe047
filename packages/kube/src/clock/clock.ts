// Clock: the time source reconcile code takes, so tests can drive time instead of waiting for it.

/** A scheduled callback; `cancel()` is safe to call more than once. */
export interface Timer {
  cancel(): void;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once, `delayMs` from now (0 or less: as soon as possible). */
  setTimer(callback: () => void, delayMs: number): Timer;
  /** Resolves `delayMs` from now. */
  sleep(delayMs: number): Promise<void>;
}

/** The real clock: Date.now and setTimeout. */
export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }

  setTimer(callback: () => void, delayMs: number): Timer {
    const handle = setTimeout(callback, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(handle) };
  }

  sleep(delayMs: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, Math.max(0, delayMs)));
  }
}

export const realClock: Clock = new RealClock();
