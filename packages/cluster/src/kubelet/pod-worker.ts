// PodWorker: runs one pod on this node — its address and folder, init containers in order, containers with
// restarts and back-off, probes, graceful termination — and computes the status it should have.
import { join } from 'node:path';
import { formatKubeTime, type ContainerExit, type RunningContainer } from '../runtime/index.js';
import { PodPhase, RestartPolicy, type DeepReadonly, type Pod, type PodPhase as PodPhaseValue, type PodStatus, type Probe, type Timer } from '@aviary/kube';
import { containerLogPath, startContainer } from './container-start.js';
import { startContainerProbes, type ContainerProbes } from './container-probes.js';
import { createContainerRecord, formatContainerID, hasSucceeded, type ContainerRecord } from './container-record.js';
import type { KubeletContext } from './kubelet-context.js';
import { formatPodForMessage, KubeletEventReason, recordNormalEvent, recordRoutineEvent, recordWarningEvent } from './kubelet-events.js';
import { computePodPhase, shouldRestart } from './pod-phase.js';
import { computePodStatus } from './pod-status.js';
import { seedContainerRecords } from './pod-resume.js';
import { formatBackoffDuration } from './restart-backoff.js';
import type { ProbeKind } from './probes/probe-worker.js';
import { removeTree } from './remove-tree.js';

/** How long a container whose config is incomplete (missing ConfigMap key…) waits before the next try. */
const CONFIG_RETRY_MS = 10_000;
/** The pod's default termination grace period. */
const DEFAULT_GRACE_SECONDS = 30;

function isTerminalPhase(phase: string | undefined): boolean {
  return phase === PodPhase.Succeeded || phase === PodPhase.Failed;
}

function resourceVersionNumber(pod: DeepReadonly<Pod> | undefined): number {
  const value = Number(pod?.metadata?.resourceVersion ?? '0');
  return Number.isFinite(value) ? value : 0;
}

export class PodWorker {
  readonly uid: string;
  readonly podDir: string;
  private readonly context: KubeletContext;
  /** The latest pod object seen (informer or a status write's answer, whichever is newer). */
  private current: DeepReadonly<Pod>;
  readonly initContainers: ContainerRecord[];
  readonly containers: ContainerRecord[];
  private podIP = '';
  private startTime: string;
  private finalPhase: PodPhaseValue | undefined;
  private readonly probes = new Map<string, ContainerProbes>();
  private readonly retryTimers = new Map<string, Timer>();
  /** Resolvers waiting for a run of a container to end (log follow). */
  private readonly exitWaiters = new Map<ContainerRecord, (() => void)[]>();
  private prepared = false;
  private syncing = false;
  private syncAgain = false;
  private terminating: Promise<void> | undefined;
  private closed = false;
  /**
   * Whether the pod folder may exist: a run wrote a file there, or the pod ran before this worker (an earlier
   * kubelet). A pod whose containers were all simulated keeps its logs in memory and never has a folder.
   */
  private folderMayExist: boolean;

  constructor(context: KubeletContext, pod: DeepReadonly<Pod>) {
    this.context = context;
    this.current = pod;
    this.uid = pod.metadata?.uid ?? '';
    this.podDir = join(context.podsDir, this.uid);
    const seeded = seedContainerRecords(pod);
    this.initContainers = seeded.initContainers;
    this.containers = seeded.containers;
    this.startTime = pod.status?.startTime ?? formatKubeTime(context.clock.now());
    this.folderMayExist = pod.status?.startTime !== undefined;
    if (isTerminalPhase(pod.status?.phase)) {
      this.finalPhase = pod.status?.phase as PodPhaseValue;
      this.podIP = pod.status?.podIP ?? '';
    }
  }

  get pod(): DeepReadonly<Pod> {
    return this.current;
  }

  /** True once the pod reached Succeeded or Failed here (nothing runs any more). */
  get isFinished(): boolean {
    return this.finalPhase !== undefined;
  }

  get isTerminating(): boolean {
    return this.terminating !== undefined;
  }

  /** Takes a newer copy of the pod (stale ones, by resourceVersion, are ignored). */
  observe(pod: DeepReadonly<Pod>): void {
    if (resourceVersionNumber(pod) >= resourceVersionNumber(this.current)) this.current = pod;
  }

  /** The pod changed or a timer fired: reconcile (deletion first). */
  handleUpdate(): void {
    if (this.closed) return;
    const deletionTimestamp = this.current.metadata?.deletionTimestamp;
    if (deletionTimestamp !== undefined && this.terminating === undefined) {
      const grace = this.current.metadata?.deletionGracePeriodSeconds ?? this.current.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
      void this.terminate({ graceSeconds: grace, deleteFromApi: true });
      return;
    }
    void this.requestSync();
  }

  /** The status this pod should have now. */
  computeStatus(): PodStatus {
    return computePodStatus({
      pod: this.current,
      initContainers: this.initContainers,
      containers: this.containers,
      podIP: this.podIP,
      hostIP: this.context.hostIP,
      startTime: this.startTime,
      nowIso: formatKubeTime(this.context.clock.now()),
      ...(this.finalPhase === undefined ? {} : { finalPhase: this.finalPhase }),
    });
  }

  /** Whether the status writer should still write for this pod. */
  get wantsStatusWrites(): boolean {
    return !this.closed && this.terminating === undefined;
  }

  /** Resolves once the given run of a container ended (or at once when it is not running; or when the pod goes). */
  waitForRunEnd(containerName: string, restartCount: number): Promise<void> {
    const record = this.findRecord(containerName);
    if (record === undefined || record.running === undefined || record.restartCount !== restartCount || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = this.exitWaiters.get(record) ?? [];
      waiters.push(resolve);
      this.exitWaiters.set(record, waiters);
    });
  }

  findRecord(containerName: string): ContainerRecord | undefined {
    return this.containers.find((r) => r.name === containerName) ?? this.initContainers.find((r) => r.name === containerName);
  }

  /**
   * Stops every container with the grace period (SIGTERM, then SIGKILL), then, when asked, deletes the
   * pod object with grace period 0 so the API server removes it.
   */
  terminate(options: { graceSeconds: number; deleteFromApi: boolean }): Promise<void> {
    if (this.terminating === undefined) {
      this.terminating = this.stopEverything(options.graceSeconds).then(async () => {
        if (options.deleteFromApi && !this.closed) await this.context.deletePod(this.current);
      });
    }
    return this.terminating;
  }

  /** The pod is gone from the API: stop what runs, free the address, remove the folder. */
  async remove(): Promise<void> {
    const grace = this.current.metadata?.deletionGracePeriodSeconds ?? this.current.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
    await this.terminate({ graceSeconds: grace, deleteFromApi: false });
    this.closed = true;
    this.context.network.release(this.uid);
    this.context.backoff.forgetPod(this.uid);
    this.context.runtimes.memoryLogs.removePod(this.podDir);
    if (this.folderMayExist) await removeTree(this.podDir).catch((error: unknown) => this.context.log(`removing ${this.podDir}`, error));
  }

  /** The kubelet stops: stop containers (grace capped), keep the folder and the API object for the next start. */
  async shutdown(maxGraceSeconds: number): Promise<void> {
    const grace = Math.min(this.current.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS, maxGraceSeconds);
    this.closed = true; // first, so no exit handler restarts a container while they stop
    await this.stopEverything(grace);
  }

  private async stopEverything(graceSeconds: number): Promise<void> {
    for (const timer of this.retryTimers.values()) timer.cancel();
    this.retryTimers.clear();
    for (const probes of this.probes.values()) probes.stop();
    this.probes.clear();
    const stops: Promise<void>[] = [];
    for (const record of [...this.initContainers, ...this.containers]) {
      const running = record.running;
      if (running === undefined) continue;
      recordRoutineEvent(this.context, this.current, KubeletEventReason.Killing, `Stopping container ${record.name}`);
      stops.push(running.stop(Math.max(0, graceSeconds)).catch((error: unknown) => this.context.log(`stopping container ${record.name}`, error)));
    }
    await Promise.all(stops);
    // Runs whose exit handlers have not run yet are settled by them; wait for those too.
    await Promise.all([...this.initContainers, ...this.containers].map((r) => r.running?.exited));
  }

  private async requestSync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = true;
    try {
      do {
        this.syncAgain = false;
        await this.sync();
      } while (this.syncAgain && !this.closed && this.terminating === undefined);
    } catch (error: unknown) {
      this.context.log(`syncing pod ${formatPodForMessage(this.current)}`, error);
    } finally {
      this.syncing = false;
    }
  }

  /** One reconcile pass: prepare, run init containers in order, then the containers. */
  private async sync(): Promise<void> {
    if (this.closed || this.terminating !== undefined || this.finalPhase !== undefined) return;
    this.prepare();
    const restartPolicy = this.current.spec?.restartPolicy ?? RestartPolicy.Always;

    for (const record of this.initContainers) {
      if (hasSucceeded(record)) continue;
      if (record.running === undefined) await this.startOrBackOff(record, restartPolicy);
      this.settlePhase(restartPolicy);
      this.context.markStatusDirty(this.uid);
      return;
    }
    await Promise.all(this.containers.filter((record) => record.running === undefined).map((record) => this.startOrBackOff(record, restartPolicy)));
    this.settlePhase(restartPolicy);
    this.context.markStatusDirty(this.uid);
  }

  /** The pod's address, once (the folder is made by the runtimes that write in it). */
  private prepare(): void {
    if (this.prepared) return;
    this.prepared = true;
    this.podIP = this.context.network.allocate(this.uid, this.current.status?.podIP);
  }

  /** Once nothing will run again, the phase is final: stop probing, free the address. */
  private settlePhase(restartPolicy: RestartPolicy): void {
    const phase = computePodPhase({ restartPolicy, initContainers: this.initContainers, containers: this.containers });
    if (!isTerminalPhase(phase)) return;
    if ([...this.initContainers, ...this.containers].some((r) => r.running !== undefined)) return;
    this.finalPhase = phase;
    this.context.network.release(this.uid);
  }

  /** Starts a container that never ran, or restarts an exited one when the policy and the back-off allow. */
  private async startOrBackOff(record: ContainerRecord, restartPolicy: RestartPolicy): Promise<void> {
    const previous = record.state.terminated ?? (record.state.waiting !== undefined ? record.lastState.terminated : undefined);
    const exitedBefore = record.exitedAtMs !== undefined && previous !== undefined;
    if (exitedBefore) {
      if (!shouldRestart({ restartPolicy, exitCode: previous.exitCode, isInit: record.isInit })) return;
      const key = `${this.uid}/${record.name}`;
      const delay = this.context.backoff.delayBeforeRestart(key, record.exitedAtMs ?? 0, this.context.clock.now());
      if (delay > 0) {
        this.enterBackOff(record, previous, delay);
        return;
      }
      record.lastState = { terminated: { ...previous } };
      record.restartCount += 1;
    } else if (record.state.terminated !== undefined) {
      return; // ended in a previous kubelet run and must not run again
    }
    await this.launch(record);
  }

  private enterBackOff(record: ContainerRecord, previous: NonNullable<ContainerRecord['state']['terminated']>, delayMs: number): void {
    const backoff = formatBackoffDuration(this.context.backoff.currentBackoffMs(`${this.uid}/${record.name}`));
    const alreadyWaiting = record.state.waiting?.reason === 'CrashLoopBackOff';
    record.lastState = { terminated: { ...previous } };
    record.state = {
      waiting: { reason: 'CrashLoopBackOff', message: `back-off ${backoff} restarting failed container=${record.name} pod=${formatPodForMessage(this.current)}` },
    };
    if (!alreadyWaiting) {
      recordWarningEvent(this.context, this.current, KubeletEventReason.BackOff, `Back-off restarting failed container ${record.name} in pod ${formatPodForMessage(this.current)}`);
    }
    this.scheduleRetry(record, delayMs);
  }

  private scheduleRetry(record: ContainerRecord, delayMs: number): void {
    this.retryTimers.get(record.name)?.cancel();
    this.retryTimers.set(
      record.name,
      this.context.clock.setTimer(() => {
        this.retryTimers.delete(record.name);
        void this.requestSync();
      }, delayMs),
    );
  }

  private async launch(record: ContainerRecord): Promise<void> {
    const result = await startContainer(this.context, { pod: this.current, record, podIP: this.podIP, podDir: this.podDir, restartCount: record.restartCount });
    const logPath = containerLogPath(this.podDir, record.name, record.restartCount);
    if (result.kind !== 'started' || this.context.runtimes.memoryLogs.read(this.podDir, logPath) === undefined) this.folderMayExist = true;
    if (result.kind === 'config-error') {
      record.state = { waiting: { reason: 'CreateContainerConfigError', message: result.message } };
      this.scheduleRetry(record, CONFIG_RETRY_MS);
      return;
    }
    const now = this.context.clock.now();
    if (result.kind === 'start-error') {
      const at = formatKubeTime(now);
      record.state = { terminated: { exitCode: 128, reason: result.reason, message: result.message, startedAt: at, finishedAt: at } };
      record.exitedAtMs = now;
      record.ready = false;
      record.started = false;
      this.context.markStatusDirty(this.uid);
      void this.requestSync();
      return;
    }
    const { running } = result;
    if (this.closed || this.terminating !== undefined) {
      await running.stop(0);
      return;
    }
    record.running = running;
    record.simulated = running.simulated;
    record.runtimeName = result.runtimeName;
    record.imageID = `aviary://${result.runtimeName}/${record.spec.image ?? ''}`;
    record.containerID = formatContainerID({ simulated: running.simulated, podUid: this.uid, container: record.name, restartCount: record.restartCount });
    record.state = { running: { startedAt: running.startedAt } };
    this.announceStart(record);
    this.probes.set(
      record.name,
      startContainerProbes(this.context, {
        pod: this.current,
        record,
        running,
        podIP: this.podIP,
        onStatusChange: () => this.context.markStatusDirty(this.uid),
        onProbeKill: (kind, probe) => this.killForProbe(record, running, kind, probe),
      }),
    );
    void running.exited.then((exit) => this.handleExit(record, running, exit));
  }

  private announceStart(record: ContainerRecord): void {
    const image = record.spec.image ?? '';
    recordRoutineEvent(this.context, this.current, KubeletEventReason.Pulled, `Container image "${image}" already present on machine`);
    recordRoutineEvent(this.context, this.current, KubeletEventReason.Created, `Created container: ${record.name}`);
    recordRoutineEvent(this.context, this.current, KubeletEventReason.Started, `Started container ${record.name}`);
  }

  private killForProbe(record: ContainerRecord, running: RunningContainer, kind: ProbeKind, probe: DeepReadonly<Probe>): void {
    if (record.running !== running || this.terminating !== undefined) return;
    this.probes.get(record.name)?.stop();
    recordNormalEvent(this.context, this.current, KubeletEventReason.Killing, `Container ${record.name} failed ${kind.toLowerCase()} probe, will be restarted`);
    const grace = probe.terminationGracePeriodSeconds ?? this.current.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
    void running.stop(grace);
  }

  private handleExit(record: ContainerRecord, running: RunningContainer, exit: ContainerExit): void {
    if (record.running !== running) return;
    record.running = undefined;
    this.probes.get(record.name)?.stop();
    this.probes.delete(record.name);
    record.state = {
      terminated: {
        exitCode: exit.exitCode,
        reason: exit.reason,
        startedAt: running.startedAt,
        finishedAt: exit.finishedAt,
        ...(exit.message === undefined ? {} : { message: exit.message }),
        ...(record.containerID === undefined ? {} : { containerID: record.containerID }),
      },
    };
    record.exitedAtMs = this.context.clock.now();
    record.ready = false;
    record.started = false;
    for (const resolve of this.exitWaiters.get(record) ?? []) resolve();
    this.exitWaiters.delete(record);
    if (this.closed || this.terminating !== undefined) return;
    this.context.markStatusDirty(this.uid);
    void this.requestSync();
  }
}
