// The work queue: de-duplicating, delaying and rate-limited, plus its rate limiters.
export * from './rate-limiter.js';
export * from './work-queue.js';
