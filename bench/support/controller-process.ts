// The Rollout controller process (rollout-controller-main.ts) as a benchmark drives it: start, read counts, stop.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startProcess, stopProcess } from './child-process.js';
import type { RequestCounts } from './counting-client.js';

export interface ControllerReport extends RequestCounts {
  heapUsedMiB: number;
  rssMiB: number;
}

export interface ControllerProcess {
  readonly pid: number;
  /** Its API requests so far and its heap after a full GC (the process runs with --expose-gc). */
  report(): Promise<ControllerReport>;
  stop(): Promise<void>;
}

function readReport(child: ChildProcess): Promise<ControllerReport> {
  return new Promise((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(() => {
      child.stdout?.off('data', onData);
      reject(new Error('the controller did not report its counts'));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      pending += chunk.toString();
      const line = /^counts (.*)$/m.exec(pending);
      if (!line) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(JSON.parse(line[1]!) as ControllerReport);
    };
    child.stdout?.on('data', onData);
    child.kill('SIGUSR2');
  });
}

/** Starts the controller against `kubeconfig`; resolves once its caches have synced and its workers run. */
export async function startControllerProcess(kubeconfig: string): Promise<ControllerProcess> {
  const started = await startProcess(
    process.execPath,
    ['--conditions=source', '--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'rollout-controller-main.ts'), kubeconfig],
    /^controller (\d+)$/m,
    300_000,
  );
  return { pid: Number(started.match[1]), report: () => readReport(started.child), stop: () => stopProcess(started.child) };
}
