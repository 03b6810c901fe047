// Recreate: scale every old ReplicaSet to 0, wait for their pods to go, then bring up the new one (recreate.go).
import type { DeepReadonly, Pod, ReplicaSet } from '@aviary/kube';
import { controllerOf } from '../shared/owner-reference.js';
import { scaleReplicaSet, type DeploymentContext } from './deployment-context.js';
import { deploymentComplete } from './deployment-status.js';
import { cleanupOldReplicaSets } from './history.js';
import { syncReplicaSetsAndRevision } from './new-replica-set.js';
import { desiredReplicas, specReplicas } from './replica-math.js';
import { refresh } from './rolling.js';
import { syncRolloutStatus } from './rollout-status.js';

export async function rolloutRecreate(ctx: DeploymentContext): Promise<void> {
  let { newRS, oldRSs } = await syncReplicaSetsAndRevision(ctx, { create: false });
  // Step 1: scale down every active old ReplicaSet.
  let scaledDown = false;
  for (const rs of oldRSs.filter((item) => specReplicas(item) > 0)) {
    if ((await scaleReplicaSet(ctx, rs, 0)).scaled) scaledDown = true;
  }
  if (scaledDown) {
    await syncRolloutStatus(ctx, newRS);
    return;
  }
  // Step 2: wait until no old pod is left running.
  if (oldPodsRunning(ctx, newRS, refresh(ctx, newRS, oldRSs).oldRSs)) {
    await syncRolloutStatus(ctx, newRS);
    return;
  }
  // Step 3: create (at full size) or scale up the new ReplicaSet.
  if (newRS === undefined) ({ newRS, oldRSs } = await syncReplicaSetsAndRevision(ctx, { create: true }));
  if (newRS !== undefined) newRS = (await scaleReplicaSet(ctx, newRS, desiredReplicas(ctx.d))).rs;
  const status = await syncRolloutStatus(ctx, newRS);
  if (deploymentComplete(ctx.d, status)) await cleanupOldReplicaSets(ctx, refresh(ctx, newRS, oldRSs).oldRSs);
}

/** Old ReplicaSets still report pods, or a pod of theirs is not finished (oldPodsRunning). */
function oldPodsRunning(ctx: DeploymentContext, newRS: DeepReadonly<ReplicaSet> | undefined, oldRSs: readonly DeepReadonly<ReplicaSet>[]): boolean {
  if (oldRSs.some((rs) => (rs.status?.replicas ?? 0) > 0)) return true;
  const oldUids = new Set(oldRSs.map((rs) => rs.metadata?.uid));
  return ctx.deps.pods.list(ctx.d.metadata?.namespace).some((pod: DeepReadonly<Pod>) => {
    const owner = controllerOf(pod)?.uid;
    if (owner === undefined || owner === newRS?.metadata?.uid || !oldUids.has(owner)) return false;
    return pod.status?.phase !== 'Failed' && pod.status?.phase !== 'Succeeded';
  });
}
