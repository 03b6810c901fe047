// ReplicaSet bookkeeping: finding the new/stable/other sets, revisions, scaling with events, scale-down deadlines.
// Upstream: utils/replicaset/replicaset.go, rollout/replicaset.go, rollout/sync.go (scaleReplicaSet).
import { copyJson, PatchType, Resources, RolloutEventReason, RolloutsAnnotation, RolloutsLabel, type Affinity, type PodTemplateSpec, type ReplicaSet, type Rollout } from '@aviary/kube';
import { abortScaleDownDelay, replicasOrDefault } from '../replicas/index.js';
import { computePodTemplateHash, podTemplateJson } from '../hash/index.js';
import type { RolloutContext } from './context.js';
import { RolloutMessage, recordNormal } from './events.js';
import { withEphemeralMetadata } from './ephemeral-metadata-sync.js';
import { formatTime, parseTime } from './time-format.js';
import { removeInjectedAntiAffinity } from './anti-affinity.js';

export const podHashOf = (rs: ReplicaSet | undefined): string => rs?.metadata?.labels?.[RolloutsLabel.PodTemplateHash] ?? '';
export const specReplicasOf = (rs: ReplicaSet | undefined): number => (rs ? replicasOrDefault(rs.spec?.replicas) : 0);

/** The `rollout.argoproj.io/revision` annotation as a number (0 when absent or unreadable). */
export function revisionOf(obj: { metadata?: { annotations?: Record<string, string> } } | undefined): number {
  const value = Number.parseInt(obj?.metadata?.annotations?.[RolloutsAnnotation.Revision] ?? '', 10);
  return Number.isNaN(value) ? 0 : value;
}

export function maxRevision(sets: readonly ReplicaSet[]): number {
  return sets.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
}

const createdAt = (rs: ReplicaSet): number => parseTime(rs.metadata?.creationTimestamp) ?? 0;

/** Oldest first; ties by name, so the order is stable. */
export function sortByCreation(sets: readonly ReplicaSet[]): ReplicaSet[] {
  return [...sets].sort((a, b) => createdAt(a) - createdAt(b) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}

/** Templates equal once the hash label is ignored (compared as Go would marshal them). */
export function podTemplateEqualIgnoreHash(live: PodTemplateSpec | undefined, desired: PodTemplateSpec | undefined): boolean {
  const strip = (template: PodTemplateSpec | undefined): PodTemplateSpec => {
    const copy = copyJson(template ?? {});
    if (copy.metadata?.labels) delete copy.metadata.labels[RolloutsLabel.PodTemplateHash];
    if (copy.spec) delete (copy.spec as { serviceAccount?: string }).serviceAccount;
    return copy;
  };
  return podTemplateJson(strip(live)) === podTemplateJson(strip(desired));
}

/**
 * The ReplicaSet for the rollout's current template, tolerant of hash drift (upstream FindNewReplicaSet):
 * first by our hash, then by template equality once injected ephemeral metadata and anti-affinity are removed.
 */
export function findNewReplicaSet(rollout: Rollout, sets: readonly ReplicaSet[]): ReplicaSet | undefined {
  const sorted = sortByCreation(sets);
  const hash = computePodTemplateHash(rollout.spec.template, rollout.status?.collisionCount);
  const byHash = sorted.find((rs) => podHashOf(rs) === hash);
  if (byHash) return byHash;
  return sorted.find((rs) => {
    const { rs: cleaned } = withEphemeralMetadata(rs, undefined);
    const live = cleaned.spec?.template ?? {};
    if (live.spec) live.spec.affinity = removeInjectedAntiAffinity(live.spec.affinity, rollout) as Affinity | undefined;
    if (live.spec && live.spec.affinity === undefined) delete live.spec.affinity;
    return podTemplateEqualIgnoreHash(live, rollout.spec.template);
  });
}

/** The RS whose hash is status.stableRS (newRS itself when promoted). */
export function findStableReplicaSet(rollout: Rollout, newRS: ReplicaSet | undefined, sets: readonly ReplicaSet[]): ReplicaSet | undefined {
  const stable = rollout.status?.stableRS;
  if (!stable) return undefined;
  if (newRS && podHashOf(newRS) === stable) return newRS;
  return sets.find((rs) => podHashOf(rs) === stable);
}

export function otherReplicaSets(newRS: ReplicaSet | undefined, stableRS: ReplicaSet | undefined, sets: readonly ReplicaSet[]): ReplicaSet[] {
  const skip = new Set([newRS?.metadata?.name, stableRS?.metadata?.name].filter(Boolean));
  return sets.filter((rs) => !skip.has(rs.metadata?.name));
}

/** Recomputes older/stable/other after newRS changed. */
export function assignReplicaSets(ctx: RolloutContext): void {
  const newUid = ctx.newRS?.metadata?.uid;
  const newName = ctx.newRS?.metadata?.name;
  ctx.olderRSs = ctx.allRSs.filter((rs) => !(ctx.newRS && (newUid ? rs.metadata?.uid === newUid : rs.metadata?.name === newName)));
  ctx.stableRS = findStableReplicaSet(ctx.rollout, ctx.newRS, ctx.olderRSs);
  ctx.otherRSs = otherReplicaSets(ctx.newRS, ctx.stableRS, ctx.allRSs);
}

/** Replaces `target`'s contents with `source`, so every reference held by the context sees the update. */
export function replaceInPlace<T extends object>(target: T, source: T): T {
  for (const key of Object.keys(target)) delete (target as Record<string, unknown>)[key];
  Object.assign(target, source);
  return target;
}

/** Updates `original` to `modified` on the server and in the context. */
export async function updateReplicaSet(ctx: RolloutContext, original: ReplicaSet, modified: ReplicaSet): Promise<ReplicaSet> {
  const updated = await ctx.deps.client.update<ReplicaSet>(Resources.replicaSets, modified);
  return replaceInPlace(original, updated);
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number): boolean {
  const annotations = rs.metadata?.annotations;
  if (!annotations) return true;
  if (annotations[RolloutsAnnotation.DesiredReplicas] !== String(desired)) return true;
  return desired === 0 && Boolean(annotations[RolloutsAnnotation.ScaleDownDeadline]);
}

/** Traffic-routed canaries (and blue-green) keep the aborted new RS until the abort delay has passed. */
export function shouldDelayScaleDownOnAbort(ctx: RolloutContext): boolean {
  if (!ctx.pause.isAborted() || !ctx.stableRS) return false;
  const { canary } = ctx.rollout.spec.strategy;
  if (canary && !canary.trafficRouting) return false;
  const delay = abortScaleDownDelay(ctx.rollout);
  if (delay.seconds === undefined) return false;
  if (canary?.dynamicStableScale && !delay.explicit) return false;
  return true;
}

/**
 * Scales `rs` to `newScale` (and refreshes its desired-replicas annotation) with a ScalingReplicaSet event.
 * Returns whether the replica count changed.
 */
export async function scaleReplicaSetAndRecordEvent(ctx: RolloutContext, rs: ReplicaSet, newScale: number): Promise<boolean> {
  const rolloutReplicas = replicasOrDefault(ctx.rollout.spec.replicas);
  const oldScale = specReplicasOf(rs);
  const sizeChanges = oldScale !== newScale;
  if (!sizeChanges && !replicasAnnotationsNeedUpdate(rs, rolloutReplicas)) return false;
  const copy = copyJson(rs);
  (copy.spec ??= { selector: {} }).replicas = newScale;
  const annotations = ((copy.metadata ??= {}).annotations ??= {});
  annotations[RolloutsAnnotation.DesiredReplicas] = String(rolloutReplicas);
  if (newScale === 0 && !shouldDelayScaleDownOnAbort(ctx)) delete annotations[RolloutsAnnotation.ScaleDownDeadline];
  await updateReplicaSet(ctx, rs, copy);
  if (sizeChanges) {
    const op = oldScale < newScale ? 'up' : 'down';
    recordNormal(ctx.deps.recorder, ctx.rollout, RolloutEventReason.ScalingReplicaSet, RolloutMessage.scalingReplicaSet(op, rs.metadata?.name ?? '', revisionOf(rs), oldScale, newScale));
  }
  return sizeChanges;
}

export function hasScaleDownDeadline(rs: ReplicaSet | undefined): boolean {
  return Boolean(rs?.metadata?.annotations?.[RolloutsAnnotation.ScaleDownDeadline]);
}

/** Milliseconds until the RS's scale-down deadline, or undefined when it has none or it has passed. */
export function timeUntilScaleDownDeadline(rs: ReplicaSet | undefined, nowMs: number): number | undefined {
  const deadline = parseTime(rs?.metadata?.annotations?.[RolloutsAnnotation.ScaleDownDeadline]);
  if (deadline === undefined || deadline <= nowMs) return undefined;
  return deadline - nowMs;
}

const annotationPath = `/metadata/annotations/${RolloutsAnnotation.ScaleDownDeadline.replaceAll('~', '~0').replaceAll('/', '~1')}`;

export async function removeScaleDownDelay(ctx: RolloutContext, rs: ReplicaSet): Promise<void> {
  if (!hasScaleDownDeadline(rs)) return;
  const updated = await ctx.deps.client.patch<ReplicaSet>(Resources.replicaSets, rs.metadata?.name ?? '', rs.metadata?.namespace, [{ op: 'remove', path: annotationPath }], PatchType.Json);
  replaceInPlace(rs, updated);
}

/** Annotates `rs` with a deadline `delaySeconds` from now (0 removes any deadline). */
export async function addScaleDownDelay(ctx: RolloutContext, rs: ReplicaSet, delaySeconds: number): Promise<void> {
  if (delaySeconds === 0) return removeScaleDownDelay(ctx, rs);
  const deadline = formatTime(ctx.deps.clock.now() + delaySeconds * 1000);
  const ops = rs.metadata?.annotations
    ? [{ op: 'add', path: annotationPath, value: deadline }]
    : [{ op: 'add', path: '/metadata/annotations', value: { [RolloutsAnnotation.ScaleDownDeadline]: deadline } }];
  const updated = await ctx.deps.client.patch<ReplicaSet>(Resources.replicaSets, rs.metadata?.name ?? '', rs.metadata?.namespace, ops, PatchType.Json);
  replaceInPlace(rs, updated);
}

