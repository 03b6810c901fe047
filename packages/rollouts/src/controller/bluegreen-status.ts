// The blue-green status: service selectors, promotion to stable, the scale-up checkpoint, and counts from the active RS.
// Upstream: rollout/bluegreen.go (syncRolloutStatusBlueGreen, calculateScaleUpPreviewCheckPoint),
// rollout/sync.go (shouldFullPromote, blue-green branch), utils/replicaset (CheckPodSpecChange).
import { copyJson, AnalysisPhase, RolloutCompletedDetail, type RolloutStatus } from '@aviary/kube';
import { computePodTemplateHash } from '../hash/index.js';
import { completedPrePromotionAnalysis } from './bluegreen-analysis.js';
import { completedBlueGreenPause } from './bluegreen-pause.js';
import { replicaSetByHash } from './bluegreen-replicas.js';
import { rolloutSelectorOf, type BlueGreenServices } from './bluegreen-services.js';
import type { RolloutContext } from './context.js';
import { promoteStable } from './promotion.js';
import { podHashOf } from './replicasets.js';
import { isFastRollback, isRollbackWithinWindow } from './rollback.js';
import { formatSelector } from './selector-format.js';
import { actualReplicas, availableReplicas, calculateBaseStatus, persistRolloutStatus, resetRolloutStatus } from './status.js';

/** The pod template changed since status.currentPodHash was recorded: a new update begins. */
export function podSpecChanged(ctx: RolloutContext): boolean {
  const recorded = ctx.rollout.status?.currentPodHash;
  if (!recorded) return false;
  const hash = ctx.newRS ? podHashOf(ctx.newRS) : computePodTemplateHash(ctx.rollout.spec.template, ctx.rollout.status?.collisionCount);
  return recorded !== hash;
}

/**
 * Why the new RS becomes stable now, or '' (order matters): no stable or no active selector yet → initial deploy;
 * active not yet on the new RS → no; promote --full; fast rollback; aborted → no; post-promotion analysis not
 * Successful → no; else the update is complete.
 */
export function shouldFullPromoteBlueGreen(ctx: RolloutContext, newStatus: RolloutStatus): string {
  if (!ctx.stableRS) return RolloutCompletedDetail.InitialDeploy;
  const active = newStatus.blueGreen?.activeSelector ?? '';
  // Chicken and egg: a first deploy's active selector is set only after stable is.
  if (active === '') return RolloutCompletedDetail.InitialDeploy;
  if (active !== newStatus.currentPodHash) return '';
  // Seam: upstream also waits here for AWS target-group verification (no ALB support yet).
  if (ctx.rollout.status?.promoteFull) return RolloutCompletedDetail.FullPromotion;
  if (isFastRollback(ctx)) return isRollbackWithinWindow(ctx) ? RolloutCompletedDetail.RollbackWithinWindow : RolloutCompletedDetail.FastRollback;
  if (ctx.pause.isAborted()) return '';
  if (ctx.rollout.spec.strategy.blueGreen?.postPromotionAnalysis && ctx.currentArs.postPromotion?.status?.phase !== AnalysisPhase.Successful) return '';
  return RolloutCompletedDetail.CompletedBlueGreen;
}

/**
 * The one-way scale-up checkpoint of previewReplicaCount: set once pre-promotion analysis passed, the pause is
 * completed and exactly previewReplicaCount preview pods are available; kept until promotion or a template change.
 */
export function calculateScaleUpPreviewCheckPoint(ctx: RolloutContext): boolean {
  const preview = ctx.rollout.spec.strategy.blueGreen?.previewReplicaCount;
  if (preview === undefined || preview === null) return false;
  if (ctx.rollout.status?.blueGreen?.scaleUpPreviewCheckPoint) return true;
  if (!completedPrePromotionAnalysis(ctx) || !completedBlueGreenPause(ctx)) return false;
  return (ctx.newRS?.status?.availableReplicas ?? 0) === preview;
}

/** Replica counts and the scale selector from the active RS; from every RS (and the rollout selector) without one. */
function setActiveReplicaCounts(ctx: RolloutContext, newStatus: RolloutStatus): void {
  const activeRS = replicaSetByHash(ctx.allRSs, newStatus.blueGreen?.activeSelector);
  if (activeRS) {
    newStatus.HPAReplicas = activeRS.status?.replicas ?? 0;
    newStatus.selector = formatSelector(activeRS.spec?.selector);
    newStatus.availableReplicas = activeRS.status?.availableReplicas ?? 0;
    newStatus.readyReplicas = activeRS.status?.readyReplicas ?? 0;
    return;
  }
  newStatus.HPAReplicas = actualReplicas(ctx);
  newStatus.selector = formatSelector(ctx.rollout.spec.selector);
  newStatus.availableReplicas = availableReplicas(ctx);
}

/** Computes the blue-green status — selectors, promotion, checkpoint, counts — and persists it. */
export async function syncRolloutStatusBlueGreen(ctx: RolloutContext, services: BlueGreenServices): Promise<void> {
  const { rollout } = ctx;
  const newStatus = calculateBaseStatus(ctx, true);
  if (rollout.status?.stableRS) newStatus.stableRS = rollout.status.stableRS;
  if (podSpecChanged(ctx)) resetRolloutStatus(ctx, newStatus);
  if (rollout.status?.promoteFull || isRollbackWithinWindow(ctx)) {
    ctx.pause.clearPauseConditions();
    ctx.pause.removeAbort();
  }
  const blueGreen = (newStatus.blueGreen ??= {});
  blueGreen.previewSelector = rolloutSelectorOf(services.preview);
  blueGreen.activeSelector = rolloutSelectorOf(services.active);
  const reason = shouldFullPromoteBlueGreen(ctx, newStatus);
  if (reason) await promoteStable(ctx, newStatus, reason);
  else blueGreen.scaleUpPreviewCheckPoint = calculateScaleUpPreviewCheckPoint(ctx);
  setActiveReplicaCounts(ctx, newStatus);
  return persistRolloutStatus(ctx, newStatus);
}

/** A scaling event (spec.replicas changed): only the ReplicaSets and the counts; upstream syncReplicasOnly. */
export function replicasOnlyStatus(ctx: RolloutContext): RolloutStatus {
  const newStatus = copyJson(ctx.rollout.status ?? {});
  const activeRS = replicaSetByHash(ctx.allRSs, newStatus.blueGreen?.activeSelector);
  newStatus.HPAReplicas = activeRS ? (activeRS.status?.replicas ?? 0) : actualReplicas(ctx);
  newStatus.availableReplicas = activeRS ? (activeRS.status?.availableReplicas ?? 0) : availableReplicas(ctx);
  return newStatus;
}
