// revisionHistoryLimit: delete the oldest fully scaled-down ReplicaSets beyond the limit (sync.go cleanupDeployment).
import { Resources, isNotFound, type DeepReadonly, type ReplicaSet } from '@aviary/kube';
import type { DeploymentContext } from './deployment-context.js';
import { compareCreation } from './replica-math.js';
import { revisionOf } from './revision-annotations.js';

export async function cleanupOldReplicaSets(ctx: DeploymentContext, oldRSs: readonly DeepReadonly<ReplicaSet>[]): Promise<void> {
  const limit = ctx.d.spec?.revisionHistoryLimit ?? 10;
  const cleanable = oldRSs.filter((rs) => rs.metadata?.deletionTimestamp === undefined);
  const surplus = cleanable.length - limit;
  if (surplus <= 0) return;
  const byRevision = [...cleanable].sort((a, b) => revisionOf(a) - revisionOf(b) || compareCreation(a, b));
  for (const rs of byRevision.slice(0, surplus)) {
    // Only ReplicaSets with no pods and an observed spec may go.
    const busy = (rs.status?.replicas ?? 0) !== 0 || (rs.spec?.replicas ?? 1) !== 0 || (rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0);
    if (busy) continue;
    try {
      await ctx.deps.client.delete(Resources.replicaSets, rs.metadata?.name ?? '', rs.metadata?.namespace);
    } catch (err: unknown) {
      if (!isNotFound(err)) throw err;
    }
    ctx.rsList = ctx.rsList.filter((item) => item.metadata?.uid !== rs.metadata?.uid);
  }
}
