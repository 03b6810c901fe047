// Scale-down delays shared by canary and blue-green: the scale-down-deadline annotation on old ReplicaSets, the
// abort delay of the new (canary/preview) ReplicaSet, and which ReplicaSets are still referenced and must stay up.
// Upstream: rollout/replicaset.go (reconcileNewReplicaSet, scaleDownDelayHelper, isReplicaSetReferenced,
// removeScaleDownDeadlines), rollout/bluegreen.go (GetScaleDownRevisionLimit), utils/defaults.
import { RolloutsAnnotation, RolloutsLabel, type ReplicaSet, type Rollout } from '@aviary/kube';
import { abortScaleDownDelay, replicasOrDefault } from '../replicas/index.js';
import type { RolloutContext } from './context.js';
import {
  addScaleDownDelay,
  hasScaleDownDeadline,
  podHashOf,
  removeScaleDownDelay,
  replicasAnnotationsNeedUpdate,
  scaleReplicaSetAndRecordEvent,
  shouldDelayScaleDownOnAbort,
  specReplicasOf,
  timeUntilScaleDownDeadline,
} from './replicasets.js';
import { parseTime } from './time-format.js';

const defaultScaleDownDelaySeconds = 30;

/** scaleDownDelaySeconds: blue-green and traffic-routed canaries default to 30; a basic canary has none (0). */
export function scaleDownDelaySeconds(rollout: Rollout): number {
  const { blueGreen, canary } = rollout.spec.strategy;
  if (blueGreen) return blueGreen.scaleDownDelaySeconds ?? defaultScaleDownDelaySeconds;
  if (canary?.trafficRouting) return canary.scaleDownDelaySeconds ?? defaultScaleDownDelaySeconds;
  return 0;
}

/** How many old ReplicaSets may be kept up by a scale-down delay (unlimited unless set). */
export function scaleDownDelayRevisionLimit(rollout: Rollout): number {
  const { blueGreen, canary } = rollout.spec.strategy;
  return blueGreen?.scaleDownDelayRevisionLimit ?? canary?.scaleDownDelayRevisionLimit ?? Number.MAX_SAFE_INTEGER;
}

/** Removes the deadline from newRS (unless an abort delay is pending on it) and from stableRS. */
export async function removeScaleDownDeadlines(ctx: RolloutContext): Promise<void> {
  const targets: ReplicaSet[] = [];
  if (ctx.newRS && !shouldDelayScaleDownOnAbort(ctx)) targets.push(ctx.newRS);
  if (ctx.stableRS && ctx.stableRS.metadata?.name !== ctx.newRS?.metadata?.name) targets.push(ctx.stableRS);
  else if (ctx.stableRS && targets.length === 0) targets.push(ctx.stableRS);
  for (const rs of targets) await removeScaleDownDelay(ctx, rs);
}

/**
 * Counts old RSs kept up by scale-down delays and decides each one's replicas (upstream scaleDownDelayHelper):
 * an RS without a deadline gets one (and a requeue at it) while under the revision limit, keeping its pods;
 * one with a deadline keeps `keep` pods until it passes, then (or beyond the limit) goes to 0.
 */
export async function scaleDownDelayTarget(ctx: RolloutContext, rs: ReplicaSet, annotated: { count: number }, keep: number): Promise<number> {
  const limit = scaleDownDelayRevisionLimit(ctx.rollout);
  if (!hasScaleDownDeadline(rs) && specReplicasOf(rs) > 0) {
    if (annotated.count >= limit) return 0;
    annotated.count++;
    const delaySeconds = scaleDownDelaySeconds(ctx.rollout);
    await addScaleDownDelay(ctx, rs, delaySeconds);
    ctx.deps.enqueueAfter(ctx.key, delaySeconds * 1000);
    return specReplicasOf(rs);
  }
  if (!hasScaleDownDeadline(rs)) return 0;
  annotated.count++;
  if (annotated.count > limit) return 0;
  const remaining = timeUntilScaleDownDeadline(rs, ctx.deps.clock.now());
  if (remaining === undefined) return 0;
  if (remaining < ctx.deps.resyncPeriodMs) ctx.deps.enqueueAfter(ctx.key, remaining);
  return keep;
}

/**
 * Another RS's pod-template hash is still used by the status (stable, current, active/preview selectors, router
 * weights) or by a Service selector of the strategy: scaling it down would cut traffic.
 */
export function isReplicaSetReferenced(ctx: RolloutContext, rs: ReplicaSet): boolean {
  const hash = podHashOf(rs);
  if (hash === '') return false;
  const status = ctx.rollout.status ?? {};
  const weights = status.canary?.weights;
  const references = [status.stableRS, status.currentPodHash, status.blueGreen?.activeSelector, status.blueGreen?.previewSelector, weights?.canary?.podTemplateHash, weights?.stable?.podTemplateHash];
  if (references.includes(hash)) return true;
  const { canary, blueGreen } = ctx.rollout.spec.strategy;
  const services = canary ? [canary.canaryService, canary.stableService] : [blueGreen?.activeService, blueGreen?.previewService];
  const namespace = ctx.rollout.metadata?.namespace ?? '';
  return services.some((name) => name && ctx.deps.view.getService(namespace, name)?.spec?.selector?.[RolloutsLabel.PodTemplateHash] === hash);
}

async function syncNewRSReplicasAnnotation(ctx: RolloutContext, rs: ReplicaSet): Promise<void> {
  if (replicasAnnotationsNeedUpdate(rs, replicasOrDefault(ctx.rollout.spec.replicas))) await scaleReplicaSetAndRecordEvent(ctx, rs, specReplicasOf(rs));
}

/**
 * Scales newRS to `target`, except while an aborted rollout delays its scale-down: then it is first annotated with
 * the abort deadline (once stable can take all traffic), kept up until that deadline, and scaled to 0 after it.
 * Returns whether the replica count changed.
 */
export async function reconcileNewReplicaSetScale(ctx: RolloutContext, target: number): Promise<boolean> {
  const { newRS } = ctx;
  if (!newRS) return false;
  if (shouldDelayScaleDownOnAbort(ctx)) {
    const deadline = parseTime(newRS.metadata?.annotations?.[RolloutsAnnotation.ScaleDownDeadline]);
    const now = ctx.deps.clock.now();
    if (deadline !== undefined) {
      if (deadline > now) {
        if (deadline - now < ctx.deps.resyncPeriodMs) ctx.deps.enqueueAfter(ctx.key, deadline - now);
        await syncNewRSReplicasAnnotation(ctx, newRS);
        return false;
      }
      target = 0;
    } else {
      const delay = abortScaleDownDelay(ctx.rollout).seconds ?? 0;
      await syncNewRSReplicasAnnotation(ctx, newRS);
      if ((ctx.stableRS?.status?.availableReplicas ?? 0) >= replicasOrDefault(ctx.rollout.spec.replicas)) await addScaleDownDelay(ctx, newRS, delay);
      return false;
    }
  }
  return scaleReplicaSetAndRecordEvent(ctx, newRS, target);
}
