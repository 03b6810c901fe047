// The state one Deployment sync works on, and the writes its steps share: scale a ReplicaSet, write status, stamp the revision.
import { PatchType, Resources, type DeepReadonly, type Deployment, type DeploymentStatus, type EventRecorder, type KubeClient, type Pod, type ReplicaSet, type SharedInformer } from '@aviary/kube';
import { readOnlyView } from '../shared/owner-reference.js';
import { deploymentStatusEqual } from './deployment-status.js';
import { maxSurge, desiredReplicas, specReplicas } from './replica-math.js';
import { DeploymentAnnotation, replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './revision-annotations.js';

export interface DeploymentSyncDeps {
  client: KubeClient;
  deployments: SharedInformer<Deployment>;
  replicaSets: SharedInformer<ReplicaSet>;
  pods: SharedInformer<Pod>;
  recorder: EventRecorder;
  now: () => number;
  requeueAfter: (key: string, delayMs: number) => void;
}

export interface DeploymentContext {
  deps: DeploymentSyncDeps;
  key: string;
  /** A private copy, replaced by each write's answer so later writes carry the current resourceVersion. */
  d: Deployment;
  /** The ReplicaSets this Deployment controls (after adoption), kept current as steps scale them. */
  rsList: DeepReadonly<ReplicaSet>[];
}

/**
 * scaleReplicaSet: sets spec.replicas and the desired/max annotations when either differs, and
 * records `Scaled up|down replica set <name> from <old> to <new>` when the size changed.
 * Returns the ReplicaSet as stored and whether its size changed.
 */
export async function scaleReplicaSet(ctx: DeploymentContext, rs: DeepReadonly<ReplicaSet>, newScale: number): Promise<{ rs: DeepReadonly<ReplicaSet>; scaled: boolean }> {
  const oldScale = specReplicas(rs);
  const desired = desiredReplicas(ctx.d);
  const max = desired + maxSurge(ctx.d);
  const sizeChanged = oldScale !== newScale;
  if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { rs, scaled: false };
  const copy = structuredClone(rs) as ReplicaSet;
  copy.spec = { ...copy.spec!, replicas: newScale };
  setReplicasAnnotations(copy, desired, max);
  const updated = await ctx.deps.client.update<ReplicaSet>(Resources.replicaSets, copy);
  replaceReplicaSet(ctx, updated);
  if (sizeChanged) {
    const direction = oldScale < newScale ? 'up' : 'down';
    ctx.deps.recorder.event(ctx.d, 'Normal', 'ScalingReplicaSet', `Scaled ${direction} replica set ${rs.metadata?.name} from ${oldScale} to ${newScale}`);
  }
  return { rs: updated, scaled: sizeChanged };
}

/** Puts a written ReplicaSet into the context's list in place of its cached copy. */
export function replaceReplicaSet(ctx: DeploymentContext, rs: DeepReadonly<ReplicaSet>): void {
  const index = ctx.rsList.findIndex((item) => item.metadata?.uid === rs.metadata?.uid);
  if (index >= 0) ctx.rsList[index] = rs;
  else ctx.rsList.push(rs);
}

/** Writes the status when it differs from the context's deployment. */
export async function writeDeploymentStatus(ctx: DeploymentContext, status: DeploymentStatus): Promise<void> {
  if (deploymentStatusEqual(ctx.d.status, status)) return;
  const next = structuredClone(ctx.d);
  next.status = status;
  ctx.d = await ctx.deps.client.updateStatus<Deployment>(Resources.deployments, next);
}

/**
 * SetDeploymentRevision: the deployment carries its newest ReplicaSet's revision. Upstream writes it
 * through the status update; Aviary patches metadata so the write works on any API server.
 */
export async function writeDeploymentRevision(ctx: DeploymentContext, revision: string): Promise<void> {
  if (ctx.d.metadata?.annotations?.[DeploymentAnnotation.Revision] === revision) return;
  const patch = { metadata: { annotations: { [DeploymentAnnotation.Revision]: revision } } };
  ctx.d = await ctx.deps.client.patch<Deployment>(Resources.deployments, ctx.d.metadata?.name ?? '', ctx.d.metadata?.namespace, patch, PatchType.Merge);
}

export function recordEvent(ctx: DeploymentContext, type: 'Normal' | 'Warning', reason: string, message: string): void {
  ctx.deps.recorder.event(readOnlyView(ctx.d), type, reason, message);
}
