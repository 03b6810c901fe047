// Creating the new ReplicaSet and keeping its (and the rollout's) revision annotations in step.
// Upstream: rollout/sync.go (createDesiredReplicaSet, syncReplicaSetRevision, setRolloutRevision), utils/annotations.
import {
  copyJson,
  ConditionStatus,
  isAlreadyExists,
  PatchType,
  Resources,
  RolloutConditionReason,
  RolloutConditionType,
  RolloutEventReason,
  RolloutsAnnotation,
  RolloutsLabel,
  type ReplicaSet,
  type Rollout,
} from '@aviary/kube';
import { computePodTemplateHash } from '../hash/index.js';
import { replicasOrDefault } from '../replicas/index.js';
import { generateReplicaSetAffinity, injectedAntiAffinityNeedsUpdate } from './anti-affinity.js';
import { getRolloutCondition, newRolloutCondition, setRolloutCondition } from './condition-helpers.js';
import type { RolloutContext } from './context.js';
import { withEphemeralMetadata } from './ephemeral-metadata-sync.js';
import { deferRolloutStatusChange } from './status-patch.js';
import { acceptServerRollout } from './workload-ref.js';
import { RolloutMessage, recordNormal, recordWarning } from './events.js';
import { assignReplicaSets, maxRevision, podTemplateEqualIgnoreHash, revisionOf, updateReplicaSet } from './replicasets.js';

/** Rollout annotations never copied to ReplicaSets. */
const annotationsNotCopied = new Set<string>([
  'kubectl.kubernetes.io/last-applied-configuration',
  RolloutsAnnotation.Revision,
  RolloutsAnnotation.RevisionHistory,
  RolloutsAnnotation.DesiredReplicas,
  RolloutsAnnotation.NotificationEngine,
]);

/** Copies rollout annotations, raises the revision (recording the old one in revision-history); returns whether anything changed. */
export function setNewReplicaSetAnnotations(rollout: Rollout, rs: ReplicaSet, newRevision: number, exists: boolean): boolean {
  const annotations = ((rs.metadata ??= {}).annotations ??= {});
  let changed = false;
  for (const [key, value] of Object.entries(rollout.metadata?.annotations ?? {})) {
    if (annotationsNotCopied.has(key) || annotations[key] === value) continue;
    annotations[key] = value;
    changed = true;
  }
  const oldRevision = annotations[RolloutsAnnotation.Revision];
  const oldRevisionNumber = oldRevision === undefined || oldRevision === '' ? 0 : Number.parseInt(oldRevision, 10);
  if (Number.isNaN(oldRevisionNumber)) return false;
  if (oldRevisionNumber < newRevision) {
    annotations[RolloutsAnnotation.Revision] = String(newRevision);
    changed = true;
  }
  if (oldRevision !== undefined && changed) {
    const history = annotations[RolloutsAnnotation.RevisionHistory];
    annotations[RolloutsAnnotation.RevisionHistory] = history ? `${history},${oldRevision}` : oldRevision;
  }
  if (!exists && annotations[RolloutsAnnotation.DesiredReplicas] !== String(replicasOrDefault(rollout.spec.replicas))) {
    annotations[RolloutsAnnotation.DesiredReplicas] = String(replicasOrDefault(rollout.spec.replicas));
    changed = true;
  }
  return changed;
}

/** Writes the revision annotation on the rollout (event RolloutUpdated) when it differs. */
export async function setRolloutRevision(ctx: RolloutContext, revision: string): Promise<void> {
  const annotations = ((ctx.rollout.metadata ??= {}).annotations ??= {});
  if (annotations[RolloutsAnnotation.Revision] === revision) return;
  annotations[RolloutsAnnotation.Revision] = revision;
  // A merge patch of the annotation only: the controller's copy may hold a template resolved from a workloadRef.
  const patch = { metadata: { annotations: { [RolloutsAnnotation.Revision]: revision } } };
  const updated = await ctx.deps.client.patch<Rollout>(Resources.rollouts, ctx.rollout.metadata?.name ?? '', ctx.rollout.metadata?.namespace, patch, PatchType.Merge);
  acceptServerRollout(ctx, updated);
  ctx.deps.versions.record(ctx.key, updated.metadata?.resourceVersion);
  recordNormal(ctx.deps.recorder, ctx.rollout, RolloutEventReason.RolloutUpdated, RolloutMessage.rolloutUpdated(revision));
}

async function updateRolloutStatus(ctx: RolloutContext): Promise<void> {
  const updated = await ctx.deps.client.updateStatus<Rollout>(Resources.rollouts, ctx.rollout);
  acceptServerRollout(ctx, updated);
  ctx.deps.versions.record(ctx.key, updated.metadata?.resourceVersion);
}

/** Brings an existing new RS's annotations, minReadySeconds and anti-affinity up to date, and the rollout's revision. */
export async function syncReplicaSetRevision(ctx: RolloutContext): Promise<void> {
  const newRS = ctx.newRS;
  if (!newRS) return;
  const newRevision = maxRevision(ctx.olderRSs) + 1;
  const copy = copyJson(newRS);
  const annotationsUpdated = setNewReplicaSetAnnotations(ctx.rollout, copy, newRevision, true);
  const minReadyChanged = (copy.spec?.minReadySeconds ?? 0) !== (ctx.rollout.spec.minReadySeconds ?? 0);
  const affinityChanged = injectedAntiAffinityNeedsUpdate(copy.spec?.template?.spec?.affinity, ctx.rollout);
  if (annotationsUpdated || minReadyChanged || affinityChanged) {
    const spec = (copy.spec ??= { selector: {} });
    if (ctx.rollout.spec.minReadySeconds) spec.minReadySeconds = ctx.rollout.spec.minReadySeconds;
    else delete spec.minReadySeconds;
    const podSpec = spec.template?.spec;
    if (podSpec) {
      const affinity = generateReplicaSetAffinity(ctx.rollout);
      if (affinity) podSpec.affinity = affinity;
      else delete podSpec.affinity;
    }
    await updateReplicaSet(ctx, newRS, copy);
    return;
  }
  await setRolloutRevision(ctx, copy.metadata?.annotations?.[RolloutsAnnotation.Revision] ?? '');
  if (!getRolloutCondition(ctx.rollout.status, RolloutConditionType.Progressing)) {
    const condition = newRolloutCondition(RolloutConditionType.Progressing, ConditionStatus.True, RolloutConditionReason.FoundNewReplicaSet, RolloutMessage.foundNewReplicaSet(copy.metadata?.name ?? ''), ctx.deps.clock.now());
    // Upstream patches the condition at once; here it goes out with the sync's status patch.
    deferRolloutStatusChange(ctx, (status) => setRolloutCondition(status, condition));
  }
}

/** Builds the new ReplicaSet object for the rollout's current template (replicas 0). */
export function buildNewReplicaSet(ctx: RolloutContext, revision: number): ReplicaSet {
  const { rollout } = ctx;
  const hash = computePodTemplateHash(rollout.spec.template, rollout.status?.collisionCount);
  const template = copyJson(rollout.spec.template ?? {});
  const podSpec = (template.spec ??= { containers: [] });
  const affinity = generateReplicaSetAffinity(rollout);
  if (affinity) podSpec.affinity = affinity;
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [RolloutsLabel.PodTemplateHash]: hash } };
  const selector = copyJson(rollout.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [RolloutsLabel.PodTemplateHash]: hash };
  let rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${rollout.metadata?.name}-${hash}`,
      namespace: rollout.metadata?.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: rollout.metadata?.name ?? '', uid: rollout.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas: 0, selector, template, ...(rollout.spec.minReadySeconds ? { minReadySeconds: rollout.spec.minReadySeconds } : {}) },
  };
  setNewReplicaSetAnnotations(rollout, rs, revision, false);
  const { canary, blueGreen } = rollout.spec.strategy;
  // A brand-new rollout's first RS becomes the stable one, so it gets the stable (active) metadata.
  const hasStable = ctx.stableRS !== undefined;
  const metadata = canary ? (hasStable ? canary.canaryMetadata : canary.stableMetadata) : hasStable ? blueGreen?.previewMetadata : blueGreen?.activeMetadata;
  if (metadata) rs = withEphemeralMetadata(rs, metadata).rs;
  return rs;
}

/**
 * Creates the new RS. An existing RS of that name that we own with an equal template is adopted; any other
 * is a hash collision: status.collisionCount is bumped and the error rethrown so the next sync retries.
 */
export async function createDesiredReplicaSet(ctx: RolloutContext): Promise<void> {
  const revision = maxRevision(ctx.olderRSs) + 1;
  const desired = buildNewReplicaSet(ctx, revision);
  const name = desired.metadata?.name ?? '';
  let created: ReplicaSet;
  let alreadyExisted = false;
  try {
    created = await ctx.deps.client.create<ReplicaSet>(Resources.replicaSets, desired);
  } catch (err: unknown) {
    if (!isAlreadyExists(err)) {
      const message = RolloutMessage.failedReplicaSetCreate(name, err instanceof Error ? err.message : String(err));
      recordWarning(ctx.deps.recorder, ctx.rollout, RolloutEventReason.ReplicaSetCreateError, message);
      throw err;
    }
    const existing = await ctx.deps.client.get<ReplicaSet>(Resources.replicaSets, name, ctx.rollout.metadata?.namespace);
    const owner = existing.metadata?.ownerReferences?.find((ref) => ref.controller);
    if (!owner || owner.uid !== ctx.rollout.metadata?.uid || !podTemplateEqualIgnoreHash(existing.spec?.template, ctx.rollout.spec.template)) {
      const status = (ctx.rollout.status ??= {});
      status.collisionCount = (status.collisionCount ?? 0) + 1;
      await updateRolloutStatus(ctx);
      throw err;
    }
    created = existing;
    alreadyExisted = true;
  }
  await setRolloutRevision(ctx, String(revision));
  if (!alreadyExisted) {
    recordNormal(ctx.deps.recorder, ctx.rollout, RolloutEventReason.NewReplicaSetCreated, RolloutMessage.newReplicaSetCreated(name, revisionOf(created)));
    const condition = newRolloutCondition(RolloutConditionType.Progressing, ConditionStatus.True, RolloutConditionReason.NewReplicaSetCreated, RolloutMessage.newReplicaSetCondition(name), ctx.deps.clock.now());
    // Upstream patches the condition at once (patchCondition); here it goes out with the sync's status patch.
    deferRolloutStatusChange(ctx, (status) => setRolloutCondition(status, condition));
  }
  ctx.newRS = created;
  ctx.allRSs = [...ctx.allRSs.filter((rs) => rs.metadata?.name !== name), created];
  assignReplicaSets(ctx);
}

