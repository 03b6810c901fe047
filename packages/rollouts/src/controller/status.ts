// Building and persisting the rollout status: replica counts, hashes, pause/abort fields, conditions, phase.
// Upstream: rollout/sync.go (calculateBaseStatus, persistRolloutStatus, sendStateChangeEvents, resetRolloutStatus).
import { copyJson, RolloutConditionType, RolloutEventReason, type ReplicaSet, type RolloutStatus } from '@aviary/kube';
import { computePodTemplateHash } from '../hash/index.js';
import { calculateRolloutConditions } from './conditions.js';
import { removeRolloutCondition } from './condition-helpers.js';
import type { RolloutContext } from './context.js';
import { RolloutMessage, recordNormal } from './events.js';
import { evaluateProgressDeadlineAbort, requeueStuckRollout } from './progress-deadline.js';
import { podHashOf } from './replicasets.js';
import { patchRolloutStatus } from './status-patch.js';

const sum = (sets: readonly (ReplicaSet | undefined)[], pick: (rs: ReplicaSet) => number | undefined): number =>
  sets.reduce((total, rs) => total + (rs ? (pick(rs) ?? 0) : 0), 0);

/** The status fields every strategy shares: hashes, replica counts, conditions carried over, promoteFull. */
export function calculateBaseStatus(ctx: RolloutContext, validationPassed: boolean): RolloutStatus {
  const prev = copyJson(ctx.rollout.status ?? {});
  if (validationPassed) removeRolloutCondition(prev, RolloutConditionType.InvalidSpec);
  const newStatus = ctx.newStatus;
  newStatus.currentPodHash = ctx.newRS ? podHashOf(ctx.newRS) : computePodTemplateHash(ctx.rollout.spec.template, ctx.rollout.status?.collisionCount);
  newStatus.replicas = sum(ctx.allRSs, (rs) => rs.status?.replicas);
  newStatus.updatedReplicas = sum([ctx.newRS], (rs) => rs.status?.replicas);
  newStatus.readyReplicas = sum(ctx.allRSs, (rs) => rs.status?.readyReplicas);
  if (ctx.rollout.status?.collisionCount !== undefined) newStatus.collisionCount = ctx.rollout.status.collisionCount;
  newStatus.conditions = prev.conditions;
  newStatus.promoteFull = newStatus.currentPodHash !== prev.stableRS && Boolean(prev.promoteFull);
  return newStatus;
}

/** Available and HPA replica counts over every RS, for canary rollouts. */
export function availableReplicas(ctx: RolloutContext): number {
  return sum(ctx.allRSs, (rs) => rs.status?.availableReplicas);
}

export function actualReplicas(ctx: RolloutContext): number {
  return sum(ctx.allRSs, (rs) => rs.status?.replicas);
}

/** Resets the status as at the start of a new update (template or steps changed). */
export function resetRolloutStatus(ctx: RolloutContext, newStatus: RolloutStatus): void {
  ctx.pause.clearPauseConditions();
  ctx.pause.removeAbort();
  if (ctx.rollout.spec.restartAt) newStatus.restartedAt = ctx.rollout.spec.restartAt;
  newStatus.promoteFull = false;
  if (newStatus.blueGreen) {
    delete newStatus.blueGreen.prePromotionAnalysisRunStatus;
    delete newStatus.blueGreen.postPromotionAnalysisRunStatus;
    newStatus.blueGreen.scaleUpPreviewCheckPoint = false;
  }
  if (newStatus.canary) {
    delete newStatus.canary.currentStepAnalysisRunStatus;
    delete newStatus.canary.currentBackgroundAnalysisRunStatus;
    delete newStatus.canary.stepPluginStatuses;
  }
  const steps = ctx.rollout.spec.strategy.canary?.steps ?? [];
  if (steps.length > 0) newStatus.currentStepIndex = 0;
  else delete newStatus.currentStepIndex;
}

/** RolloutPaused / RolloutResumed events when pause conditions appear or go (an abort is not a resume). */
function sendStateChangeEvents(ctx: RolloutContext, prev: RolloutStatus, next: RolloutStatus): void {
  const wasPaused = (prev.pauseConditions?.length ?? 0) > 0;
  const isPaused = (next.pauseConditions?.length ?? 0) > 0;
  if (wasPaused === isPaused) return;
  if (isPaused) recordNormal(ctx.deps.recorder, ctx.rollout, RolloutEventReason.RolloutPaused, `${RolloutMessage.paused} (${next.pauseConditions?.[0]?.reason})`);
  else if (!next.abortedAt) recordNormal(ctx.deps.recorder, ctx.rollout, RolloutEventReason.RolloutResumed, RolloutMessage.resumed);
}

/**
 * Finishes the status (progress-deadline abort, pause/abort fields, conditions, phase) and patches it when it
 * changed; when nothing changed, schedules the progress-deadline check instead.
 */
export async function persistRolloutStatus(ctx: RolloutContext, newStatus: RolloutStatus): Promise<void> {
  newStatus.observedGeneration = String(ctx.rollout.metadata?.generation ?? 0);
  evaluateProgressDeadlineAbort(ctx, newStatus);
  ctx.pause.applyTo(newStatus, ctx.deps.clock.now());
  calculateRolloutConditions(ctx, newStatus);
  const prev = copyJson(ctx.rollout.status ?? {});
  if (!(await patchRolloutStatus(ctx, newStatus))) {
    requeueStuckRollout(ctx, newStatus);
    return;
  }
  sendStateChangeEvents(ctx, prev, newStatus);
}
