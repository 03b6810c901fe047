// The canary strategy as a checklist: each reconcile walks these steps in order and stops where work remains.
// Upstream: rollout/canary.go (rolloutCanary, syncRolloutStatusCanary, completedCurrentCanaryStep).
import { PauseReason, RolloutEventReason, type RolloutStatus } from '@aviary/kube';
import { computePodTemplateHash, computeStepsHash } from '../hash/index.js';
import { atDesiredReplicaCountsForCanary, currentCanaryStep } from '../replicas/index.js';
import { canaryStepString } from '../status/index.js';
import { reconcileAnalysisRuns } from './analysis.js';
import { reconcileCanaryReplicaSets } from './canary-scaling.js';
import type { RolloutContext } from './context.js';
import { reconcileEphemeralMetadata } from './ephemeral-metadata.js';
import { ControllerEventReason, RolloutMessage, recordNormal } from './events.js';
import { reconcileExperiments } from './experiment.js';
import { completedCanaryPauseStep, reconcileCanaryPause } from './pause.js';
import { promoteStable, shouldFullPromote } from './promotion.js';
import { syncReplicaSetRevision } from './replicaset-create.js';
import { podHashOf, specReplicasOf } from './replicasets.js';
import { reconcilePodRestarts } from './restart.js';
import { reconcileRevisionHistoryLimit } from './revision-history.js';
import { isRollbackWithinWindow } from './rollback.js';
import { reconcileStableAndCanaryService } from './services.js';
import { actualReplicas, availableReplicas, calculateBaseStatus, persistRolloutStatus, resetRolloutStatus } from './status.js';
import { formatSelector } from './selector-format.js';

/** The pod template (vs status.currentPodHash) or the steps (vs status.currentStepHash) changed: a new update begins. */
export function podTemplateOrStepsChanged(ctx: RolloutContext): boolean {
  const status = ctx.rollout.status ?? {};
  if (!status.currentStepHash || status.currentStepHash !== computeStepsHash(ctx.rollout.spec.strategy.canary?.steps)) return true;
  if (!status.currentPodHash) return false;
  const hash = ctx.newRS ? podHashOf(ctx.newRS) : computePodTemplateHash(ctx.rollout.spec.template, status.collisionCount);
  return status.currentPodHash !== hash;
}

/** Reconciles a canary rollout: one checklist pass, ending with the status. */
export async function rolloutCanary(ctx: RolloutContext): Promise<void> {
  if (podTemplateOrStepsChanged(ctx)) {
    await syncReplicaSetRevision(ctx);
    return syncRolloutStatusCanary(ctx);
  }
  await syncReplicaSetRevision(ctx);
  // Pods were just evicted: availability counts are stale, so no scaling decisions this round.
  if ((await reconcilePodRestarts(ctx)) > 0) return;
  await reconcileEphemeralMetadata(ctx);
  await reconcileRevisionHistoryLimit(ctx);
  await reconcileStableAndCanaryService(ctx);
  // Seam: traffic routing (reconcileTrafficRouting) goes here once routers exist; status.canary.weights is carried over.
  await reconcileExperiments(ctx);
  await reconcileAnalysisRuns(ctx);
  if (ctx.pause.hasAddPause()) return syncRolloutStatusCanary(ctx); // an Inconclusive run just paused the rollout
  if (await reconcileCanaryReplicaSets(ctx)) return syncRolloutStatusCanary(ctx); // scaled something: look again next time
  if (reconcileCanaryPause(ctx)) return syncRolloutStatusCanary(ctx); // still at a pause step
  return syncRolloutStatusCanary(ctx);
}

/** Whether the step at the current index is done (never while spec.paused). */
export function completedCurrentCanaryStep(ctx: RolloutContext): boolean {
  if (ctx.rollout.spec.paused) return false;
  const { step } = currentCanaryStep(ctx.rollout);
  if (!step) return false;
  const weights = ctx.newStatus.canary?.weights;
  if (step.pause) return completedCanaryPauseStep(ctx, step.pause);
  if (step.setCanaryScale) return atDesiredReplicaCountsForCanary(ctx.rollout, ctx.newRS, ctx.stableRS, ctx.otherRSs, weights);
  if (step.setWeight !== undefined && step.setWeight !== null) {
    if (!atDesiredReplicaCountsForCanary(ctx.rollout, ctx.newRS, ctx.stableRS, ctx.otherRSs, weights)) return false;
    return weights?.verified !== false; // an unverified router weight holds the step
  }
  if (step.experiment) return ctx.currentEx?.status?.phase === 'Successful';
  if (step.analysis) return ctx.currentArs.step?.status?.phase === 'Successful';
  if (step.setHeaderRoute || step.setMirrorRoute) return true;
  return false; // step plugins are not supported yet
}

/** Computes the canary status: step progression, promotion, abort handling; then persists it. */
export async function syncRolloutStatusCanary(ctx: RolloutContext): Promise<void> {
  const { rollout } = ctx;
  const newStatus: RolloutStatus = calculateBaseStatus(ctx, true);
  newStatus.availableReplicas = availableReplicas(ctx);
  newStatus.HPAReplicas = actualReplicas(ctx);
  newStatus.selector = formatSelector(rollout.spec.selector);
  const canaryStatus = (newStatus.canary ??= {});
  if (rollout.status?.canary?.stablePingPong) canaryStatus.stablePingPong = rollout.status.canary.stablePingPong;
  if (rollout.status?.canary?.stepPluginStatuses) canaryStatus.stepPluginStatuses = rollout.status.canary.stepPluginStatuses;
  if (rollout.status?.stableRS) newStatus.stableRS = rollout.status.stableRS;
  newStatus.currentStepHash = computeStepsHash(rollout.spec.strategy.canary?.steps);
  const stepCount = rollout.spec.strategy.canary?.steps?.length ?? 0;
  const { step } = currentCanaryStep(rollout);
  let { index } = currentCanaryStep(rollout);

  if (podTemplateOrStepsChanged(ctx)) {
    resetRolloutStatus(ctx, newStatus);
    if (ctx.newRS && stepCount > 0) {
      if (rollout.status?.stableRS === podHashOf(ctx.newRS)) {
        recordNormal(ctx.deps.recorder, rollout, ControllerEventReason.SkipSteps, RolloutMessage.skipStepsToStable);
        newStatus.currentStepIndex = stepCount;
      } else if (isRollbackWithinWindow(ctx) && specReplicasOf(ctx.newRS) > 0) {
        recordNormal(ctx.deps.recorder, rollout, ControllerEventReason.SkipSteps, RolloutMessage.skipStepsWithinWindow);
        newStatus.currentStepIndex = stepCount;
      }
    }
    return persistRolloutStatus(ctx, newStatus);
  }

  if (rollout.status?.promoteFull || isRollbackWithinWindow(ctx)) {
    ctx.pause.clearPauseConditions();
    ctx.pause.removeAbort();
    if (stepCount > 0) index = stepCount;
  }

  const promoteReason = shouldFullPromote(ctx, index);
  if (promoteReason) {
    await promoteStable(ctx, newStatus, promoteReason);
    return persistRolloutStatus(ctx, newStatus);
  }

  if (ctx.pause.isAborted()) {
    if (stepCount > 0) newStatus.currentStepIndex = newStatus.stableRS === newStatus.currentPodHash ? stepCount : 0;
    return persistRolloutStatus(ctx, newStatus);
  }

  if (step && index !== undefined && completedCurrentCanaryStep(ctx)) {
    index++;
    delete canaryStatus.currentStepAnalysisRunStatus;
    recordNormal(ctx.deps.recorder, rollout, RolloutEventReason.RolloutStepCompleted, RolloutMessage.stepCompleted(index, stepCount, canaryStepString(step)));
    ctx.pause.removePauseCondition(PauseReason.CanaryPauseStep);
  }
  if (index !== undefined) newStatus.currentStepIndex = index;
  else delete newStatus.currentStepIndex;
  return persistRolloutStatus(ctx, newStatus);
}
