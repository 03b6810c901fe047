// Resizing a Deployment without rolling it: detect a scaling event and spread the change over its ReplicaSets (sync.go scale).
import type { DeepReadonly, ReplicaSet } from '@aviary/kube';
import { scaleReplicaSet, type DeploymentContext } from './deployment-context.js';
import { cleanupOldReplicaSets } from './history.js';
import { syncReplicaSetsAndRevision, splitReplicaSets } from './new-replica-set.js';
import { compareCreation, desiredReplicas, isRollingUpdate, proportionalSizes, specReplicas } from './replica-math.js';
import { desiredReplicasAnnotation } from './revision-annotations.js';
import { refresh } from './rolling.js';
import { syncDeploymentStatus } from './rollout-status.js';

type ReadonlyRS = DeepReadonly<ReplicaSet>;

/** isScalingEvent: an active ReplicaSet was sized for a different replica count than the deployment's. */
export function isScalingEvent(ctx: DeploymentContext): boolean {
  const { newRS, oldRSs } = splitReplicaSets(ctx);
  const desired = desiredReplicas(ctx.d);
  return [...oldRSs, ...(newRS ? [newRS] : [])].some((rs) => {
    if (specReplicas(rs) === 0) return false;
    const annotated = desiredReplicasAnnotation(rs);
    return annotated !== undefined && annotated !== desired;
  });
}

/** sync: scale, clean up history when paused, and write counts (used for paused deployments and scaling events). */
export async function syncScaling(ctx: DeploymentContext): Promise<void> {
  const { newRS, oldRSs } = await syncReplicaSetsAndRevision(ctx, { create: false });
  await scaleReplicaSets(ctx, newRS, oldRSs);
  const current = refresh(ctx, newRS, oldRSs);
  if (ctx.d.spec?.paused) await cleanupOldReplicaSets(ctx, current.oldRSs);
  await syncDeploymentStatus(ctx, current.newRS);
}

/**
 * scale: one active ReplicaSet takes the whole size; a saturated new ReplicaSet retires the old
 * ones; otherwise (rolling) the difference is shared proportionally by size.
 */
async function scaleReplicaSets(ctx: DeploymentContext, newRS: ReadonlyRS | undefined, oldRSs: readonly ReadonlyRS[]): Promise<void> {
  const desired = desiredReplicas(ctx.d);
  const single = activeOrLatest(newRS, oldRSs);
  if (single !== undefined) {
    if (specReplicas(single) !== desired) await scaleReplicaSet(ctx, single, desired);
    return;
  }
  if (newRS !== undefined && isSaturated(newRS, desired)) {
    for (const rs of oldRSs.filter((item) => specReplicas(item) > 0)) await scaleReplicaSet(ctx, rs, 0);
    return;
  }
  if (!isRollingUpdate(ctx.d)) return;
  const active = [...oldRSs, ...(newRS ? [newRS] : [])].filter((rs) => specReplicas(rs) > 0);
  const sizes = proportionalSizes(ctx.d, active);
  for (const rs of active) await scaleReplicaSet(ctx, rs, sizes.get(rs.metadata?.name ?? '') ?? specReplicas(rs));
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest one when none is active. */
function activeOrLatest(newRS: ReadonlyRS | undefined, oldRSs: readonly ReadonlyRS[]): ReadonlyRS | undefined {
  const sortedOld = [...oldRSs].sort(compareCreation);
  const active = [...sortedOld, ...(newRS ? [newRS] : [])].filter((rs) => specReplicas(rs) > 0);
  if (active.length === 0) return newRS ?? sortedOld[sortedOld.length - 1];
  return active.length === 1 ? active[0] : undefined;
}

function isSaturated(newRS: ReadonlyRS, desired: number): boolean {
  return specReplicas(newRS) === desired && desiredReplicasAnnotation(newRS) === desired && (newRS.status?.availableReplicas ?? 0) === desired;
}
