// Slow-start batches: create many objects in growing batches, so a failing create costs one call, not hundreds.

export interface SlowStartOptions {
  /** How many calls to make in total. */
  count: number;
  /** The first batch size (upstream SlowStartInitialBatchSize is 1); each later batch doubles. */
  initialBatchSize?: number;
  /** One call; rejects on failure. */
  run: () => Promise<void>;
}

export interface SlowStartResult {
  /** Calls that succeeded. */
  successes: number;
  /** The first error of the batch that failed; later batches were not started. */
  error?: unknown;
}

/**
 * Runs `count` calls in batches of 1, 2, 4, … (pkg/controller/replicaset slowStartBatch): each batch
 * runs in parallel, and a batch with any failure ends the run. Worked example: count 10 gives
 * batches 1, 2, 4, 3.
 */
export async function runSlowStartBatches(options: SlowStartOptions): Promise<SlowStartResult> {
  let remaining = options.count;
  let batchSize = Math.min(remaining, options.initialBatchSize ?? 1);
  let successes = 0;
  while (batchSize > 0) {
    const results = await Promise.allSettled(Array.from({ length: batchSize }, () => options.run()));
    const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    successes += batchSize - failures.length;
    if (failures.length > 0) return { successes, error: failures[0]!.reason };
    remaining -= batchSize;
    batchSize = Math.min(remaining, 2 * batchSize);
  }
  return { successes };
}
