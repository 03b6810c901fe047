// Terminating AnalysisRuns and Experiments the rollout no longer waits on, and trimming old ones to the history limits.
// Upstream: rollout/analysis.go (cancelAnalysisRuns, deleteAnalysisRuns), utils/analysis/filter.go (FilterAnalysisRunsToDelete).
import { isNotFound, PatchType, Resources, RolloutsLabel, type AnalysisRun, type Experiment, type ResourceType } from '@aviary/kube';
import { isAnalysisCompleted } from './analysis-run-factory.js';
import type { RolloutContext } from './context.js';
import { podHashOf } from './replicasets.js';
import { parseTime } from './time-format.js';

const defaultHistoryLimit = 5;

/** Sets spec.terminate on every unfinished run given (undefined entries are skipped). */
export async function terminateAnalysisRuns(ctx: RolloutContext, runs: readonly (AnalysisRun | Experiment | undefined)[], type: ResourceType = Resources.analysisRuns): Promise<void> {
  for (const run of runs) {
    if (!run || run.spec.terminate || isAnalysisCompleted(run.status?.phase)) continue;
    try {
      await ctx.deps.client.patch(type, run.metadata?.name ?? '', run.metadata?.namespace, { spec: { terminate: true } }, PatchType.Merge);
    } catch (err: unknown) {
      if (!isNotFound(err)) throw err;
    }
  }
}

/**
 * Old runs to delete: those whose ReplicaSet is gone (or going), and, newest first, successful runs beyond
 * successfulRunHistoryLimit and unsuccessful ones beyond unsuccessfulRunHistoryLimit (both default 5).
 */
export function runsToDelete<T extends AnalysisRun | Experiment>(ctx: RolloutContext, runs: readonly T[]): T[] {
  const limits = ctx.rollout.spec.analysis ?? {};
  const limitSuccessful = limits.successfulRunHistoryLimit ?? defaultHistoryLimit;
  const limitUnsuccessful = limits.unsuccessfulRunHistoryLimit ?? defaultHistoryLimit;
  const rsDeleting = new Map(ctx.allRSs.map((rs) => [podHashOf(rs), Boolean(rs.metadata?.deletionTimestamp)]));
  const newestFirst = [...runs].sort((a, b) => (parseTime(b.metadata?.creationTimestamp) ?? 0) - (parseTime(a.metadata?.creationTimestamp) ?? 0));
  let keptSuccessful = 0;
  let keptUnsuccessful = 0;
  const doomed: T[] = [];
  for (const run of newestFirst) {
    const hash = run.metadata?.labels?.[RolloutsLabel.PodTemplateHash];
    if (hash === undefined || !rsDeleting.has(hash) || rsDeleting.get(hash)) {
      doomed.push(run);
      continue;
    }
    const phase = run.status?.phase;
    if (phase === 'Successful') {
      if (keptSuccessful < limitSuccessful) keptSuccessful++;
      else doomed.push(run);
    } else if (phase === 'Failed' || phase === 'Error' || phase === 'Inconclusive') {
      if (keptUnsuccessful < limitUnsuccessful) keptUnsuccessful++;
      else doomed.push(run);
    }
  }
  return doomed;
}

export async function deleteAll(ctx: RolloutContext, type: ResourceType, objects: readonly (AnalysisRun | Experiment)[]): Promise<void> {
  for (const object of objects) {
    if (object.metadata?.deletionTimestamp) continue;
    try {
      await ctx.deps.client.delete(type, object.metadata?.name ?? '', object.metadata?.namespace);
    } catch (err: unknown) {
      if (!isNotFound(err)) throw err;
    }
  }
}

export async function trimAnalysisRuns(ctx: RolloutContext, others: readonly AnalysisRun[]): Promise<void> {
  await deleteAll(ctx, Resources.analysisRuns, runsToDelete(ctx, others));
}
