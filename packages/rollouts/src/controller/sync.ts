// syncRollout: one reconcile of one Rollout key — load, validate, find or create the new RS, then run the strategy.
// Upstream: rollout/controller.go (syncHandler, newRolloutContext), rollout/context.go (reconcile).
import {
  copyJson,
  ConditionStatus,
  PatchType,
  Resources,
  RolloutConditionReason,
  RolloutConditionType,
  splitObjectKey,
  type AnalysisRun,
  type DeepReadonly,
  type Experiment,
  type ReplicaSet,
  type Rollout,
} from '@aviary/kube';
import { replicasOrDefault } from '../replicas/index.js';
import { isFullyPromoted } from '../status/index.js';
import { rolloutBlueGreen, syncBlueGreenReplicasOnly } from './bluegreen.js';
import { rolloutCanary } from './canary.js';
import { reconcileCanaryReplicaSets } from './canary-scaling.js';
import { getRolloutCondition, newRolloutCondition, removeRolloutCondition, setRolloutCondition } from './condition-helpers.js';
import { checkPausedConditions } from './conditions.js';
import type { ControllerDeps, RolloutContext } from './context.js';
import { RolloutMessage } from './events.js';
import { enqueueAtWrittenPauseExpiry } from './pause.js';
import { PauseState } from './pause-state.js';
import { createDesiredReplicaSet, syncReplicaSetRevision } from './replicaset-create.js';
import { assignReplicaSets, findNewReplicaSet, specReplicasOf, timeUntilScaleDownDeadline } from './replicasets.js';
import { flushDeferredStatus, patchRolloutStatus } from './status-patch.js';
import { actualReplicas, availableReplicas, persistRolloutStatus } from './status.js';
import { resolveWorkloadRef, WorkloadRefError } from './workload-ref.js';

/** How soon a sync skipped for a cache older than our own last write looks again. */
const staleCacheRecheckMs = 20;

/** How long an invalid rollout waits before it is looked at again (upstream: 20 s). */
const invalidSpecRecheckMs = 20_000;

/**
 * The rollout a sync works on: its own metadata and status (the sync changes those) around the cache's spec, which
 * is shared — frozen, so the hashes and the validation of a spec are remembered by identity across syncs, and no
 * step can change it by mistake. A workloadRef rollout gets its template filled in here, so its spec is copied.
 */
function workingCopy(cached: DeepReadonly<Rollout>): Rollout {
  if (cached.spec?.workloadRef) return copyJson(cached) as Rollout;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cached)) copy[key] = key === 'metadata' || key === 'status' ? copyJson(value) : value;
  return copy as unknown as Rollout;
}

/** Builds the context: the rollout's RSs (new/stable/others), runs and experiments, from the cache. */
function newRolloutContext(deps: ControllerDeps, key: string, rollout: Rollout): RolloutContext {
  const owner = { namespace: rollout.metadata?.namespace ?? '', name: rollout.metadata?.name ?? '', uid: rollout.metadata?.uid };
  const allRSs = deps.view.ownedReplicaSets(owner).map((rs) => copyJson(rs) as ReplicaSet);
  const runs = deps.view.ownedAnalysisRuns(owner).map((run) => copyJson(run) as AnalysisRun);
  const experiments = deps.view.ownedExperiments(owner).map((ex) => copyJson(ex) as Experiment);
  const status = rollout.status ?? {};
  const byName = (name: string | undefined) => (name ? runs.find((run) => run.metadata?.name === name) : undefined);
  const currentArs = {
    step: byName(status.canary?.currentStepAnalysisRunStatus?.name),
    background: byName(status.canary?.currentBackgroundAnalysisRunStatus?.name),
    prePromotion: byName(status.blueGreen?.prePromotionAnalysisRunStatus?.name),
    postPromotion: byName(status.blueGreen?.postPromotionAnalysisRunStatus?.name),
  };
  const currentNames = new Set(Object.values(currentArs).map((run) => run?.metadata?.name).filter(Boolean));
  const currentEx = status.canary?.currentExperiment ? experiments.find((ex) => ex.metadata?.name === status.canary?.currentExperiment) : undefined;
  const ctx: RolloutContext = {
    deps,
    key,
    rollout,
    written: false,
    newRS: findNewReplicaSet(rollout, allRSs),
    allRSs,
    olderRSs: [],
    otherRSs: [],
    currentArs,
    otherArs: runs.filter((run) => !currentNames.has(run.metadata?.name)),
    currentEx,
    otherExs: experiments.filter((ex) => ex !== currentEx),
    newStatus: {
      ...(status.restartedAt ? { restartedAt: status.restartedAt } : {}),
      ...(status.alb ? { alb: status.alb } : {}),
      ...(status.albs ? { albs: status.albs } : {}),
      ...(status.duration ? { duration: status.duration } : {}),
      canary: status.canary?.weights ? { weights: copyJson(status.canary.weights) } : {},
      blueGreen: {},
    },
    pause: new PauseState(rollout),
    newRSWithinDelay: false,
  };
  assignReplicaSets(ctx);
  ctx.newRSWithinDelay = timeUntilScaleDownDeadline(ctx.newRS, deps.clock.now()) !== undefined;
  return ctx;
}

/** Writes (or refreshes) the InvalidSpec condition; the rollout is looked at again later, never retried hot. */
async function recordInvalidSpec(ctx: RolloutContext, detail: string): Promise<void> {
  const message = RolloutMessage.invalidSpec(ctx.rollout.metadata?.name ?? '', detail);
  const status = copyJson(ctx.rollout.status ?? {});
  const previous = getRolloutCondition(status, RolloutConditionType.InvalidSpec);
  if (previous && previous.message !== message) removeRolloutCondition(status, RolloutConditionType.InvalidSpec);
  setRolloutCondition(status, newRolloutCondition(RolloutConditionType.InvalidSpec, ConditionStatus.True, RolloutConditionReason.InvalidSpec, message, ctx.deps.clock.now()));
  await patchRolloutStatus(ctx, status);
  ctx.deps.enqueueAfter(ctx.key, invalidSpecRecheckMs);
}

/** A scaling event (spec.replicas changed): only replica counts are reconciled. Upstream: syncReplicasOnly. */
function isScalingEvent(ctx: RolloutContext): boolean {
  const replicas = replicasOrDefault(ctx.rollout.spec.replicas);
  return [ctx.newRS, ctx.stableRS].some((rs) => {
    if (!rs || specReplicasOf(rs) === 0) return false;
    const desired = rs.metadata?.annotations?.['rollout.argoproj.io/desired-replicas'];
    return desired !== undefined && Number.parseInt(desired, 10) !== replicas;
  });
}

/** Reconciles the rollout `key`. Throws to be retried with backoff; a missing rollout is simply done. */
export async function syncRollout(deps: ControllerDeps, key: string): Promise<void> {
  const { namespace, name } = splitObjectKey(key);
  const cached = deps.view.getRollout(namespace ?? '', name);
  if (!cached) {
    deps.versions.forget(key);
    return;
  }
  if (deps.versions.isStale(key, cached.metadata?.resourceVersion)) {
    // Our newer write is on its way to the cache. Look again shortly through a timed requeue, which keeps the
    // priority of a due wake-up (a pause that expires just after it was written) instead of waiting for the
    // watch event to queue the key behind the backlog.
    deps.enqueueAfter(key, staleCacheRecheckMs);
    return;
  }
  if (cached.metadata?.deletionTimestamp) return;
  const rollout = workingCopy(cached);
  let resolveError: string | undefined;
  let workloadGeneration: string | undefined;
  try {
    workloadGeneration = await resolveWorkloadRef(deps.client, rollout);
  } catch (err: unknown) {
    if (!(err instanceof WorkloadRefError)) throw err;
    resolveError = err.message;
  }
  const ctx = newRolloutContext(deps, key, rollout);
  if (resolveError !== undefined) return recordInvalidSpec(ctx, resolveError);
  const invalid = deps.validate(ctx.rollout);
  if (invalid !== undefined) return recordInvalidSpec(ctx, invalid);
  if (workloadGeneration !== undefined) ctx.newStatus.workloadObservedGeneration = workloadGeneration;

  if (!ctx.newRS) await createDesiredReplicaSet(ctx);
  if (isFullyPromoted(ctx.rollout) && ctx.pause.isAborted()) ctx.pause.removeAbort(); // nothing left to abort
  if (ctx.rollout.spec.replicas === undefined || ctx.rollout.spec.replicas === null) {
    await deps.client.patch(Resources.rollouts, name, namespace, { spec: { replicas: 1 } }, PatchType.Merge);
  } else {
    await reconcile(ctx);
  }
  await flushDeferredStatus(ctx); // a deferred condition that no status patch carried
  if (ctx.written) enqueueAtWrittenPauseExpiry(ctx);
}

async function reconcile(ctx: RolloutContext): Promise<void> {
  checkPausedConditions(ctx);
  if (isScalingEvent(ctx)) {
    await syncReplicaSetRevision(ctx);
    if (!ctx.rollout.spec.strategy.canary) return syncBlueGreenReplicasOnly(ctx);
    await reconcileCanaryReplicaSets(ctx);
    const newStatus = copyJson(ctx.rollout.status ?? {});
    newStatus.availableReplicas = availableReplicas(ctx);
    newStatus.HPAReplicas = actualReplicas(ctx);
    return persistRolloutStatus(ctx, newStatus);
  }
  if (ctx.rollout.spec.strategy.blueGreen) return rolloutBlueGreen(ctx);
  if (ctx.rollout.spec.strategy.canary) return rolloutCanary(ctx);
}

