// Samples, every few milliseconds, how much CPU each watched process's main thread and its other threads have used
// and how long the main thread waited runnable for a core (Linux schedstat, nanoseconds), into a trace file (written
// once a second and when SIGTERM stops it). Run as its own process so the sampling does not sit on the event loop of
// what it measures.
// Usage: node --import tsx bench/support/thread-cpu-sampler.ts <out file> <interval ms> <name>=<pid> ...
// Lines: `<wall ms> <name> <main on-CPU ns> <other threads on-CPU ns> <main run-queue wait ns>`.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { traceFile } from './trace-file.js';

/** Starts the sampler for `processes` (name → pid); the returned function stops it once the file is written. */
export function startThreadCpuSampler(outFile: string, processes: Record<string, number>, intervalMs = 10): () => Promise<void> {
  const args = ['--import', 'tsx', import.meta.filename, outFile, String(intervalMs), ...Object.entries(processes).map(([name, pid]) => `${name}=${pid}`)];
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/** One process's counters now: main thread on-CPU and wait, all other threads on-CPU (ns); undefined once it is gone. */
function readProcess(pid: number): { main: number; wait: number; others: number } | undefined {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  let main = 0;
  let wait = 0;
  let others = 0;
  for (const tid of tids) {
    let fields: string[];
    try {
      fields = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ');
    } catch {
      continue; // the thread ended
    }
    if (Number(tid) === pid) {
      main = Number(fields[0]);
      wait = Number(fields[1]);
    } else {
      others += Number(fields[0]);
    }
  }
  return { main, wait, others };
}

function runSampler(outFile: string, intervalMs: number, processes: [string, number][]): void {
  const trace = traceFile(outFile);
  setInterval(() => {
    const now = (performance.timeOrigin + performance.now()).toFixed(1);
    for (const [name, pid] of processes) {
      const counters = readProcess(pid);
      if (counters !== undefined) trace(`${now} ${name} ${counters.main} ${counters.others} ${counters.wait}`);
    }
  }, intervalMs);
  process.once('SIGTERM', () => process.exit(0)); // the trace file writes what is left on exit
}

if (process.argv[1] === import.meta.filename) {
  const [outFile, intervalText, ...named] = process.argv.slice(2);
  if (outFile === undefined || intervalText === undefined || named.length === 0) {
    console.error('usage: thread-cpu-sampler.ts <out file> <interval ms> <name>=<pid> ...');
    process.exit(2);
  }
  runSampler(outFile, Number(intervalText), named.map((entry): [string, number] => [entry.slice(0, entry.indexOf('=')), Number(entry.slice(entry.indexOf('=') + 1))]));
}
