// PodScheduler: binds every unscheduled pod to this node (the only node) through the pods/binding subresource.
//
// The binding is `POST /api/v1/namespaces/{ns}/pods/{name}/binding` with a v1 Binding. KubeClient has no
// subresource create, so the request goes through `create` with a ResourceType whose plural is
// `pods/{name}/binding`: collectionPath() then yields exactly that URL.
import { EventType, isConflict, isNotFound, PatchType, Resources, type Clock, type DeepReadonly, type EventRecorder, type KubeClient, type KubeObject, type Pod, type ResourceType } from '@aviary/kube';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/** The ResourceType whose collection path is `/api/v1/namespaces/{ns}/pods/{name}/binding`. */
export function podBindingResourceType(podName: string): ResourceType {
  return Object.freeze({ group: '', version: 'v1', resource: `pods/${encodeURIComponent(podName)}/binding`, kind: 'Binding', namespaced: true });
}

/** The v1 Binding the scheduler posts. */
export function buildPodBinding(pod: DeepReadonly<Pod>, nodeName: string): KubeObject & { target: { apiVersion: string; kind: string; name: string } } {
  return {
    apiVersion: 'v1',
    kind: 'Binding',
    metadata: { name: pod.metadata?.name ?? '', namespace: pod.metadata?.namespace ?? '', ...(pod.metadata?.uid ? { uid: pod.metadata.uid } : {}) },
    target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
  };
}

/** Why a pod cannot go to this node, or undefined when it can (nodeSelector only: there are no taints). */
export function findUnschedulableReason(pod: DeepReadonly<Pod>, nodeLabels: Readonly<Record<string, string>>): string | undefined {
  const selector = pod.spec?.nodeSelector ?? {};
  const mismatch = Object.entries(selector).some(([key, value]) => nodeLabels[key] !== value);
  if (!mismatch) return undefined;
  return "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.";
}

/** Is this pod waiting for this scheduler? */
export function needsScheduling(pod: DeepReadonly<Pod>): boolean {
  if (pod.spec?.nodeName) return false;
  if (pod.metadata?.deletionTimestamp) return false;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  if ((pod.spec?.schedulingGates ?? []).length > 0) return false;
  const scheduler = pod.spec?.schedulerName;
  return scheduler === undefined || scheduler === '' || scheduler === DEFAULT_SCHEDULER_NAME;
}

export interface PodSchedulerOptions {
  readonly client: KubeClient;
  readonly clock: Clock;
  readonly nodeName: string;
  readonly nodeLabels: Readonly<Record<string, string>>;
  readonly recorder: EventRecorder | undefined;
  /** Bindings in flight at once; default 16. */
  readonly concurrency?: number;
  readonly log: (message: string, error?: unknown) => void;
}

export class PodScheduler {
  private readonly options: PodSchedulerOptions;
  /** Pods to bind, by uid, with the latest copy seen. */
  private readonly queue = new Map<string, DeepReadonly<Pod>>();
  private readonly inFlight = new Set<string>();
  /** Pods already reported unschedulable (not retried: the node's labels never change). */
  private readonly unschedulable = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(options: PodSchedulerOptions) {
    this.options = options;
  }

  /** Queues the pod for binding when it needs it. */
  consider(pod: DeepReadonly<Pod>): void {
    const uid = pod.metadata?.uid ?? '';
    if (this.stopped || !needsScheduling(pod) || this.inFlight.has(uid) || this.unschedulable.has(uid)) return;
    this.queue.set(uid, pod);
    this.pump();
  }

  forget(pod: DeepReadonly<Pod>): void {
    const uid = pod.metadata?.uid ?? '';
    this.queue.delete(uid);
    this.unschedulable.delete(uid);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.clear();
    await Promise.all([...this.running]);
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 16;
    for (const [uid, pod] of this.queue) {
      if (this.running.size >= limit) return;
      this.queue.delete(uid);
      this.inFlight.add(uid);
      const task = this.schedule(pod).finally(() => {
        this.inFlight.delete(uid);
        this.running.delete(task);
        if (!this.stopped) this.pump();
      });
      this.running.add(task);
    }
  }

  private async schedule(pod: DeepReadonly<Pod>): Promise<void> {
    const { client, nodeName } = this.options;
    const name = pod.metadata?.name ?? '';
    const namespace = pod.metadata?.namespace ?? '';
    const reason = findUnschedulableReason(pod, this.options.nodeLabels);
    try {
      if (reason !== undefined) {
        this.unschedulable.add(pod.metadata?.uid ?? '');
        await this.reportUnschedulable(pod, reason);
        return;
      }
      await client.create(podBindingResourceType(name), buildPodBinding(pod, nodeName));
      this.options.recorder?.event(pod as Readonly<KubeObject>, EventType.Normal, 'Scheduled', `Successfully assigned ${namespace}/${name} to ${nodeName}`);
    } catch (error: unknown) {
      if (isNotFound(error) || isConflict(error) || this.stopped) return; // gone, or bound already
      this.options.log(`binding pod ${namespace}/${name}`, error);
      this.options.clock.setTimer(() => this.consider(pod), 1000);
    }
  }

  private async reportUnschedulable(pod: DeepReadonly<Pod>, message: string): Promise<void> {
    this.options.recorder?.event(pod as Readonly<KubeObject>, EventType.Warning, 'FailedScheduling', message);
    const now = new Date(this.options.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const conditions = [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null, lastTransitionTime: now }];
    await this.options.client.patch(Resources.pods, pod.metadata?.name ?? '', pod.metadata?.namespace, { status: { phase: 'Pending', conditions } }, PatchType.Merge, {
      subresource: 'status',
    });
  }
}
