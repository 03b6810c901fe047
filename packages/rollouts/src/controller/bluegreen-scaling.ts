// Scaling a blue-green rollout's ReplicaSets: stable and new to their counts, old ones drained after the scale-down delay.
// Upstream: rollout/bluegreen.go (reconcileBlueGreenReplicaSets, scaleDownOldReplicaSetsForBlueGreen), rollout/replicaset.go.
import { AnalysisPhase, PauseReason, type ReplicaSet } from '@aviary/kube';
import { replicasOrDefault } from '../replicas/index.js';
import { skipPostPromotionAnalysisRun } from './bluegreen-analysis.js';
import { blueGreenNewRSReplicas } from './bluegreen-replicas.js';
import type { RolloutContext } from './context.js';
import { pauseConditionOf } from './pause-state.js';
import { revisionOf, scaleReplicaSetAndRecordEvent, specReplicasOf } from './replicasets.js';
import { reconcileRevisionHistoryLimit } from './revision-history.js';
import { isReplicaSetReferenced, reconcileNewReplicaSetScale, removeScaleDownDeadlines, scaleDownDelayTarget } from './scale-down-delay.js';

/**
 * Scales the stable RS to spec.replicas and the new RS to its blue-green count (honouring an abort delay), drains
 * old RSs through the scale-down delay, and trims the revision history.
 */
export async function reconcileBlueGreenReplicaSets(ctx: RolloutContext): Promise<void> {
  await removeScaleDownDeadlines(ctx);
  if (ctx.stableRS) await scaleReplicaSetAndRecordEvent(ctx, ctx.stableRS, replicasOrDefault(ctx.rollout.spec.replicas));
  if (ctx.newRS) await reconcileNewReplicaSetScale(ctx, blueGreenNewRSReplicas(ctx.rollout, ctx.allRSs, ctx.newRS));
  await reconcileOtherReplicaSets(ctx);
  await reconcileRevisionHistoryLimit(ctx);
}

async function reconcileOtherReplicaSets(ctx: RolloutContext): Promise<void> {
  const active = ctx.otherRSs.filter((rs) => specReplicasOf(rs) > 0);
  if (active.length === 0) return;
  try {
    await scaleDownOldReplicaSetsForBlueGreen(ctx, active);
  } catch (err: unknown) {
    // As upstream: a failed scale-down of an old RS is retried on the next reconcile, not an error.
    ctx.deps.log?.(`${ctx.key}: scaling down old ReplicaSets failed: ${String(err)}`);
  }
}

/**
 * Scales old RSs down, newest revision first, each after its scale-down deadline (default 30 s, at most
 * scaleDownDelayRevisionLimit kept up). Never while an analysis is inconclusive, nor — when postPromotionAnalysis
 * is set without an explicit scaleDownDelaySeconds — before the post-promotion run succeeded. Returns whether it scaled.
 */
export async function scaleDownOldReplicaSetsForBlueGreen(ctx: RolloutContext, sets: readonly ReplicaSet[]): Promise<boolean> {
  const { rollout } = ctx;
  if (pauseConditionOf(rollout, PauseReason.InconclusiveAnalysisRun)) return false;
  const blueGreen = rollout.spec.strategy.blueGreen;
  const post = ctx.currentArs.postPromotion;
  const delayUnset = blueGreen?.scaleDownDelaySeconds === undefined || blueGreen.scaleDownDelaySeconds === null;
  if (blueGreen?.postPromotionAnalysis && delayUnset && !skipPostPromotionAnalysisRun(rollout, ctx.newRS, post)) {
    if (post?.status?.phase !== AnalysisPhase.Successful) return false; // the old RS is the way back until it passes
  }
  const replicas = replicasOrDefault(rollout.spec.replicas);
  const annotated = { count: 0 };
  let scaled = false;
  for (const rs of [...sets].sort((a, b) => revisionOf(b) - revisionOf(a))) {
    if (isReplicaSetReferenced(ctx, rs)) continue; // e.g. an update interrupted to go back to stable
    const spec = specReplicasOf(rs);
    if (spec === 0) continue;
    const target = await scaleDownDelayTarget(ctx, rs, annotated, replicas);
    if (target === spec) continue;
    await scaleReplicaSetAndRecordEvent(ctx, rs, target);
    scaled = true;
  }
  return scaled;
}
