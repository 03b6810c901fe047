// The Deployment controller: Deployment, ReplicaSet and pod informers feed Deployment keys to syncDeployment (pkg/controller/deployment).
import { Controller, Resources, labelSelectorFromObject, type DeepReadonly, type Deployment, type Pod, type ReplicaSet, type SharedInformer } from '@aviary/kube';
import type { BuiltinController, ControllerDeps } from '../shared/controller-deps.js';
import { controllerOf, keyOf, readOnlyView } from '../shared/owner-reference.js';
import type { DeploymentSyncDeps } from './deployment-context.js';
import { syncDeployment } from './sync-deployment.js';

export class DeploymentController implements BuiltinController {
  readonly name = 'deployment-controller';
  private readonly controller: Controller;
  private readonly deployments: SharedInformer<Deployment>;
  private readonly replicaSets: SharedInformer<ReplicaSet>;
  private readonly syncDeps: DeploymentSyncDeps;

  constructor(deps: ControllerDeps) {
    this.deployments = deps.informers.forResource<Deployment>(Resources.deployments);
    this.replicaSets = deps.informers.forResource<ReplicaSet>(Resources.replicaSets);
    const pods = deps.informers.forResource<Pod>(Resources.pods);
    this.controller = new Controller({ name: this.name, sync: (key) => this.sync(key), workers: deps.workers, clock: deps.clock, onError: deps.onError });
    this.syncDeps = {
      client: deps.client,
      deployments: this.deployments,
      replicaSets: this.replicaSets,
      pods,
      recorder: deps.recorder,
      now: () => deps.clock.now(),
      requeueAfter: (key, delayMs) => this.controller.queue.addAfter(key, delayMs),
    };
    this.deployments.addEventHandler({
      onAdd: (d) => this.controller.enqueue(readOnlyView(d)),
      onUpdate: (_old, d) => this.controller.enqueue(readOnlyView(d)),
      onDelete: (d) => this.controller.enqueue(readOnlyView(d)),
    });
    this.replicaSets.addEventHandler({
      onAdd: (rs) => this.onReplicaSetChange(undefined, rs),
      onUpdate: (old, rs) => this.onReplicaSetChange(old, rs),
      onDelete: (rs) => this.onReplicaSetChange(undefined, rs),
    });
    // Recreate waits for old pods to be gone: their deletion must wake the deployment.
    pods.addEventHandler({ onDelete: (pod) => this.onPodDelete(pod) });
  }

  sync(key: string): Promise<void> {
    return syncDeployment(this.syncDeps, key);
  }

  run(): void {
    this.controller.run();
  }

  stop(): Promise<void> {
    return this.controller.stop();
  }

  private onReplicaSetChange(old: DeepReadonly<ReplicaSet> | undefined, rs: DeepReadonly<ReplicaSet>): void {
    if (old !== undefined && old.metadata?.resourceVersion === rs.metadata?.resourceVersion) return;
    const oldOwner = old && this.ownerKey(old);
    const owner = this.ownerKey(rs);
    if (oldOwner !== undefined && oldOwner !== owner) this.controller.queue.add(oldOwner);
    if (owner !== undefined) {
      this.controller.queue.add(owner);
      return;
    }
    if (controllerOf(rs) !== undefined) return; // controlled by something else
    // An orphan: every deployment that could adopt it.
    for (const d of this.deployments.list(rs.metadata?.namespace)) {
      if (selects(d, rs.metadata?.labels)) this.controller.queue.add(keyOf(d));
    }
  }

  private onPodDelete(pod: DeepReadonly<Pod>): void {
    const rsRef = controllerOf(pod);
    if (rsRef?.kind !== 'ReplicaSet') return;
    const rs = this.replicaSets.get(pod.metadata?.namespace, rsRef.name);
    const owner = rs && this.ownerKey(rs);
    if (owner === undefined) return;
    const d = this.deployments.getByKey(owner);
    if (d?.spec?.strategy?.type === 'Recreate') this.controller.queue.add(owner);
  }

  private ownerKey(rs: DeepReadonly<ReplicaSet>): string | undefined {
    const ref = controllerOf(rs);
    if (ref?.kind !== 'Deployment') return undefined;
    const key = `${rs.metadata?.namespace}/${ref.name}`;
    return this.deployments.getByKey(key)?.metadata?.uid === ref.uid ? key : undefined;
  }
}

function selects(d: DeepReadonly<Deployment>, labels: DeepReadonly<Record<string, string>> | undefined): boolean {
  try {
    const selector = labelSelectorFromObject(d.spec?.selector as never);
    return !selector.isEmpty() && selector.matches(labels);
  } catch {
    return false;
  }
}
