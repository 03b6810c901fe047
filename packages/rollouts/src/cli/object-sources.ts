// The objects `get rollout` / `get experiment` / `status` show: fetched once, or kept current by informers for
// `--watch` (one list+watch per kind in the namespace, as upstream's view controller does).
// Upstream: pkg/kubectl-argo-rollouts/viewcontroller/viewcontroller.go.
import { isNotFound, Resources, SharedInformer, type AnalysisRun, type Experiment, type KubeObject, type Pod, type ReplicaSet, type ResourceType, type Rollout } from '@aviary/kube';
import type { KubeCommandIo } from './io.js';

/** Everything in a namespace a rollout's or experiment's tree may contain. */
export interface OwnedObjects {
  replicaSets: ReplicaSet[];
  pods: Pod[];
  analysisRuns: AnalysisRun[];
  experiments: Experiment[];
}

/** A list that the cluster does not serve (a CRD not installed) reads as empty; other failures are thrown. */
async function listOrEmpty<T extends KubeObject>(io: KubeCommandIo, type: ResourceType): Promise<T[]> {
  try {
    return (await io.client.list<T>(type, { namespace: io.namespace })).items;
  } catch (err: unknown) {
    if (isNotFound(err)) return [];
    throw err;
  }
}

/** Reads the named object and everything it may own, all requests at once. The object's NotFound is thrown. */
export async function fetchWithOwned<T extends KubeObject>(io: KubeCommandIo, type: ResourceType, name: string): Promise<{ object: T } & OwnedObjects> {
  const [object, replicaSets, pods, analysisRuns, experiments] = await Promise.all([
    io.client.get<T>(type, name, io.namespace),
    listOrEmpty<ReplicaSet>(io, Resources.replicaSets),
    listOrEmpty<Pod>(io, Resources.pods),
    listOrEmpty<AnalysisRun>(io, Resources.analysisRuns),
    listOrEmpty<Experiment>(io, Resources.experiments),
  ]);
  return { object, replicaSets, pods, analysisRuns, experiments };
}

/** Informers for the named object and the kinds it may own; `snapshot()` reads the caches. */
export class WatchedObjects<T extends KubeObject> {
  private readonly main: SharedInformer<T>;
  private readonly owned: { [K in keyof OwnedObjects]: SharedInformer<OwnedObjects[K][number]> };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly io: KubeCommandIo,
    type: ResourceType,
    private readonly name: string,
  ) {
    const common = { client: io.client, namespace: io.namespace, clock: io.clock, onError: () => undefined };
    const notify = { onAdd: () => this.emit(), onUpdate: () => this.emit(), onDelete: () => this.emit() };
    this.main = new SharedInformer<T>({ ...common, type, fieldSelector: `metadata.name=${name}` });
    this.owned = {
      replicaSets: new SharedInformer<ReplicaSet>({ ...common, type: Resources.replicaSets }),
      pods: new SharedInformer<Pod>({ ...common, type: Resources.pods }),
      analysisRuns: new SharedInformer<AnalysisRun>({ ...common, type: Resources.analysisRuns }),
      experiments: new SharedInformer<Experiment>({ ...common, type: Resources.experiments }),
    };
    for (const informer of this.informers()) informer.addEventHandler(notify);
  }

  private informers(): SharedInformer<KubeObject>[] {
    return [this.main, ...Object.values(this.owned)] as SharedInformer<KubeObject>[];
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  /** Called after every cache change (many times per second at most as events arrive). */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** Starts every informer and resolves when all have their first list. */
  async start(): Promise<void> {
    for (const informer of this.informers()) informer.start();
    await Promise.all(this.informers().map((informer) => informer.waitForSync()));
  }

  /** The cached object and owned objects, or undefined while the object does not exist. */
  snapshot(): ({ object: T } & OwnedObjects) | undefined {
    const object = this.main.get(this.io.namespace, this.name) as T | undefined;
    if (!object) return undefined;
    return {
      object,
      replicaSets: this.owned.replicaSets.list() as ReplicaSet[],
      pods: this.owned.pods.list() as Pod[],
      analysisRuns: this.owned.analysisRuns.list() as AnalysisRun[],
      experiments: this.owned.experiments.list() as Experiment[],
    };
  }

  async stop(): Promise<void> {
    this.listeners.clear();
    await Promise.all(this.informers().map((informer) => informer.stop()));
  }
}

/** Only the rollout itself, for `status`: one informer. */
export function watchRollout(io: KubeCommandIo, name: string): { informer: SharedInformer<Rollout>; current: () => Rollout | undefined } {
  const informer = new SharedInformer<Rollout>({ client: io.client, namespace: io.namespace, clock: io.clock, type: Resources.rollouts, fieldSelector: `metadata.name=${name}`, onError: () => undefined });
  return { informer, current: () => informer.get(io.namespace, name) as Rollout | undefined };
}
