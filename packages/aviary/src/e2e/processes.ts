// Finding the processes a local cluster started: every container process runs with its cwd under <dataDir>/pods.
import { readdirSync, readlinkSync } from 'node:fs';

/** Pids of live processes whose working directory is inside `folder` (Linux /proc). */
export function processesUnder(folder: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`).startsWith(folder)) pids.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

/** Polls until `check` holds or `timeoutMs` passes; the last value is returned either way. */
export async function eventually<T>(read: () => Promise<T> | T, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Address ranges of their own for a local cluster started by this test worker, so test files running in
 * parallel never bind the same pod or Service addresses (vitest numbers its workers in VITEST_POOL_ID).
 */
export function workerNetwork(): { podSubnet: string; serviceCidr: string } {
  const worker = Number(process.env.VITEST_POOL_ID ?? process.pid % 50) % 50;
  return { podSubnet: `127.${20 + worker}.0.0/16`, serviceCidr: `127.${150 + worker}.0.0/16` };
}
