// revisionHistoryLimit: deleting the oldest scaled-down ReplicaSets (and their AnalysisRuns and Experiments).
// Upstream: rollout/sync.go (reconcileRevisionHistoryLimit).
import { isNotFound, Resources, RolloutsLabel } from '@aviary/kube';
import { deleteAll } from './analysis-cleanup.js';
import type { RolloutContext } from './context.js';
import { sortByCreation, specReplicasOf } from './replicasets.js';

const defaultRevisionHistoryLimit = 10;

/** Keeps at most revisionHistoryLimit (default 10) old ReplicaSets; only fully scaled-down ones are deleted. */
export async function reconcileRevisionHistoryLimit(ctx: RolloutContext): Promise<void> {
  const limit = ctx.rollout.spec.revisionHistoryLimit ?? defaultRevisionHistoryLimit;
  const cleanable = sortByCreation(ctx.otherRSs.filter((rs) => !rs.metadata?.deletionTimestamp));
  const excess = cleanable.length - limit;
  for (const rs of cleanable.slice(0, Math.max(0, excess))) {
    const settled = (rs.metadata?.generation ?? 0) <= (rs.status?.observedGeneration ?? 0);
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicasOf(rs) !== 0 || !settled) continue;
    try {
      await ctx.deps.client.delete(Resources.replicaSets, rs.metadata?.name ?? '', rs.metadata?.namespace);
    } catch (err: unknown) {
      if (!isNotFound(err)) throw err;
    }
    const hash = rs.metadata?.labels?.[RolloutsLabel.PodTemplateHash];
    if (!hash) continue;
    await deleteAll(ctx, Resources.analysisRuns, ctx.otherArs.filter((run) => run.metadata?.labels?.[RolloutsLabel.PodTemplateHash] === hash));
    await deleteAll(ctx, Resources.experiments, ctx.otherExs.filter((ex) => ex.metadata?.labels?.[RolloutsLabel.PodTemplateHash] === hash));
  }
}
