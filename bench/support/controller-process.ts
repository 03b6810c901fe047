// The Rollout controller process (rollout-controller-main.ts) as a benchmark drives it: start, read counts, stop.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startProcess } from './child-process.js';
import { stopWithGrace } from './process-stop.js';
import type { RequestCounts } from './counting-client.js';

export interface ControllerReport extends RequestCounts {
  heapUsedMiB: number;
  rssMiB: number;
}

export interface ControllerProcess {
  readonly pid: number;
  /** Events the controller's recorder dropped (its write queue was full), from its stderr. */
  droppedEvents(): number;
  /** Its API requests so far and its heap after a full GC (the process runs with --expose-gc). */
  report(): Promise<ControllerReport>;
  stop(): Promise<void>;
}

/** How long a report may take: a controller busy with a full resync of 10,000 rollouts answers only between syncs. */
const REPORT_TIMEOUT_MS = 900_000;

function readReport(child: ChildProcess): Promise<ControllerReport> {
  return new Promise((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(() => {
      child.stdout?.off('data', onData);
      reject(new Error(`the controller did not report its counts (exit code ${child.exitCode}, signal ${child.signalCode})`));
    }, REPORT_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      pending += chunk.toString();
      const line = /^counts (.*)\n/m.exec(pending);
      if (!line) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(JSON.parse(line[1]!) as ControllerReport);
    };
    child.stdout?.on('data', onData);
    child.kill('SIGUSR2');
  });
}

/**
 * Starts the controller against `kubeconfig`; resolves once its caches have synced and its workers run.
 * `fromBuild` runs the compiled packages (as the installed `aviary controller`), otherwise the sources through tsx.
 */
export async function startControllerProcess(kubeconfig: string, options: { fromBuild?: boolean } = {}): Promise<ControllerProcess> {
  const started = await startProcess(
    process.execPath,
    [
      ...(options.fromBuild ? [] : ['--conditions=source']),
      '--expose-gc',
      '--import',
      'tsx',
      join(import.meta.dirname, 'rollout-controller-main.ts'),
      kubeconfig,
      ...(options.fromBuild ? ['--from-build'] : []),
    ],
    /^controller (\d+)$/m,
    300_000,
  );
  let dropped = 0;
  let partial = '';
  started.child.stderr?.on('data', (chunk: Buffer) => {
    // Dropped-event lines are counted, not echoed; other lines (sync failures, …) go to the bench's stderr.
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    // The recorder logs drops as sums ("<n> events dropped: …"), at most one line per interval.
    const dropLine = /(\d+) events dropped: \d+ events already waiting/;
    const kept = lines.filter((line) => line.length > 0 && !dropLine.test(line));
    for (const line of lines) dropped += Number(dropLine.exec(line)?.[1] ?? 0);
    if (kept.length > 0) process.stderr.write(kept.map((line) => `[controller ${started.child.pid}] ${line}\n`).join(''));
  });
  return { pid: Number(started.match[1]), droppedEvents: () => dropped, report: () => readReport(started.child), stop: () => stopWithGrace(started.child, 30_000) };
}

/**
 * The installed command itself, `aviary controller --leader-elect=false` from the build (packages/aviary/bin), for
 * memory figures without the tsx loader the other variant needs (about 37 MiB of RSS); it cannot count requests.
 */
export async function startAviaryControllerCommand(kubeconfig: string): Promise<{ pid: number; stop(): Promise<void> }> {
  const bin = join(import.meta.dirname, '..', '..', 'packages', 'aviary', 'bin', 'aviary.js');
  const started = await startProcess(process.execPath, [bin, 'controller', '--kubeconfig', kubeconfig, '--leader-elect=false'], /Rollout controller running/, 300_000);
  return { pid: started.child.pid ?? 0, stop: () => stopWithGrace(started.child, 30_000) };
}
