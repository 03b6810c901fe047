// Full promotion: deciding that the new RS becomes stable, and doing it. Upstream: rollout/sync.go (shouldFullPromote, promoteStable).
import { PatchType, Resources, RolloutCompletedDetail, RolloutEventReason, type Deployment, type RolloutStatus } from '@aviary/kube';
import { replicasOrDefault, replicaProgressThresholdMet } from '../replicas/index.js';
import type { RolloutContext } from './context.js';
import { RolloutMessage, recordNormal } from './events.js';
import { revisionOf } from './replicasets.js';
import { isFastRollback, isRollbackWithinWindow } from './rollback.js';

/**
 * Why the canary's new RS should become stable now, or '' (order matters): first deploy, then — when not
 * aborted and the new RS is available — full promotion requested, fast rollback, or all steps done.
 */
export function shouldFullPromote(ctx: RolloutContext, currentStepIndex: number | undefined): string {
  const { rollout, newRS } = ctx;
  if (!ctx.stableRS) return RolloutCompletedDetail.InitialDeploy;
  const canary = rollout.spec.strategy.canary;
  if (!canary || ctx.pause.isAborted() || !newRS) return '';
  const replicas = replicasOrDefault(rollout.spec.replicas);
  if ((newRS.status?.availableReplicas ?? 0) < replicas && !replicaProgressThresholdMet(canary.replicaProgressThreshold, newRS, replicas)) return '';
  if (rollout.status?.promoteFull) return RolloutCompletedDetail.FullPromotion;
  if (isFastRollback(ctx)) return isRollbackWithinWindow(ctx) ? RolloutCompletedDetail.RollbackWithinWindow : RolloutCompletedDetail.FastRollback;
  const stepCount = canary.steps?.length ?? 0;
  if (stepCount === 0 || currentStepIndex === stepCount) return `Completed all ${stepCount} canary steps`;
  return '';
}

/** Marks the current pod hash stable (event RolloutCompleted) and clears pauses, abort and promoteFull. */
export async function promoteStable(ctx: RolloutContext, newStatus: RolloutStatus, reason: string): Promise<void> {
  ctx.pause.clearPauseConditions();
  ctx.pause.removeAbort();
  newStatus.promoteFull = false;
  if (newStatus.blueGreen) newStatus.blueGreen.scaleUpPreviewCheckPoint = false;
  const canary = ctx.rollout.spec.strategy.canary;
  if (canary) {
    const stepCount = canary.steps?.length ?? 0;
    if (stepCount > 0) newStatus.currentStepIndex = stepCount;
    else delete newStatus.currentStepIndex;
  }
  const revision = revisionOf(ctx.rollout);
  if (newStatus.stableRS !== newStatus.currentPodHash) {
    if (canary?.pingPong) {
      const canaryStatus = (newStatus.canary ??= {});
      canaryStatus.stablePingPong = ctx.rollout.status?.canary?.stablePingPong === 'ping' ? 'pong' : 'ping'; // upstream flips only from an explicit ping
    }
    newStatus.stableRS = newStatus.currentPodHash;
    recordNormal(ctx.deps.recorder, ctx.rollout, RolloutEventReason.RolloutCompleted, RolloutMessage.rolloutCompleted(revision, newStatus.currentPodHash ?? '', reason));
  }
  const workloadRef = ctx.rollout.spec.workloadRef;
  if (revision === 1 && ctx.rollout.status?.phase === 'Healthy' && workloadRef?.scaleDown === 'onsuccess' && workloadRef.name) {
    await ctx.deps.client.patch<Deployment>(Resources.deployments, workloadRef.name, ctx.rollout.metadata?.namespace, { spec: { replicas: 0 } }, PatchType.Merge);
  }
}
