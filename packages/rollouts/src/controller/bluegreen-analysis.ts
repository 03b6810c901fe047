// Blue-green AnalysisRuns: pre-promotion (`<ro>-<hash>-<rev>-pre`, gating the active switch) and post-promotion
// (`-post`, gating the stable mark); Failed/Error aborts, Inconclusive pauses.
// Upstream: rollout/analysis.go (reconcileAnalysisRuns, reconcilePre/PostPromotionAnalysisRun,
// skipPre/PostPromotionAnalysisRun, setPauseOrAbortForBlueGreen), rollout/pause.go (completedPrePromotionAnalysis).
import { AnalysisPhase, AnalysisRunRolloutType, PauseReason, RolloutsLabel, type AnalysisRun, type ReplicaSet, type Rollout, type RolloutAnalysis } from '@aviary/kube';
import { isFullyPromoted } from '../status/index.js';
import { emitRunStatusChange, needsNewAnalysisRun, runStatusOf } from './analysis.js';
import { terminateAnalysisRuns, trimAnalysisRuns } from './analysis-cleanup.js';
import { createAnalysisRun, newAnalysisRunFromRollout } from './analysis-run-factory.js';
import { isSaturated } from './bluegreen-replicas.js';
import type { CurrentAnalysisRuns, RolloutContext } from './context.js';
import { pauseConditionOf } from './pause-state.js';
import { podHashOf, specReplicasOf } from './replicasets.js';
import { isFastRollback } from './rollback.js';

/** Abort messages, as upstream words them (a run's message is appended after `: `). */
export const BlueGreenAnalysisMessage = {
  preFailed: 'Blue/green pre-promotion analysis phase error/failed',
  postFailed: 'Blue/green post-promotion analysis phase error/failed',
} as const;

/** No pre-promotion analysis is configured, or its current run succeeded. */
export function completedPrePromotionAnalysis(ctx: RolloutContext): boolean {
  if (!ctx.rollout.spec.strategy.blueGreen?.prePromotionAnalysis) return true;
  return ctx.currentArs.prePromotion?.status?.phase === AnalysisPhase.Successful;
}

/**
 * No pre-promotion run now: the new RS is already stable or active, the rollout was just created (no active
 * selector), or — before a run exists — the preview RS is not yet saturated (previewReplicaCount pods with that option).
 */
export function skipPrePromotionAnalysisRun(rollout: Rollout, newRS: ReplicaSet | undefined, current: AnalysisRun | undefined): boolean {
  const hash = podHashOf(newRS);
  const active = rollout.status?.blueGreen?.activeSelector ?? '';
  if (rollout.status?.stableRS === hash || active === '' || active === hash || hash === '') return true;
  if (current) return false; // once started, pod churn must not cancel it
  const preview = rollout.spec.strategy.blueGreen?.previewReplicaCount;
  if (preview !== undefined && preview !== null) return specReplicasOf(newRS) !== preview || (newRS?.status?.availableReplicas ?? 0) !== preview;
  return !isSaturated(rollout, newRS);
}

/** No post-promotion run now: the new RS is already stable, not yet active, or (before a run exists) not saturated. */
export function skipPostPromotionAnalysisRun(rollout: Rollout, newRS: ReplicaSet | undefined, current: AnalysisRun | undefined): boolean {
  const hash = podHashOf(newRS);
  if (rollout.status?.stableRS === hash || rollout.status?.blueGreen?.activeSelector !== hash || hash === '') return true;
  if (current) return false;
  return !isSaturated(rollout, newRS);
}

interface PromotionAnalysisKind {
  analysis: RolloutAnalysis | undefined;
  current: AnalysisRun | undefined;
  skip: boolean;
  infix: 'pre' | 'post';
  type: AnalysisRunRolloutType;
}

/** Creates or keeps one promotion run; skipped (and terminated) when not due; none without templates. */
async function reconcilePromotionAnalysisRun(ctx: RolloutContext, kind: PromotionAnalysisKind): Promise<AnalysisRun | undefined> {
  const { analysis, current } = kind;
  if (!analysis?.templates?.length) {
    await terminateAnalysisRuns(ctx, [current]);
    return undefined;
  }
  // Seam: upstream also waits for AWS target-group verification before post-promotion analysis (no ALB support yet).
  if (kind.skip) {
    await terminateAnalysisRuns(ctx, [current]);
    return current;
  }
  if (pauseConditionOf(ctx.rollout, PauseReason.InconclusiveAnalysisRun)) return current;
  if (!needsNewAnalysisRun(ctx, current)) return current;
  const labels = { [RolloutsLabel.PodTemplateHash]: podHashOf(ctx.newRS), [RolloutsLabel.RolloutType]: kind.type };
  return createAnalysisRun(ctx, await newAnalysisRunFromRollout(ctx, { analysis, infix: kind.infix, labels }));
}

/** Inconclusive pauses the rollout; Failed/Error aborts it with the upstream message. */
function setPauseOrAbortForBlueGreen(ctx: RolloutContext, run: AnalysisRun | undefined, prefix: string): void {
  const phase = run?.status?.phase;
  if (phase === AnalysisPhase.Inconclusive) ctx.pause.addPauseCondition(PauseReason.InconclusiveAnalysisRun);
  else if (phase === AnalysisPhase.Failed || phase === AnalysisPhase.Error) ctx.pause.addAbort(run?.status?.message ? `${prefix}: ${run.status.message}` : prefix);
}

/** Records the promotion runs in status.blueGreen (kept there even after the rollout is promoted). */
function setCurrentBlueGreenRuns(ctx: RolloutContext, runs: CurrentAnalysisRuns): void {
  ctx.currentArs = runs;
  const blueGreen = (ctx.newStatus.blueGreen ??= {});
  const pre = runStatusOf(runs.prePromotion);
  const post = runStatusOf(runs.postPromotion);
  if (pre) blueGreen.prePromotionAnalysisRunStatus = pre;
  if (post) blueGreen.postPromotionAnalysisRunStatus = post;
}

/** Creates, judges and cancels the pre/post-promotion runs; terminates and trims the rest. */
export async function reconcileBlueGreenAnalysisRuns(ctx: RolloutContext): Promise<void> {
  const { rollout } = ctx;
  const status = rollout.status ?? {};
  const blueGreen = rollout.spec.strategy.blueGreen;
  const cancelAll = isFullyPromoted(rollout) || ctx.pause.isAborted() || Boolean(status.promoteFull) || isFastRollback(ctx) || !status.stableRS;
  const runs: CurrentAnalysisRuns = {};
  if (cancelAll) {
    await terminateAnalysisRuns(ctx, [ctx.currentArs.step, ctx.currentArs.background, ctx.currentArs.prePromotion, ctx.currentArs.postPromotion]);
    runs.prePromotion = ctx.currentArs.prePromotion;
    runs.postPromotion = ctx.currentArs.postPromotion;
  } else if (blueGreen) {
    const pre = ctx.currentArs.prePromotion;
    runs.prePromotion = await reconcilePromotionAnalysisRun(ctx, {
      analysis: blueGreen.prePromotionAnalysis,
      current: pre,
      skip: skipPrePromotionAnalysisRun(rollout, ctx.newRS, pre),
      infix: 'pre',
      type: AnalysisRunRolloutType.PrePromotion,
    });
    setPauseOrAbortForBlueGreen(ctx, runs.prePromotion, BlueGreenAnalysisMessage.preFailed);
    const post = ctx.currentArs.postPromotion;
    runs.postPromotion = await reconcilePromotionAnalysisRun(ctx, {
      analysis: blueGreen.postPromotionAnalysis,
      current: post,
      skip: skipPostPromotionAnalysisRun(rollout, ctx.newRS, post),
      infix: 'post',
      type: AnalysisRunRolloutType.PostPromotion,
    });
    setPauseOrAbortForBlueGreen(ctx, runs.postPromotion, BlueGreenAnalysisMessage.postFailed);
  }
  setCurrentBlueGreenRuns(ctx, runs);
  const current = new Set([runs.prePromotion, runs.postPromotion].filter(Boolean).map((run) => run!.metadata?.name));
  const others = ctx.otherArs.filter((run) => !current.has(run.metadata?.name));
  await terminateAnalysisRuns(ctx, others);
  await trimAnalysisRuns(ctx, others);
  emitRunStatusChange(ctx, status.blueGreen?.postPromotionAnalysisRunStatus, runs.postPromotion, AnalysisRunRolloutType.PostPromotion);
  emitRunStatusChange(ctx, status.blueGreen?.prePromotionAnalysisRunStatus, runs.prePromotion, AnalysisRunRolloutType.PrePromotion);
}
