// The rollout's conditions — Progressing, Available, Healthy, Completed, Paused, ReplicaFailure — as upstream computes them.
// Upstream: rollout/sync.go (calculateRolloutConditions, checkPausedConditions).
import {
  ConditionStatus,
  RolloutConditionReason,
  RolloutConditionType,
  RolloutEventReason,
  type RolloutCondition,
  type RolloutStatus,
} from '@aviary/kube';
import { replicasOrDefault } from '../replicas/index.js';
import { isSaturated, replicaSetByHash } from './bluegreen-replicas.js';
import { getRolloutCondition, newRolloutCondition, removeRolloutCondition, setRolloutCondition } from './condition-helpers.js';
import type { RolloutContext } from './context.js';
import { RolloutMessage, recordNormal, recordWarning } from './events.js';
import { isIndefiniteStep, isWaitingForReplicaSetScaleDown, rolloutTimedOut, timeoutMessage } from './progress-deadline.js';
import { revisionOf } from './replicasets.js';
import { rolloutCompleted, rolloutHealthy, rolloutProgressing } from './rollout-predicates.js';
import { rolloutPhase } from '../status/index.js';
import { deferRolloutStatusChange } from './status-patch.js';

/** Progressing (the deadline clock), Healthy, Available, ReplicaFailure and Completed on the new status. */
export function calculateRolloutConditions(ctx: RolloutContext, newStatus: RolloutStatus): void {
  const { rollout } = ctx;
  const now = ctx.deps.clock.now();
  const cond = (type: RolloutCondition['type'], status: ConditionStatus, reason: string, message: string) => newRolloutCondition(type, status, reason, message, now);
  const isPaused = (newStatus.pauseConditions?.length ?? 0) > 0 || Boolean(rollout.spec.paused);
  const isAborted = ctx.pause.isAborted();

  let becameUnhealthy = false;
  if (!isPaused && rolloutHealthy(rollout, newStatus)) {
    setRolloutCondition(newStatus, cond(RolloutConditionType.Healthy, ConditionStatus.True, RolloutConditionReason.RolloutHealthy, RolloutMessage.healthy));
  } else if (getRolloutCondition(rollout.status, RolloutConditionType.Healthy)) {
    becameUnhealthy = setRolloutCondition(newStatus, cond(RolloutConditionType.Healthy, ConditionStatus.False, RolloutConditionReason.RolloutHealthy, RolloutMessage.notHealthy));
  }

  if (isAborted) {
    let message = RolloutMessage.rolloutAborted(revisionOf(rollout));
    if (ctx.pause.abortMessage) message = `${message}: ${ctx.pause.abortMessage}`;
    if (setRolloutCondition(newStatus, cond(RolloutConditionType.Progressing, ConditionStatus.False, RolloutConditionReason.RolloutAborted, message))) {
      recordWarning(ctx.deps.recorder, rollout, RolloutEventReason.RolloutAborted, message);
    }
  }

  const current = getRolloutCondition(rollout.status, RolloutConditionType.Progressing);
  if (!isAborted) {
    const rsName = ctx.newRS?.metadata?.name ?? '';
    if (rolloutHealthy(rollout, newStatus)) {
      setRolloutCondition(newStatus, cond(RolloutConditionType.Progressing, ConditionStatus.True, RolloutConditionReason.NewReplicaSetAvailable, RolloutMessage.replicaSetCompleted(rsName)));
    } else if (rolloutProgressing(rollout, newStatus) || becameUnhealthy) {
      const promotedLostAvailability = newStatus.stableRS === newStatus.currentPodHash && becameUnhealthy;
      const reason = promotedLostAvailability ? RolloutConditionReason.ReplicaSetNotAvailable : RolloutConditionReason.ReplicaSetUpdated;
      const message = promotedLostAvailability ? RolloutMessage.notAvailable : ctx.newRS ? RolloutMessage.replicaSetProgressing(rsName) : RolloutMessage.rolloutProgressing(rollout.metadata?.name ?? '');
      const condition = cond(RolloutConditionType.Progressing, ConditionStatus.True, reason, message);
      // Progress refreshes lastUpdateTime even with the same reason; lastTransitionTime stays while it was True.
      if (current) {
        if (current.status === ConditionStatus.True) condition.lastTransitionTime = current.lastTransitionTime;
        removeRolloutCondition(newStatus, RolloutConditionType.Progressing);
      }
      setRolloutCondition(newStatus, condition);
    } else if (!isIndefiniteStep(rollout) && !isWaitingForReplicaSetScaleDown(ctx) && rolloutTimedOut(rollout, newStatus, now)) {
      setRolloutCondition(newStatus, cond(RolloutConditionType.Progressing, ConditionStatus.False, RolloutConditionReason.ProgressDeadlineExceeded, timeoutMessage(ctx)));
    }
  }

  const available = ctx.allRSs.reduce((sum, rs) => sum + (rs.status?.availableReplicas ?? 0), 0);
  // Blue-green: available once the RS behind the active Service is saturated.
  const activeRS = replicaSetByHash(ctx.allRSs, newStatus.blueGreen?.activeSelector);
  if (rollout.spec.strategy.blueGreen && activeRS && isSaturated(rollout, activeRS)) {
    setRolloutCondition(newStatus, cond(RolloutConditionType.Available, ConditionStatus.True, RolloutConditionReason.AvailableReason, RolloutMessage.available));
  } else if (rollout.spec.strategy.canary && available >= replicasOrDefault(rollout.spec.replicas)) {
    setRolloutCondition(newStatus, cond(RolloutConditionType.Available, ConditionStatus.True, RolloutConditionReason.AvailableReason, RolloutMessage.available));
  } else {
    setRolloutCondition(newStatus, cond(RolloutConditionType.Available, ConditionStatus.False, RolloutConditionReason.AvailableReason, RolloutMessage.notAvailable));
  }

  const failure = replicaFailureCondition(ctx);
  if (failure) setRolloutCondition(newStatus, failure);
  else removeRolloutCondition(newStatus, RolloutConditionType.ReplicaFailure);

  if (rolloutCompleted(newStatus)) {
    setRolloutCondition(newStatus, cond(RolloutConditionType.Completed, ConditionStatus.True, RolloutConditionReason.RolloutCompleted, RolloutConditionReason.RolloutCompleted));
  } else if (setRolloutCondition(newStatus, cond(RolloutConditionType.Completed, ConditionStatus.False, RolloutConditionReason.RolloutCompleted, RolloutConditionReason.RolloutCompleted))) {
    recordNormal(ctx.deps.recorder, rollout, RolloutEventReason.RolloutNotCompleted, RolloutMessage.rolloutNotCompleted(revisionOf(rollout), newStatus.currentPodHash ?? ''));
  }
}

/** The ReplicaFailure condition of the new RS (preferred) or of any RS, copied onto the rollout. */
function replicaFailureCondition(ctx: RolloutContext): RolloutCondition | undefined {
  const sets = ctx.newRS ? [ctx.newRS, ...ctx.allRSs] : ctx.allRSs;
  for (const rs of sets) {
    const failure = rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
    if (failure) {
      const time = failure.lastTransitionTime ?? '';
      return { type: RolloutConditionType.ReplicaFailure, status: failure.status, lastUpdateTime: time, lastTransitionTime: time, reason: failure.reason ?? '', message: failure.message ?? '' };
    }
  }
  return undefined;
}

/**
 * A lightweight pre-step: records pause/resume/retry as Progressing=Unknown (and the Paused condition) so a long
 * pause never counts against the progress deadline. Upstream patches these conditions at once and ends the sync
 * there (the next sync, caused by the write's watch event, carries on); here they are left to the sync's own status
 * write and the sync carries on at once, as that next sync would: the same states, one write and one sync fewer.
 * That matters at a pause expiry: a rollout whose Paused condition was not recorded yet still advances in the sync
 * its wake-up starts, instead of waiting for another turn behind every other due wake-up.
 */
export function checkPausedConditions(ctx: RolloutContext): void {
  const { rollout } = ctx;
  const status = rollout.status ?? {};
  if (String(rollout.metadata?.generation ?? 0) !== status.observedGeneration) return; // a spec change needs the full reconcile
  const now = ctx.deps.clock.now();
  const progressing = getRolloutCondition(status, RolloutConditionType.Progressing);
  const progressingPaused = progressing?.reason === RolloutConditionReason.RolloutPaused;
  const isPaused = (status.pauseConditions?.length ?? 0) > 0 || Boolean(rollout.spec.paused);
  const abortConditionExists = progressing?.reason === RolloutConditionReason.RolloutAborted;
  const updates: RolloutCondition[] = [];
  if (isPaused !== progressingPaused && !abortConditionExists && !rolloutCompleted(status)) {
    const reason = isPaused ? RolloutConditionReason.RolloutPaused : RolloutConditionReason.RolloutResumed;
    updates.push(newRolloutCondition(RolloutConditionType.Progressing, ConditionStatus.Unknown, reason, isPaused ? RolloutMessage.paused : RolloutMessage.resumed, now));
  }
  if (!status.abort && abortConditionExists) {
    updates.push(newRolloutCondition(RolloutConditionType.Progressing, ConditionStatus.Unknown, RolloutConditionReason.RolloutRetry, RolloutMessage.retry, now));
  }
  const pausedTrue = getRolloutCondition(status, RolloutConditionType.Paused)?.status === ConditionStatus.True;
  if (isPaused !== pausedTrue && !abortConditionExists) {
    updates.push(newRolloutCondition(RolloutConditionType.Paused, isPaused ? ConditionStatus.True : ConditionStatus.False, RolloutConditionReason.RolloutPaused, RolloutMessage.paused, now));
  }
  if (updates.length === 0) return;
  deferRolloutStatusChange(ctx, (deferred) => {
    for (const condition of updates) setRolloutCondition(deferred, condition);
    // As upstream's patchCondition: phase and message follow the conditions (a sync with no status write of its
    // own sends exactly this).
    const { phase, message } = rolloutPhase({ ...rollout, status: deferred });
    deferred.phase = phase;
    deferred.message = message;
  });
}
