// The ReplicaSet controller: ReplicaSet and pod informers feed ReplicaSet keys to syncReplicaSet (pkg/controller/replicaset).
import { Controller, ReadyOrder, Resources, labelSelectorFromObject, type DeepReadonly, type Pod, type ReplicaSet, type SharedInformer } from '@aviary/kube';
import type { BuiltinController, ControllerDeps } from '../shared/controller-deps.js';
import { ensureOrphanIndex } from '../shared/claim-candidates.js';
import { PodExpectations } from '../shared/expectations.js';
import { controllerOf, keyOf, readOnlyView } from '../shared/owner-reference.js';
import { createPodControl } from '../shared/pod-control.js';
import { syncReplicaSet, type ReplicaSetSyncDeps } from './sync-replica-set.js';

export class ReplicaSetController implements BuiltinController {
  readonly name = 'replicaset-controller';
  readonly expectations: PodExpectations;
  private readonly controller: Controller;
  private readonly replicaSets: SharedInformer<ReplicaSet>;
  private readonly pods: SharedInformer<Pod>;
  private readonly syncDeps: ReplicaSetSyncDeps;

  constructor(deps: ControllerDeps) {
    this.expectations = new PodExpectations({ clock: deps.clock });
    this.replicaSets = deps.informers.forResource<ReplicaSet>(Resources.replicaSets);
    this.pods = deps.informers.forResource<Pod>(Resources.pods);
    ensureOrphanIndex(this.pods); // each sync claims from its own pods and the orphans, not the whole namespace
    // Newest keys first (see ReadyOrder): a burst of scalings gets its pods ReplicaSet after ReplicaSet rather than
    // round-robin, so the controllers waiting on them are not moved along in lock-step.
    this.controller = new Controller({
      name: this.name,
      sync: (key) => this.sync(key),
      workers: deps.workers,
      clock: deps.clock,
      onError: deps.onError,
      order: ReadyOrder.NewestFirst,
    });
    this.syncDeps = {
      client: deps.client,
      replicaSets: this.replicaSets,
      pods: this.pods,
      podControl: createPodControl({ client: deps.client, recorder: deps.recorder }),
      expectations: this.expectations,
      recorder: deps.recorder,
      now: () => deps.clock.now(),
      requeueAfter: (key, delayMs) => this.controller.queue.addAfter(key, delayMs),
    };
    this.replicaSets.addEventHandler({
      onAdd: (rs) => this.controller.enqueue(readOnlyView(rs)),
      onUpdate: (_old, rs) => this.controller.enqueue(readOnlyView(rs)),
      onDelete: (rs) => {
        this.expectations.forget(keyOf(rs));
        this.controller.enqueue(readOnlyView(rs));
      },
    });
    this.pods.addEventHandler({
      onAdd: (pod) => this.onPodAdd(pod),
      onUpdate: (old, pod) => this.onPodUpdate(old, pod),
      onDelete: (pod) => this.onPodDelete(pod),
    });
  }

  sync(key: string): Promise<void> {
    return syncReplicaSet(this.syncDeps, key);
  }

  run(): void {
    this.controller.run();
  }

  stop(): Promise<void> {
    return this.controller.stop();
  }

  private onPodAdd(pod: DeepReadonly<Pod>): void {
    // A pod already being deleted when first seen (after a restart) counts as a deletion.
    if (pod.metadata?.deletionTimestamp !== undefined) return this.onPodDelete(pod);
    const owner = this.ownerKey(pod);
    if (owner !== undefined) {
      this.expectations.creationObserved(owner);
      this.controller.queue.add(owner);
      return;
    }
    for (const key of this.matchingReplicaSets(pod)) this.controller.queue.add(key);
  }

  private onPodUpdate(old: DeepReadonly<Pod>, pod: DeepReadonly<Pod>): void {
    if (old.metadata?.resourceVersion === pod.metadata?.resourceVersion) return; // periodic resync
    if (pod.metadata?.deletionTimestamp !== undefined && old.metadata?.deletionTimestamp === undefined) {
      this.onPodDelete(pod);
      return;
    }
    const oldOwner = this.ownerKey(old);
    const owner = this.ownerKey(pod);
    if (oldOwner !== undefined && oldOwner !== owner) this.controller.queue.add(oldOwner);
    if (owner !== undefined) {
      this.controller.queue.add(owner);
      return;
    }
    // An orphan whose labels changed may now match a ReplicaSet that can adopt it.
    for (const key of this.matchingReplicaSets(pod)) this.controller.queue.add(key);
  }

  private onPodDelete(pod: DeepReadonly<Pod>): void {
    const owner = this.ownerKey(pod);
    if (owner === undefined) return;
    this.expectations.deletionObserved(owner, keyOf(pod));
    this.controller.queue.add(owner);
  }

  /** The key of the ReplicaSet controlling the pod, if that ReplicaSet is the one cached. */
  private ownerKey(pod: DeepReadonly<Pod>): string | undefined {
    const ref = controllerOf(pod);
    if (ref === undefined || ref.kind !== 'ReplicaSet') return undefined;
    const key = `${pod.metadata?.namespace}/${ref.name}`;
    const rs = this.replicaSets.getByKey(key);
    return rs !== undefined && rs.metadata?.uid === ref.uid ? key : undefined;
  }

  private matchingReplicaSets(pod: DeepReadonly<Pod>): string[] {
    return this.replicaSets
      .list(pod.metadata?.namespace)
      .filter((rs) => selects(rs, pod))
      .map((rs) => keyOf(rs));
  }
}

function selects(rs: DeepReadonly<ReplicaSet>, pod: DeepReadonly<Pod>): boolean {
  try {
    const selector = labelSelectorFromObject(rs.spec?.selector as never);
    return !selector.isEmpty() && selector.matches(pod.metadata?.labels);
  } catch {
    return false;
  }
}
