// What every command is given: its output streams, the clock, the environment, and (for commands that talk to a
// cluster) the client and the namespace, so tests run commands in-process and capture what they print.
import type { Clock, KubeClient } from '@aviary/kube';

/** Where a command writes: process.stdout or a test's capture. `isTTY` and `columns` as on a terminal stream. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CommandIo {
  stdout: OutputStream;
  stderr: OutputStream;
  clock: Clock;
  /** Environment variables (TERM, NO_COLOR, …); default process.env in main. */
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C: watches end and the command returns. */
  signal?: AbortSignal;
}

/** A command that works on a cluster: the namespace is the resolved one (-n, else the context's, else default). */
export interface KubeCommandIo extends CommandIo {
  client: KubeClient;
  namespace: string;
}

/** Whether to colour output: upstream colours unless --no-color or TERM=dumb (NO_COLOR is honoured too). */
export function useColor(io: Pick<CommandIo, 'env'>, noColorFlag: boolean): boolean {
  return !noColorFlag && io.env['TERM'] !== 'dumb' && !io.env['NO_COLOR'];
}

/** Captures writes in memory, for tests and for building output before printing it. */
export class StringOutput implements OutputStream {
  text = '';
  isTTY?: boolean;

  constructor(options: { isTTY?: boolean } = {}) {
    if (options.isTTY !== undefined) this.isTTY = options.isTTY;
  }

  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** Resolves when Ctrl-C aborts the signal, or after `timeoutMs` (when above 0) on the command's clock. */
export function waitForStop(io: Pick<CommandIo, 'clock' | 'signal'>, timeoutMs = 0, until?: Promise<unknown>): Promise<'aborted' | 'timeout' | 'done'> {
  return new Promise((resolve) => {
    const timer = timeoutMs > 0 ? io.clock.setTimer(() => finish('timeout'), timeoutMs) : undefined;
    const onAbort = (): void => finish('aborted');
    function finish(reason: 'aborted' | 'timeout' | 'done'): void {
      timer?.cancel();
      io.signal?.removeEventListener('abort', onAbort);
      resolve(reason);
    }
    if (io.signal?.aborted) return finish('aborted');
    io.signal?.addEventListener('abort', onAbort, { once: true });
    void until?.then(() => finish('done'));
  });
}
