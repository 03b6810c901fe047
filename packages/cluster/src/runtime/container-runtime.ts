// The ContainerRuntime contract: how the local kubelet starts, watches, stops and execs into one container.

/** A port the container declares (`spec.containers[].ports[]`). */
export interface ContainerPortSpec {
  readonly containerPort: number;
  /** `TCP` (the Kubernetes default), `UDP` or `SCTP`. */
  readonly protocol: string;
  readonly name?: string;
}

/** Everything a runtime needs to start one container of one pod. The kubelet resolves it all first. */
export interface ContainerStartSpec {
  readonly podUid: string;
  readonly podName: string;
  readonly namespace: string;
  readonly containerName: string;
  /** The image as written in the pod spec (registry prefixes and digests allowed). */
  readonly image: string;
  /** `spec.containers[].command`: replaces the image ENTRYPOINT when given. */
  readonly command?: readonly string[];
  /** `spec.containers[].args`: replaces the image CMD when given. */
  readonly args?: readonly string[];
  /** The container's environment, already resolved by the kubelet (env, envFrom, service links). */
  readonly env: Readonly<Record<string, string>>;
  readonly workingDir?: string;
  /** The pod's address on loopback (127.x.y.z); servers in the container bind here. */
  readonly podIP: string;
  readonly ports: readonly ContainerPortSpec[];
  /** A per-pod folder the kubelet made; the default working directory and HOME. */
  readonly podDir: string;
  /** File the container's stdout and stderr are appended to, in the CRI log format. */
  readonly logPath: string;
  /** How many times the kubelet restarted this container before (0 on the first start). */
  readonly restartCount: number;
}

/** Closed set of termination reasons the runtimes report (the wire strings of `state.terminated.reason`). */
export const TerminationReason = {
  Completed: 'Completed',
  Error: 'Error',
  OOMKilled: 'OOMKilled',
} as const;
export type TerminationReason = (typeof TerminationReason)[keyof typeof TerminationReason];

/** How a container ended: the fields of `containerStatuses[].state.terminated`. */
export interface ContainerExit {
  /** The process exit code; 128 + signal number when a signal ended it (143 for SIGTERM, 137 for SIGKILL). */
  readonly exitCode: number;
  /** The signal name (`SIGTERM`, `SIGKILL`) when a signal ended the process. */
  readonly signal?: string;
  /** `Completed` for exit code 0, `Error` otherwise. */
  readonly reason: TerminationReason | (string & {});
  /** A short human explanation, when there is one. */
  readonly message?: string;
  /** RFC 3339, second precision, as Kubernetes writes `finishedAt`. */
  readonly finishedAt: string;
}

/** The result of running a command inside a container (exec probes, `kubectl exec`-like uses). */
export interface ExecResult {
  readonly exitCode: number;
  /** stdout and stderr, interleaved as they arrived. */
  readonly output: string;
  /** True when the command outlived its timeout and was killed. */
  readonly timedOut?: boolean;
}

/** A started container. */
export interface RunningContainer {
  /** True when no process backs the container (the simulated runtime). */
  readonly simulated: boolean;
  /** The container's main process id (also its process-group id); absent when simulated. */
  readonly pid?: number;
  /** RFC 3339, second precision, as Kubernetes writes `startedAt`. */
  readonly startedAt: string;
  /** Settles once the container has ended and its log is flushed; never rejects. */
  readonly exited: Promise<ContainerExit>;
  /**
   * SIGTERM to the container's process group, SIGKILL to the group after `gracePeriodSeconds`.
   * Resolves once the process is gone; safe to call more than once and after the container exited.
   */
  stop(gracePeriodSeconds: number): Promise<void>;
  /** Runs `command` with the container's env and working directory; absent when a runtime cannot. */
  exec?(command: readonly string[], timeoutMs: number): Promise<ExecResult>;
}

/** Runs containers of one kind (host processes, built-in apps, simulations). */
export interface ContainerRuntime {
  /** `process`, `catalog` or `simulated`: shown in pod status so users see how a container runs. */
  readonly name: string;
  /** Resolves once the container is running; rejects with ContainerStartError when it cannot start. */
  start(spec: ContainerStartSpec): Promise<RunningContainer>;
}

/** The container could not be started (no such executable, bad working directory, …). */
export class ContainerStartError extends Error {
  override readonly name = 'ContainerStartError';
  /** The waiting reason the kubelet reports, as upstream: `StartError`. */
  readonly reason: string;

  constructor(message: string, options: { reason?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = options.reason ?? 'StartError';
  }
}

/** Checks whether a thrown value is a ContainerStartError. */
export function isContainerStartError(error: unknown): error is ContainerStartError {
  return error instanceof ContainerStartError;
}

/** Formats epoch milliseconds as Kubernetes does for metav1.Time: RFC 3339 with whole seconds. */
export function formatKubeTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Picks `Completed` or `Error` as the kubelet does for a terminated container. */
export function reasonForExitCode(exitCode: number): TerminationReason {
  return exitCode === 0 ? TerminationReason.Completed : TerminationReason.Error;
}
