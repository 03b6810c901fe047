// Work-queue throughput: add + get + done pairs per second over 10,000 distinct keys, on one core.
import { performance } from 'node:perf_hooks';
import { WorkQueue } from '../packages/kube/src/queue/index.js';
import type { BenchResult } from './types.js';

const DISTINCT_KEYS = 10_000;
/** Pairs per round: 200 passes over the key set. */
const PAIRS_PER_ROUND = 2_000_000;
const ROUNDS = 7;
const WARMUP_ROUNDS = 2;
const GOAL_PAIRS_PER_SECOND = 200_000;

const keys = Array.from({ length: DISTINCT_KEYS }, (_, i) => `namespace-${i % 100}/object-${i}`);

/** Queues all 10,000 keys, then drains them with the synchronous tryGet + done (a hot loop). */
function runSyncRound(): number {
  const queue = new WorkQueue();
  const start = performance.now();
  for (let pass = 0; pass < PAIRS_PER_ROUND / DISTINCT_KEYS; pass++) {
    for (let i = 0; i < DISTINCT_KEYS; i++) queue.add(keys[i]!);
    for (let key = queue.tryGet(); key !== undefined; key = queue.tryGet()) queue.done(key);
  }
  const seconds = (performance.now() - start) / 1000;
  queue.shutDown();
  return PAIRS_PER_ROUND / seconds;
}

/** The worker path: each key is added and then taken with `await get()`, as runWorkers does. */
async function runAsyncRound(): Promise<number> {
  const queue = new WorkQueue();
  const start = performance.now();
  for (let pass = 0; pass < PAIRS_PER_ROUND / DISTINCT_KEYS; pass++) {
    for (let i = 0; i < DISTINCT_KEYS; i++) queue.add(keys[i]!);
    for (let i = 0; i < DISTINCT_KEYS; i++) {
      const key = await queue.get();
      queue.done(key!);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  queue.shutDown();
  return PAIRS_PER_ROUND / seconds;
}

/** Two async workers drain while a producer adds keys, yielding to them every 1,024 adds (events arriving during syncs). */
async function runConcurrentRound(): Promise<number> {
  const queue = new WorkQueue();
  const pairs = PAIRS_PER_ROUND / 4;
  let taken = 0;
  const worker = async (): Promise<void> => {
    for (let key = await queue.get(); key !== undefined; key = await queue.get()) {
      queue.done(key);
      taken++;
    }
  };
  const workers = [worker(), worker()];
  const start = performance.now();
  for (let i = 0; i < pairs; i++) {
    queue.add(keys[i % DISTINCT_KEYS]!);
    if ((i & 1023) === 1023) await Promise.resolve(); // let the workers catch up
    while (taken < i - 2048) await Promise.resolve();
  }
  while (taken < pairs) await Promise.resolve();
  const seconds = (performance.now() - start) / 1000;
  queue.shutDown();
  await Promise.all(workers);
  return pairs / seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function measure(round: () => number | Promise<number>): Promise<{ median: number; rounds: number[] }> {
  for (let i = 0; i < WARMUP_ROUNDS; i++) await round();
  const rounds: number[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await round());
  return { median: median(rounds), rounds };
}

export async function run(): Promise<BenchResult> {
  const sync = await measure(runSyncRound);
  const asyncGet = await measure(runAsyncRound);
  const concurrent = await measure(runConcurrentRound);
  const show = (rounds: number[]): string => rounds.map((r) => Math.round(r / 1000)).join(', ');
  return {
    title: `Work queue: add + get + done pairs over ${DISTINCT_KEYS.toLocaleString('en-US')} distinct keys (median of ${ROUNDS} rounds)`,
    figures: [
      { label: 'await get() (worker path)', value: asyncGet.median, unit: 'pairs/s', goal: GOAL_PAIRS_PER_SECOND },
      { label: 'tryGet() (hot loop)', value: sync.median, unit: 'pairs/s', goal: GOAL_PAIRS_PER_SECOND },
      { label: '2 async workers draining a live producer', value: concurrent.median, unit: 'pairs/s', goal: GOAL_PAIRS_PER_SECOND },
    ],
    notes: [
      `rounds (thousand pairs/s): await get() [${show(asyncGet.rounds)}]; tryGet() [${show(sync.rounds)}]; 2 workers [${show(concurrent.rounds)}]`,
      `${PAIRS_PER_ROUND.toLocaleString('en-US')} pairs per round (${(PAIRS_PER_ROUND / 4).toLocaleString('en-US')} with 2 workers), ${WARMUP_ROUNDS} warm-up rounds, one thread`,
    ],
  };
}
