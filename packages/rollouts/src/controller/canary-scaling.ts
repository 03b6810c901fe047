// Scaling a canary's ReplicaSets: stable first, then the new RS, then draining the others — one change per reconcile.
// Upstream: rollout/canary.go (reconcileCanaryReplicaSets, scaleDownOldReplicaSetsForCanary), rollout/replicaset.go.
import { PauseReason, type ReplicaSet } from '@aviary/kube';
import { calculateReplicaCountsForCanary, maxUnavailable, replicasOrDefault } from '../replicas/index.js';
import { isFullyPromoted } from '../status/index.js';
import type { RolloutContext } from './context.js';
import { pauseConditionOf } from './pause-state.js';
import { hasScaleDownDeadline, revisionOf, scaleReplicaSetAndRecordEvent, specReplicasOf } from './replicasets.js';
import { isReplicaSetReferenced, reconcileNewReplicaSetScale, removeScaleDownDeadlines, scaleDownDelayTarget } from './scale-down-delay.js';
import { parseTime } from './time-format.js';

/** Why ReplicaSet counts must not move now: the user paused, or an analysis was inconclusive. */
export function haltProgress(ctx: RolloutContext): string {
  if (ctx.rollout.spec.paused) return 'user paused';
  if (pauseConditionOf(ctx.rollout, PauseReason.InconclusiveAnalysisRun)) return 'inconclusive analysis';
  return '';
}

/** Scales stable, new and other ReplicaSets; returns true when something was scaled (the reconcile then stops). */
export async function reconcileCanaryReplicaSets(ctx: RolloutContext): Promise<boolean> {
  if (haltProgress(ctx) !== '') return false;
  await removeScaleDownDeadlines(ctx);
  if (await reconcileCanaryStableReplicaSet(ctx)) return true;
  if (await reconcileNewReplicaSet(ctx)) return true;
  return reconcileOtherReplicaSets(ctx);
}

async function reconcileCanaryStableReplicaSet(ctx: RolloutContext): Promise<boolean> {
  const { stableRS, newRS } = ctx;
  if (!stableRS || (newRS && stableRS.metadata?.name === newRS.metadata?.name)) return false;
  // Traffic-routed: stable follows the weights recorded by the *previous* reconcile, lagging the router.
  const { stableRSReplicaCount } = calculateReplicaCountsForCanary(ctx.rollout, newRS, stableRS, ctx.otherRSs, ctx.rollout.status?.canary?.weights);
  return scaleReplicaSetAndRecordEvent(ctx, stableRS, stableRSReplicaCount);
}

async function reconcileNewReplicaSet(ctx: RolloutContext): Promise<boolean> {
  const { newRS } = ctx;
  if (!newRS) return false;
  const target = calculateReplicaCountsForCanary(ctx.rollout, newRS, ctx.stableRS, ctx.otherRSs, ctx.newStatus.canary?.weights).newRSReplicaCount;
  return reconcileNewReplicaSetScale(ctx, target);
}

async function reconcileOtherReplicaSets(ctx: RolloutContext): Promise<boolean> {
  const active = ctx.otherRSs.filter((rs) => specReplicasOf(rs) > 0);
  if (active.length === 0) return false;
  try {
    return (await scaleDownOldReplicaSetsForCanary(ctx, active)) > 0;
  } catch (err: unknown) {
    // As upstream: a failed scale-down of an old RS is retried on the next reconcile, not an error.
    ctx.deps.log?.(`${ctx.key}: scaling down old ReplicaSets failed: ${String(err)}`);
    return false;
  }
}

/** Scales old RSs whose pods are not all available down to what is available (they only block progress). */
async function cleanupUnhealthyReplicas(ctx: RolloutContext, sets: ReplicaSet[]): Promise<number> {
  let scaledDown = 0;
  for (const rs of [...sets].sort((a, b) => (parseTime(a.metadata?.creationTimestamp) ?? 0) - (parseTime(b.metadata?.creationTimestamp) ?? 0))) {
    const spec = specReplicasOf(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    await scaleReplicaSetAndRecordEvent(ctx, rs, available);
    scaledDown += spec - available;
  }
  return scaledDown;
}

/** Drains other RSs within maxUnavailable, newest revision first. Returns how many pods were removed. */
export async function scaleDownOldReplicaSetsForCanary(ctx: RolloutContext, sets: ReplicaSet[]): Promise<number> {
  let total = await cleanupUnhealthyReplicas(ctx, sets);
  const available = ctx.allRSs.reduce((sum, rs) => sum + (rs.status?.availableReplicas ?? 0), 0);
  const minAvailable = replicasOrDefault(ctx.rollout.spec.replicas) - maxUnavailable(ctx.rollout);
  let maxScaleDown = available - minAvailable;
  if (maxScaleDown <= 0) return total;
  const trafficRouted = Boolean(ctx.rollout.spec.strategy.canary?.trafficRouting);
  const annotated = { count: 0 };
  for (const rs of [...sets].sort((a, b) => revisionOf(b) - revisionOf(a))) {
    if (trafficRouted && isReplicaSetReferenced(ctx, rs)) continue; // the router may still send it traffic
    if (maxScaleDown <= 0) break;
    const spec = specReplicasOf(rs);
    if (spec === 0) continue;
    let target = 0;
    if (!trafficRouted) target = Math.max(0, spec - maxScaleDown);
    else if (isFullyPromoted(ctx.rollout) || hasScaleDownDeadline(rs)) {
      target = ctx.rollout.spec.strategy.canary?.dynamicStableScale ? 0 : await scaleDownDelayTarget(ctx, rs, annotated, spec);
    }
    if (spec === target) continue;
    await scaleReplicaSetAndRecordEvent(ctx, rs, target);
    maxScaleDown -= spec - target;
    total += spec - target;
  }
  return total;
}
