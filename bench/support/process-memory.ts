// Resident memory of the processes working in a folder (the pods' containers), and the machine's load average.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import { residentMiB } from './child-process.js';

/** Pids of the processes whose working directory is `dir` or below it (Linux /proc). */
export function pidsWorkingUnder(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      if (cwd === dir || cwd.startsWith(`${dir}/`)) pids.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

/** Total resident memory (MiB) of the processes working under `dir`, and how many there are. */
export function residentMiBUnder(dir: string): { processes: number; totalMiB: number } {
  let totalMiB = 0;
  let processes = 0;
  for (const pid of pidsWorkingUnder(dir)) {
    try {
      totalMiB += residentMiB(pid);
      processes++;
    } catch {
      // exited between the listing and the read
    }
  }
  return { processes, totalMiB };
}

/** "1.23 / 2.34 / 3.45" (1, 5 and 15 minutes). */
export function loadAverageText(): string {
  return os.loadavg().map((n) => n.toFixed(2)).join(' / ');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** CPU time (user + system) a process has used so far, in seconds (Linux /proc/<pid>/stat, 100 ticks/s). */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Waits until a process has used less than `maxCpuSeconds` of CPU over `windowMs` (at most `limitMs`); returns the ms waited. */
export async function waitForCpuQuiet(pid: number, options: { windowMs: number; maxCpuSeconds: number; limitMs: number }): Promise<number> {
  const started = Date.now();
  let last = processCpuSeconds(pid);
  for (;;) {
    await sleep(options.windowMs);
    const now = processCpuSeconds(pid);
    if (now - last < options.maxCpuSeconds || Date.now() - started > options.limitMs) return Date.now() - started;
    last = now;
  }
}
