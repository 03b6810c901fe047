// RollingUpdate: grow the new ReplicaSet within maxSurge, shrink old ones within maxUnavailable (rolling.go).
import type { DeepReadonly, ReplicaSet } from '@aviary/kube';
import { scaleReplicaSet, type DeploymentContext } from './deployment-context.js';
import { deploymentComplete } from './deployment-status.js';
import { cleanupOldReplicaSets } from './history.js';
import { syncReplicaSetsAndRevision } from './new-replica-set.js';
import { syncRolloutStatus } from './rollout-status.js';
import { compareCreation, desiredReplicas, maxScaledDown, maxUnavailable, newReplicaSetReplicas, specReplicas, totalAvailableReplicas, totalSpecReplicas } from './replica-math.js';

type ReadonlyRS = DeepReadonly<ReplicaSet>;

/** rolloutRolling: one step per sync — scale up, else scale down, else clean up — then status. */
export async function rolloutRolling(ctx: DeploymentContext): Promise<void> {
  const { newRS, oldRSs } = await syncReplicaSetsAndRevision(ctx, { create: true });
  const current = (): { newRS: ReadonlyRS | undefined; oldRSs: ReadonlyRS[] } => refresh(ctx, newRS, oldRSs);
  // Scale up first; the next sync (from the ReplicaSet's events) takes the next step.
  if (await reconcileNewReplicaSet(ctx, current().newRS)) {
    await syncRolloutStatus(ctx, current().newRS);
    return;
  }
  // Then scale down what availability allows.
  if (await reconcileOldReplicaSets(ctx, current().newRS, current().oldRSs)) {
    await syncRolloutStatus(ctx, current().newRS);
    return;
  }
  const status = await syncRolloutStatus(ctx, current().newRS);
  if (deploymentComplete(ctx.d, status)) await cleanupOldReplicaSets(ctx, current().oldRSs);
}

/** The context's latest copies of the given ReplicaSets. */
export function refresh(ctx: DeploymentContext, newRS: ReadonlyRS | undefined, oldRSs: readonly ReadonlyRS[]): { newRS: ReadonlyRS | undefined; oldRSs: ReadonlyRS[] } {
  const latest = (rs: ReadonlyRS): ReadonlyRS => ctx.rsList.find((item) => item.metadata?.uid === rs.metadata?.uid) ?? rs;
  return { newRS: newRS && latest(newRS), oldRSs: oldRSs.map(latest) };
}

async function reconcileNewReplicaSet(ctx: DeploymentContext, newRS: ReadonlyRS | undefined): Promise<boolean> {
  if (newRS === undefined) return false;
  const desired = desiredReplicas(ctx.d);
  if (specReplicas(newRS) === desired) return false;
  if (specReplicas(newRS) > desired) return (await scaleReplicaSet(ctx, newRS, desired)).scaled;
  const target = newReplicaSetReplicas(ctx.d, ctx.rsList, newRS);
  return (await scaleReplicaSet(ctx, newRS, target)).scaled;
}

/**
 * reconcileOldReplicaSets: first remove unhealthy old pods (they do not count toward availability),
 * then scale old ReplicaSets down, oldest first, while availability stays ≥ replicas - maxUnavailable.
 */
async function reconcileOldReplicaSets(ctx: DeploymentContext, newRS: ReadonlyRS | undefined, oldRSs: readonly ReadonlyRS[]): Promise<boolean> {
  if (totalSpecReplicas(oldRSs) === 0) return false;
  const allRSs = newRS ? [...oldRSs, newRS] : [...oldRSs];
  const budget = maxScaledDown(ctx.d, allRSs, newRS);
  if (budget <= 0) return false;
  const cleaned = await cleanupUnhealthyReplicas(ctx, oldRSs, budget);
  const refreshed = refresh(ctx, newRS, oldRSs);
  const scaledDown = await scaleDownOldReplicaSets(ctx, refreshed.newRS, refreshed.oldRSs);
  return cleaned + scaledDown > 0;
}

async function cleanupUnhealthyReplicas(ctx: DeploymentContext, oldRSs: readonly ReadonlyRS[], budget: number): Promise<number> {
  let total = 0;
  for (const rs of [...oldRSs].sort(compareCreation)) {
    if (total >= budget) break;
    const replicas = specReplicas(rs);
    const unhealthy = replicas - (rs.status?.availableReplicas ?? 0);
    if (replicas === 0 || unhealthy <= 0) continue;
    const count = Math.min(budget - total, unhealthy);
    await scaleReplicaSet(ctx, rs, replicas - count);
    total += count;
  }
  return total;
}

async function scaleDownOldReplicaSets(ctx: DeploymentContext, newRS: ReadonlyRS | undefined, oldRSs: readonly ReadonlyRS[]): Promise<number> {
  const minAvailable = desiredReplicas(ctx.d) - maxUnavailable(ctx.d);
  const available = totalAvailableReplicas(newRS ? [...oldRSs, newRS] : oldRSs);
  if (available <= minAvailable) return 0;
  const budget = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(compareCreation)) {
    if (total >= budget) break;
    const replicas = specReplicas(rs);
    if (replicas === 0) continue;
    const count = Math.min(replicas, budget - total);
    await scaleReplicaSet(ctx, rs, replicas - count);
    total += count;
  }
  return total;
}
