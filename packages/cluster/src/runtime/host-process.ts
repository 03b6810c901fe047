// Host processes as containers: spawn in an own process group, log in CRI format, report the exit, stop with grace.
import { spawn, type ChildProcess } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import { realClock, type Clock, type Timer } from '@aviary/kube';
import {
  ContainerStartError,
  formatKubeTime,
  reasonForExitCode,
  type ContainerExit,
  type ExecResult,
  type RunningContainer,
} from './container-runtime.js';
import { CriLogWriter, LogStream } from './cri-log-writer.js';
import { describeMissingExecutable, resolveExecutable } from './executable-lookup.js';

/** How long to wait for a dead container's output pipes to drain when a runaway descendant holds them open. */
const PIPE_DRAIN_MS = 2_000;

export interface HostProcessOptions {
  /** argv[0] is looked up on `env.PATH`. */
  readonly argv: readonly string[];
  /** The complete environment of the process (nothing is inherited). */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly logPath: string;
  readonly clock?: Clock;
}

/** Maps a signal name to the exit code a shell and the kubelet report for it (128 + signal number). */
export function exitCodeForSignal(signal: NodeJS.Signals): number {
  return 128 + (osConstants.signals[signal] ?? 0);
}

/** Sends `signal` to the whole process group led by `pid`; a group that is already gone is fine. */
export function signalProcessGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

function resolveArgv(options: Pick<HostProcessOptions, 'argv' | 'env' | 'cwd'>): { file: string; args: string[] } {
  const [command, ...args] = options.argv;
  if (command === undefined) throw new ContainerStartError('no command given');
  const file = resolveExecutable({ command, pathList: options.env.PATH ?? '', cwd: options.cwd });
  if (file === undefined) throw new ContainerStartError(describeMissingExecutable(command));
  return { file, args };
}

function waitForSpawn(child: ChildProcess, argv0: string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', (error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      reject(new ContainerStartError(`exec: "${argv0}": ${detail}`, { cause: error }));
    });
  });
}

/** Starts the process and returns the running container; rejects with ContainerStartError. */
export async function startHostProcess(options: HostProcessOptions): Promise<RunningContainer> {
  const clock = options.clock ?? realClock;
  const { file, args } = resolveArgv(options);
  let log: CriLogWriter;
  try {
    log = new CriLogWriter({ path: options.logPath });
  } catch (error: unknown) {
    throw new ContainerStartError(`cannot open the container log ${options.logPath}`, { cause: error });
  }
  const child = spawn(file, args, {
    argv0: options.argv[0],
    cwd: options.cwd,
    env: { ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => log.write(LogStream.Stdout, chunk));
  child.stderr?.on('data', (chunk: Buffer) => log.write(LogStream.Stderr, chunk));
  try {
    await waitForSpawn(child, options.argv[0] ?? file);
  } catch (error: unknown) {
    await log.close();
    throw error;
  }
  const pid = child.pid ?? 0;
  const startedAt = formatKubeTime(clock.now());
  let killTimer: Timer | undefined;
  let killAt = Number.POSITIVE_INFINITY;
  let finished = false;

  const exited = new Promise<ContainerExit>((resolve) => {
    let status: { code: number | null; signal: NodeJS.Signals | null } = { code: null, signal: null };
    child.once('exit', (code, signal) => {
      status = { code, signal };
      // Like a container whose PID 1 ended: nothing else in it keeps running.
      signalProcessGroup(pid, 'SIGKILL');
      const drain = clock.setTimer(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
      }, PIPE_DRAIN_MS);
      child.once('close', () => drain.cancel());
    });
    child.once('close', () => {
      finished = true;
      killTimer?.cancel();
      const exitCode = status.code ?? (status.signal === null ? 1 : exitCodeForSignal(status.signal));
      const finishedAt = formatKubeTime(clock.now());
      void log.close().then(() =>
        resolve({
          exitCode,
          reason: reasonForExitCode(exitCode),
          finishedAt,
          ...(status.signal === null ? {} : { signal: status.signal }),
        }),
      );
    });
  });

  const stop = async (gracePeriodSeconds: number): Promise<void> => {
    if (!finished) {
      const deadline = clock.now() + Math.max(0, gracePeriodSeconds) * 1000;
      if (killAt === Number.POSITIVE_INFINITY) signalProcessGroup(pid, 'SIGTERM');
      if (deadline < killAt) {
        killAt = deadline;
        killTimer?.cancel();
        killTimer = clock.setTimer(() => signalProcessGroup(pid, 'SIGKILL'), deadline - clock.now());
      }
    }
    await exited;
  };

  const exec = (command: readonly string[], timeoutMs: number): Promise<ExecResult> =>
    runHostCommand({ ...options, argv: command, clock, timeoutMs });

  return { simulated: false, pid, startedAt, exited, stop, exec };
}

/** Runs a short command to completion with the container's env and cwd (exec probes). */
export async function runHostCommand(
  options: Omit<HostProcessOptions, 'logPath'> & { readonly timeoutMs: number },
): Promise<ExecResult> {
  const clock = options.clock ?? realClock;
  let resolved: { file: string; args: string[] };
  try {
    resolved = resolveArgv(options);
  } catch (error: unknown) {
    return { exitCode: 127, output: error instanceof Error ? error.message : String(error) };
  }
  const child = spawn(resolved.file, resolved.args, {
    argv0: options.argv[0],
    cwd: options.cwd,
    env: { ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  let timedOut = false;
  const timer = clock.setTimer(() => {
    timedOut = true;
    if (child.pid !== undefined) signalProcessGroup(child.pid, 'SIGKILL');
  }, options.timeoutMs);
  child.once('exit', () => {
    if (child.pid !== undefined) signalProcessGroup(child.pid, 'SIGKILL');
  });
  return new Promise<ExecResult>((resolve) => {
    child.once('error', (error: unknown) => {
      timer.cancel();
      resolve({ exitCode: 126, output: error instanceof Error ? error.message : String(error) });
    });
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      timer.cancel();
      const exitCode = code ?? (signal === null ? 1 : exitCodeForSignal(signal));
      resolve({ exitCode, output: Buffer.concat(chunks).toString('utf8'), ...(timedOut ? { timedOut } : {}) });
    });
  });
}
