// Breaks a traced rollouts bench run (ROLLOUTS_TRACE_DIR) down per pause-expiry wave: for each advance, the wait
// from the expiry until the controller sent the step write, the write's round trip, and the watch delivery after;
// then, from thread-cpu.txt, the CPU each process spent per advance in the first 150 ms of the largest waves.
// Usage: node --import tsx bench/support/wave-trace.ts <dir> [waves=8]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Advance {
  expiry: number;
  beforeSend: number;
  roundTrip: number;
  delivery: number;
  total: number;
}

const [dir, wavesText] = process.argv.slice(2);
if (!dir) {
  console.error('usage: wave-trace.ts <trace dir> [waves]');
  process.exit(2);
}
const lines = (file: string): string[][] => readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean).map((line) => line.split(' '));

const writes = new Map<string, { sent: number; answered: number }[]>();
for (const [name, index, sent, answered] of lines('step-writes.txt')) {
  const key = `${name} ${index}`;
  writes.set(key, [...(writes.get(key) ?? []), { sent: Number(sent), answered: Number(answered) }]);
}
const advances: Advance[] = [];
for (const [name, index, expiryText, seenText] of lines('advances.txt')) {
  const expiry = Number(expiryText);
  const seen = Number(seenText);
  // The write that moved the step for this expiry: the first one sent after the pause began and answered before the watch saw it.
  const write = (writes.get(`${name} ${index}`) ?? []).filter((w) => w.sent >= expiry - 1_500 && w.answered <= seen + 5).sort((a, b) => a.sent - b.sent)[0];
  if (write === undefined) continue;
  advances.push({ expiry, beforeSend: write.sent - expiry, roundTrip: write.answered - write.sent, delivery: seen - write.answered, total: seen - expiry });
}

const byWave = new Map<number, Advance[]>();
for (const advance of advances) byWave.set(advance.expiry, [...(byWave.get(advance.expiry) ?? []), advance]);
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
};
const triple = (values: number[], ps: number[]): string => ps.map((p) => String(percentile(values, p)).padStart(4)).join(' ');
console.log(`${advances.length} advances matched to their step write; the largest waves (ms after the expiry):`);
console.log(' wave | before send p50 p90 max | round trip p50 p90 max | delivery p50 max | total p50 p99 max | advances/ms');
for (const [, wave] of [...byWave].sort((a, b) => b[1].length - a[1].length).slice(0, Number(wavesText ?? 8))) {
  const pick = (field: keyof Advance): number[] => wave.map((advance) => advance[field]);
  const last = Math.max(...pick('total'));
  console.log(
    `${String(wave.length).padStart(5)} |        ${triple(pick('beforeSend'), [50, 90, 100])} |       ${triple(pick('roundTrip'), [50, 90, 100])} |      ${triple(pick('delivery'), [50, 100])} | ${triple(pick('total'), [50, 99, 100])} | ${(wave.length / Math.max(1, last)).toFixed(2)}`,
  );
}

/** CPU per advance in [expiry, expiry + windowMs] of each large wave, from the thread sampler's counters. */
function printCpuPerAdvance(waves: [number, Advance[]][], windowMs: number): void {
  const samples = lines('thread-cpu.txt').map(([at, name, main, others, wait]) => ({ at: Number(at), name: name!, main: Number(main), others: Number(others), wait: Number(wait) }));
  const names = [...new Set(samples.map((sample) => sample.name))];
  /** The counters of `name` at the last sample taken at or before `at`. */
  const counterAt = (name: string, at: number) => samples.filter((sample) => sample.name === name && sample.at <= at).at(-1);
  console.log(`\nCPU per advance in the first ${windowMs} ms of each wave (µs; main thread on-CPU / its run-queue wait / other threads):`);
  for (const [expiry, wave] of waves) {
    const seen = wave.filter((advance) => advance.total <= windowMs).length;
    if (seen === 0) continue;
    const parts = names.map((name) => {
      const from = counterAt(name, expiry);
      const to = counterAt(name, expiry + windowMs);
      if (from === undefined || to === undefined) return `${name} -`;
      const per = (ns: number) => Math.round(ns / 1000 / seen);
      return `${name} ${per(to.main - from.main)} / ${per(to.wait - from.wait)} / ${per(to.others - from.others)}`;
    });
    console.log(`${String(wave.length).padStart(5)} (${seen} within ${windowMs} ms, ${(seen / windowMs).toFixed(2)}/ms): ${parts.join('; ')}`);
  }
}

if (existsSync(join(dir, 'thread-cpu.txt'))) printCpuPerAdvance([...byWave].sort((a, b) => b[1].length - a[1].length).slice(0, Number(wavesText ?? 8)), 150);
