// Writing a Deployment's rollout status and coming back when its progress deadline would pass (progress.go syncRolloutStatus).
import type { DeepReadonly, DeploymentStatus, ReplicaSet } from '@aviary/kube';
import { writeDeploymentStatus, type DeploymentContext } from './deployment-context.js';
import { calculateDeploymentStatus, calculateRolloutStatus, msUntilProgressDeadline } from './deployment-status.js';

/** Status with Progressing conditions; requeues for the deadline. Returns the status written (or found current). */
export async function syncRolloutStatus(ctx: DeploymentContext, newRS: DeepReadonly<ReplicaSet> | undefined): Promise<DeploymentStatus> {
  const nowMs = ctx.deps.now();
  const status = calculateRolloutStatus({ d: ctx.d, allRSs: ctx.rsList, newRS, nowMs });
  await writeDeploymentStatus(ctx, status);
  const wait = msUntilProgressDeadline(ctx.d, status, nowMs);
  if (wait !== undefined) ctx.deps.requeueAfter(ctx.key, wait);
  return status;
}

/** syncDeploymentStatus: counts and Available only (scaling, paused, deleting). */
export async function syncDeploymentStatus(ctx: DeploymentContext, newRS: DeepReadonly<ReplicaSet> | undefined): Promise<DeploymentStatus> {
  const status = calculateDeploymentStatus({ d: ctx.d, allRSs: ctx.rsList, newRS, nowMs: ctx.deps.now() });
  await writeDeploymentStatus(ctx, status);
  return status;
}
