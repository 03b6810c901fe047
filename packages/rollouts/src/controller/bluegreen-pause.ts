// The blue-green pause: BlueGreenPause added once the preview is ready, cleared by `promote` or after
// autoPromotionSeconds; and the fast-track cases (first deploy, fast rollback, promote --full) that skip it.
// Upstream: rollout/bluegreen.go (reconcileBlueGreenPause, isBlueGreenFastTracked, needsBlueGreenControllerPause),
// rollout/pause.go (CompletedBlueGreenPause).
import { PauseReason, RolloutsLabel, type Rollout, type Service } from '@aviary/kube';
import { completedPrePromotionAnalysis } from './bluegreen-analysis.js';
import { readyForPause } from './bluegreen-replicas.js';
import { haltProgress } from './canary-scaling.js';
import type { RolloutContext } from './context.js';
import { autoPromotionEnabled, enqueueAtPauseExpiry } from './pause.js';
import { pauseConditionOf } from './pause-state.js';
import { podHashOf } from './replicasets.js';
import { isFastRollback } from './rollback.js';
import { parseTime } from './time-format.js';


/** The controller pauses only when auto-promotion is off or delayed by autoPromotionSeconds. */
export function needsBlueGreenControllerPause(rollout: Rollout): boolean {
  return !autoPromotionEnabled(rollout) || (rollout.spec.strategy.blueGreen?.autoPromotionSeconds ?? 0) > 0;
}

/**
 * The update skips the pause: a fast rollback (or an already promoted RS), promote --full, an active Service that
 * has no hash selector yet (first deploy), or one that already points at the new RS.
 */
export function isBlueGreenFastTracked(ctx: RolloutContext, active: Service): boolean {
  if (isFastRollback(ctx)) return true;
  if (ctx.rollout.status?.promoteFull) return true;
  const selector = active.spec?.selector?.[RolloutsLabel.PodTemplateHash];
  if (selector === undefined) return true;
  return selector === podHashOf(ctx.newRS);
}

/**
 * The pause is over: never in the reconcile that added it; always past the scale-up checkpoint; with auto-promotion,
 * at once (autoPromotionSeconds 0) or at startTime + autoPromotionSeconds; without, once a user cleared the
 * controller's pause condition.
 */
export function completedBlueGreenPause(ctx: RolloutContext): boolean {
  const { rollout } = ctx;
  if (ctx.pause.hasAddPause()) return false;
  if (rollout.status?.blueGreen?.scaleUpPreviewCheckPoint) return true;
  const condition = pauseConditionOf(rollout, PauseReason.BlueGreenPause);
  if (autoPromotionEnabled(rollout)) {
    const seconds = rollout.spec.strategy.blueGreen?.autoPromotionSeconds ?? 0;
    if (seconds === 0) return true;
    if (!condition) return false; // never paused
    // At (not only after) the deadline: the requeue fires exactly then, and it must promote.
    return ctx.deps.clock.now() >= (parseTime(condition.startTime) ?? 0) + seconds * 1000;
  }
  return Boolean(rollout.status?.controllerPause) && !condition;
}

/**
 * Once the preview RS is ready: skips (and clears) the pause when fast-tracked or not needed; otherwise, after a
 * successful pre-promotion analysis, adds BlueGreenPause the first time, wakes up at autoPromotionSeconds, and
 * removes the condition when the pause completed.
 */
export function reconcileBlueGreenPause(ctx: RolloutContext, active: Service): void {
  const { rollout } = ctx;
  if (rollout.status?.abort) return;
  if (!readyForPause(rollout, ctx.newRS, ctx.allRSs)) return; // the preview is still coming up
  if (haltProgress(ctx) !== '') return;
  // Fast-tracked (which covers "already active"), past the scale-up checkpoint, or no controller pause wanted.
  if (isBlueGreenFastTracked(ctx, active) || rollout.status?.blueGreen?.scaleUpPreviewCheckPoint || !needsBlueGreenControllerPause(rollout)) {
    ctx.pause.removePauseCondition(PauseReason.BlueGreenPause);
    return;
  }
  if (!completedPrePromotionAnalysis(ctx)) return; // pause only once the preview passed its analysis
  const condition = pauseConditionOf(rollout, PauseReason.BlueGreenPause);
  if (!condition) {
    // No condition: either not paused yet, or a user has just promoted (controllerPause stays true).
    if (!rollout.status?.controllerPause) ctx.pause.addPauseCondition(PauseReason.BlueGreenPause);
    return;
  }
  if (completedBlueGreenPause(ctx)) {
    ctx.pause.removePauseCondition(PauseReason.BlueGreenPause);
    return;
  }
  const seconds = rollout.spec.strategy.blueGreen?.autoPromotionSeconds ?? 0;
  if (seconds > 0) enqueueAtPauseExpiry(ctx, condition.startTime, seconds);
}
