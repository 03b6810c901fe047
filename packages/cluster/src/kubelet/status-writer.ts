// StatusWriter: writes pod statuses that changed, coalescing bursts, with a bounded number of writes in flight.
//
// A pod marked dirty several times before its turn is written once, with the status computed at write
// time; a pod whose computed status equals the last known one is not written at all. There are no
// per-pod timers: thousands of simulated pods cost one merge patch each.
import { isNotFound, PatchType, Resources, type Clock, type DeepReadonly, type KubeClient, type Pod, type PodStatus } from '@aviary/kube';
import { jsonEqual } from './json-equal.js';

/** What the writer needs from a pod worker. */
export interface StatusSource {
  readonly pod: DeepReadonly<Pod>;
  readonly wantsStatusWrites: boolean;
  computeStatus(): PodStatus;
  observe(pod: DeepReadonly<Pod>): void;
}

export interface StatusWriterOptions {
  readonly client: KubeClient;
  readonly clock: Clock;
  /** Finds the worker of a pod uid (undefined once the pod is gone). */
  readonly lookup: (podUid: string) => StatusSource | undefined;
  /** Writes in flight at once; default 16. */
  readonly concurrency?: number;
  /** Delay before a failed write is tried again; default 1 s. */
  readonly retryDelayMs?: number;
  readonly log: (message: string, error?: unknown) => void;
}

/** A merge patch that turns `before` into `after` at the top level of status (lists are replaced whole). */
export function buildStatusPatch(before: DeepReadonly<PodStatus> | undefined, after: PodStatus): { status: Record<string, unknown> } {
  const status: Record<string, unknown> = { ...after };
  for (const key of Object.keys(before ?? {})) if (!(key in after)) status[key] = null;
  return { status };
}

export class StatusWriter {
  private readonly options: StatusWriterOptions;
  private readonly dirty = new Set<string>();
  private readonly inFlight = new Set<string>();
  private pumpQueued = false;
  private stopped = false;
  private readonly writes = new Set<Promise<void>>();

  constructor(options: StatusWriterOptions) {
    this.options = options;
  }

  markDirty(podUid: string): void {
    if (this.stopped) return;
    this.dirty.add(podUid);
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    queueMicrotask(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  /** Resolves once no write is in flight. */
  async idle(): Promise<void> {
    while (this.writes.size > 0 || this.dirty.size > 0) {
      if (this.writes.size === 0) this.pump();
      await Promise.all([...this.writes]);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Drops pending writes and waits for the ones in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.dirty.clear();
    await Promise.all([...this.writes]);
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 16;
    for (const uid of this.dirty) {
      if (this.writes.size >= limit) return;
      if (this.inFlight.has(uid)) continue;
      this.dirty.delete(uid);
      const source = this.options.lookup(uid);
      if (source === undefined || !source.wantsStatusWrites) continue;
      const desired = source.computeStatus();
      if (jsonEqual(desired, source.pod.status)) continue;
      this.inFlight.add(uid);
      const write = this.write(source, desired).finally(() => {
        this.inFlight.delete(uid);
        this.writes.delete(write);
        if (!this.stopped && this.dirty.size > 0) this.pump();
      });
      this.writes.add(write);
    }
  }

  private async write(source: StatusSource, desired: PodStatus): Promise<void> {
    const pod = source.pod;
    const uid = pod.metadata?.uid ?? '';
    try {
      const patch = buildStatusPatch(pod.status, desired);
      const written = await this.options.client.patch<Pod>(Resources.pods, pod.metadata?.name ?? '', pod.metadata?.namespace, patch, PatchType.Merge, { subresource: 'status' });
      if (written.metadata?.uid === uid) source.observe(written);
    } catch (error: unknown) {
      if (isNotFound(error) || this.stopped) return;
      this.options.log(`writing status of pod ${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`, error);
      this.options.clock.setTimer(() => this.markDirty(uid), this.options.retryDelayMs ?? 1000);
    }
  }
}
