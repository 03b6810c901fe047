// EventSpamFilter: a token bucket per event key, so one object repeating one event cannot flood the API server.
// Semantics of client-go tools/record/events_cache.go (EventSourceObjectSpamFilter): a burst of 25, then one
// event per 5 minutes; the buckets live in a bounded LRU.

export interface EventSpamFilterOptions {
  /** Events allowed at once per key; default 25 (client-go defaultSpamBurst). */
  burst?: number;
  /** Tokens regained per millisecond; default one per 5 minutes (client-go defaultSpamQPS = 1/300). */
  refillPerMs?: number;
  /** Keys remembered; the least recently used bucket is forgotten past this. Default 4096. */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

const DEFAULT_BURST = 25;
const DEFAULT_REFILL_PER_MS = 1 / (5 * 60 * 1000);
const DEFAULT_MAX_KEYS = 4096;

/** Decides per key whether an event may be written now. */
export class EventSpamFilter {
  private readonly burst: number;
  private readonly refillPerMs: number;
  private readonly maxKeys: number;
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: EventSpamFilterOptions = {}) {
    this.burst = options.burst ?? DEFAULT_BURST;
    this.refillPerMs = options.refillPerMs ?? DEFAULT_REFILL_PER_MS;
    this.maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  }

  /** Takes a token for `key` at `nowMs`; false means the event is spam and should be dropped. */
  allow(key: string, nowMs: number): boolean {
    const previous = this.buckets.get(key);
    const bucket: Bucket = previous
      ? { tokens: Math.min(this.burst, previous.tokens + Math.max(0, nowMs - previous.updatedMs) * this.refillPerMs), updatedMs: nowMs }
      : { tokens: this.burst, updatedMs: nowMs };
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.delete(key); // re-insert as the most recently used
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return allowed;
  }
}
