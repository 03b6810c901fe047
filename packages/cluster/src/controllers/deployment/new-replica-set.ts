// Finding the new and old ReplicaSets of a Deployment, and creating the new one (sync.go getAllReplicaSetsAndSyncRevision).
import { Resources, isAlreadyExists, type DeepReadonly, type LabelSelector, type ReplicaSet } from '@aviary/kube';
import { controllerOf, controllerReference } from '../shared/owner-reference.js';
import { messageOf } from '../shared/pod-control.js';
import { recordEvent, replaceReplicaSet, writeDeploymentRevision, writeDeploymentStatus, type DeploymentContext } from './deployment-context.js';
import { DeploymentReason, getDeploymentCondition, newDeploymentCondition, setDeploymentCondition } from './deployment-conditions.js';
import { progressDeadlineSeconds } from './deployment-status.js';
import { compareCreation, desiredReplicas, maxSurge, newReplicaSetReplicas } from './replica-math.js';
import { DeploymentAnnotation, maxRevision, setNewReplicaSetAnnotations } from './revision-annotations.js';
import { POD_TEMPLATE_HASH_LABEL, computeTemplateHash, templatesEqualIgnoringHash } from './template-hash.js';

type ReadonlyRS = DeepReadonly<ReplicaSet>;

export interface ReplicaSetsOfDeployment {
  newRS: ReadonlyRS | undefined;
  oldRSs: ReadonlyRS[];
}

/** The oldest ReplicaSet whose template equals the deployment's (FindNewReplicaSet), and all the others. */
export function splitReplicaSets(ctx: DeploymentContext): ReplicaSetsOfDeployment {
  const sorted = [...ctx.rsList].sort(compareCreation);
  const newRS = sorted.find((rs) => templatesEqualIgnoringHash(rs.spec?.template, ctx.d.spec?.template));
  return { newRS, oldRSs: sorted.filter((rs) => rs !== newRS) };
}

/**
 * getAllReplicaSetsAndSyncRevision: the new ReplicaSet gets the next revision and the deployment's
 * annotations; with `create`, a missing new ReplicaSet is created at its first allowed size.
 */
export async function syncReplicaSetsAndRevision(ctx: DeploymentContext, options: { create: boolean }): Promise<ReplicaSetsOfDeployment> {
  const { newRS: existing, oldRSs } = splitReplicaSets(ctx);
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing !== undefined) return { newRS: await syncExistingNewReplicaSet(ctx, existing, newRevision), oldRSs };
  if (!options.create) return { newRS: undefined, oldRSs };
  return { newRS: await createNewReplicaSet(ctx, oldRSs, newRevision), oldRSs };
}

async function syncExistingNewReplicaSet(ctx: DeploymentContext, existing: ReadonlyRS, newRevision: number): Promise<ReadonlyRS> {
  let rs = existing;
  const copy = structuredClone(existing) as ReplicaSet;
  const desired = desiredReplicas(ctx.d);
  const annotationsChanged = setNewReplicaSetAnnotations({ deployment: ctx.d, rs: copy, newRevision, exists: true, desired, max: desired + maxSurge(ctx.d) });
  const minReadyChanged = (copy.spec?.minReadySeconds ?? 0) !== (ctx.d.spec?.minReadySeconds ?? 0);
  if (annotationsChanged || minReadyChanged) {
    copy.spec = { ...copy.spec!, minReadySeconds: ctx.d.spec?.minReadySeconds ?? 0 };
    rs = await ctx.deps.client.update<ReplicaSet>(Resources.replicaSets, copy);
    replaceReplicaSet(ctx, rs);
  }
  await writeDeploymentRevision(ctx, rs.metadata?.annotations?.[DeploymentAnnotation.Revision] ?? String(newRevision));
  if (progressDeadlineSeconds(ctx.d) !== undefined && getDeploymentCondition(ctx.d.status ?? {}, 'Progressing') === undefined) {
    const status = structuredClone(ctx.d.status ?? {});
    setDeploymentCondition(status, newDeploymentCondition({ type: 'Progressing', status: 'True', reason: DeploymentReason.FoundNewReplicaSet, message: `Found new replica set "${rs.metadata?.name}"`, nowMs: ctx.deps.now() }));
    await writeDeploymentStatus(ctx, status);
  }
  return rs;
}

async function createNewReplicaSet(ctx: DeploymentContext, oldRSs: readonly ReadonlyRS[], newRevision: number): Promise<ReadonlyRS> {
  const d = ctx.d;
  const hash = computeTemplateHash(d.spec?.template, d.status?.collisionCount);
  const template = structuredClone(d.spec?.template ?? {});
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH_LABEL]: hash } };
  const selector: LabelSelector = structuredClone(d.spec?.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash };
  const fresh: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `${d.metadata?.name}-${hash}`, namespace: d.metadata?.namespace, labels: template.metadata.labels, ownerReferences: [controllerReference(d, Resources.deployments)] },
    spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
  };
  const replicas = newReplicaSetReplicas(d, [...oldRSs, fresh], fresh);
  fresh.spec!.replicas = replicas;
  const desired = desiredReplicas(d);
  setNewReplicaSetAnnotations({ deployment: d, rs: fresh, newRevision, exists: false, desired, max: desired + maxSurge(d) });
  let created: ReadonlyRS;
  try {
    created = await ctx.deps.client.create<ReplicaSet>(Resources.replicaSets, fresh);
  } catch (err: unknown) {
    if (isAlreadyExists(err)) return resolveNameCollision(ctx, fresh);
    await recordCreateError(ctx, fresh, err);
    throw err;
  }
  replaceReplicaSet(ctx, created);
  if (replicas > 0) recordEvent(ctx, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata?.name} from 0 to ${replicas}`);
  await writeDeploymentRevision(ctx, String(newRevision));
  if (progressDeadlineSeconds(d) !== undefined) {
    const status = structuredClone(ctx.d.status ?? {});
    setDeploymentCondition(status, newDeploymentCondition({ type: 'Progressing', status: 'True', reason: DeploymentReason.NewReplicaSetCreated, message: `Created new replica set "${created.metadata?.name}"`, nowMs: ctx.deps.now() }));
    await writeDeploymentStatus(ctx, status);
  }
  return created;
}

/** Thrown after a hash collision bumped collisionCount, so the next sync tries a new name. */
export class ReplicaSetHashCollisionError extends Error {
  override readonly name = 'ReplicaSetHashCollisionError';
}

/** The name exists: ours with the same template is fine; anything else bumps status.collisionCount. */
async function resolveNameCollision(ctx: DeploymentContext, wanted: ReplicaSet): Promise<ReadonlyRS> {
  const existing = await ctx.deps.client.get<ReplicaSet>(Resources.replicaSets, wanted.metadata?.name ?? '', wanted.metadata?.namespace);
  if (controllerOf(existing)?.uid === ctx.d.metadata?.uid && templatesEqualIgnoringHash(existing.spec?.template, ctx.d.spec?.template)) {
    replaceReplicaSet(ctx, existing);
    return existing;
  }
  const status = structuredClone(ctx.d.status ?? {});
  status.collisionCount = (status.collisionCount ?? 0) + 1;
  await writeDeploymentStatus(ctx, status);
  throw new ReplicaSetHashCollisionError(`replica set ${wanted.metadata?.name} already exists with a different template; collisionCount is now ${status.collisionCount}`);
}

async function recordCreateError(ctx: DeploymentContext, wanted: ReplicaSet, err: unknown): Promise<void> {
  const message = `Failed to create new replica set "${wanted.metadata?.name}": ${messageOf(err)}`;
  if (progressDeadlineSeconds(ctx.d) !== undefined) {
    const status = structuredClone(ctx.d.status ?? {});
    setDeploymentCondition(status, newDeploymentCondition({ type: 'Progressing', status: 'False', reason: DeploymentReason.ReplicaSetCreateError, message, nowMs: ctx.deps.now() }));
    await writeDeploymentStatus(ctx, status);
  }
  recordEvent(ctx, 'Warning', DeploymentReason.ReplicaSetCreateError, message);
}
