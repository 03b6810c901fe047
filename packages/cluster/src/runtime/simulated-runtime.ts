// SimulatedRuntime: a container that is Running with no process behind it (unknown images, --simulate-pods).
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { realClock, type Clock } from '@aviary/kube';
import {
  formatKubeTime,
  TerminationReason,
  type ContainerExit,
  type ContainerRuntime,
  type ContainerStartSpec,
  type ExecResult,
  type RunningContainer,
} from './container-runtime.js';
import { formatCriLogLine, LogStream, LogTag, readNowNanos } from './cri-log-writer.js';
import type { MemoryLogs } from './memory-logs.js';

export interface SimulatedRuntimeOptions {
  readonly clock?: Clock;
  /** Wall-clock nanoseconds for log timestamps; injected for tests. */
  readonly nowNanos?: () => bigint;
  /** Where the container's log goes; without it, the log file at the spec's logPath. */
  readonly logs?: MemoryLogs;
}

/** The one log line a simulated container writes, so `kubectl logs` explains the silence. */
export function describeSimulatedContainer(spec: Pick<ContainerStartSpec, 'image'>): string {
  return `aviary: simulated container for image ${spec.image}: no process runs; it stays Running until stopped`;
}

export class SimulatedRuntime implements ContainerRuntime {
  readonly name = 'simulated';
  private readonly clock: Clock;
  private readonly nowNanos: () => bigint;
  private readonly logs: MemoryLogs | undefined;

  constructor(options: SimulatedRuntimeOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.nowNanos = options.nowNanos ?? readNowNanos;
    this.logs = options.logs;
  }

  async start(spec: ContainerStartSpec): Promise<RunningContainer> {
    const line = formatCriLogLine({
      time: this.nowNanos(),
      stream: LogStream.Stdout,
      tag: LogTag.Full,
      content: describeSimulatedContainer(spec),
    });
    if (this.logs !== undefined) {
      this.logs.append(spec.podDir, spec.logPath, `${line}\n`);
    } else {
      await mkdir(dirname(spec.logPath), { recursive: true });
      await appendFile(spec.logPath, `${line}\n`);
    }
    const clock = this.clock;
    let finish: (exit: ContainerExit) => void = () => undefined;
    const exited = new Promise<ContainerExit>((resolve) => {
      finish = resolve;
    });
    let stopped = false;
    return {
      simulated: true,
      startedAt: formatKubeTime(clock.now()),
      exited,
      async stop(): Promise<void> {
        if (!stopped) {
          stopped = true;
          finish({ exitCode: 0, reason: TerminationReason.Completed, finishedAt: formatKubeTime(clock.now()) });
        }
        await exited;
      },
      // A simulated container passes exec probes: it is Ready by definition.
      async exec(): Promise<ExecResult> {
        return { exitCode: 0, output: '' };
      },
    };
  }
}
