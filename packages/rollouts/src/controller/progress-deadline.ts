// The progress deadline: when no progress for progressDeadlineSeconds means ProgressDeadlineExceeded (or an abort),
// and the requeue at lastUpdateTime + deadline. Upstream: rollout/sync.go, utils/conditions (RolloutTimedOut).
import { RolloutConditionReason, RolloutConditionType, RolloutEventReason, type Rollout, type RolloutStatus } from '@aviary/kube';
import { currentCanaryStep } from '../replicas/index.js';
import { getRolloutCondition } from './condition-helpers.js';
import { rolloutHealthy, rolloutProgressing, rolloutCompleted } from './rollout-predicates.js';
import type { RolloutContext } from './context.js';
import { RolloutMessage, recordWarning } from './events.js';
import { hasScaleDownDeadline } from './replicasets.js';
import { parseTime } from './time-format.js';

const defaultProgressDeadlineSeconds = 600;

export const progressDeadlineSeconds = (rollout: Rollout): number => rollout.spec.progressDeadlineSeconds ?? defaultProgressDeadlineSeconds;

/** At a pause, analysis or experiment step (or paused), where waiting is not a lack of progress. */
export function isIndefiniteStep(rollout: Rollout): boolean {
  const { step } = currentCanaryStep(rollout);
  if (step && (step.experiment || step.analysis || step.pause)) return true;
  return getRolloutCondition(rollout.status, RolloutConditionType.Paused)?.status === 'True';
}

/** Some other RS is kept up by a scale-down deadline: the rollout is waiting on purpose. */
export function isWaitingForReplicaSetScaleDown(ctx: RolloutContext): boolean {
  return ctx.otherRSs.some((rs) => hasScaleDownDeadline(rs));
}

/** The Progressing condition has gone without an update for longer than the deadline (never while paused or aborted). */
export function rolloutTimedOut(rollout: Rollout, status: RolloutStatus, nowMs: number): boolean {
  const condition = getRolloutCondition(status, RolloutConditionType.Progressing);
  if (!condition || condition.reason === RolloutConditionReason.RolloutAborted || condition.reason === RolloutConditionReason.RolloutPaused) return false;
  if (condition.reason === RolloutConditionReason.ProgressDeadlineExceeded) return true;
  const from = parseTime(condition.lastUpdateTime) ?? nowMs;
  return from + progressDeadlineSeconds(rollout) * 1000 < nowMs;
}

/** The message of the timeout condition: names the new RS when there is one. */
export function timeoutMessage(ctx: RolloutContext): string {
  return ctx.newRS ? RolloutMessage.replicaSetTimedOut(ctx.newRS.metadata?.name ?? '') : RolloutMessage.rolloutTimedOut(ctx.rollout.metadata?.name ?? '');
}

/** progressDeadlineAbort: an in-flight update that timed out is aborted. */
export function evaluateProgressDeadlineAbort(ctx: RolloutContext, newStatus: RolloutStatus): void {
  if (!ctx.rollout.spec.progressDeadlineAbort || ctx.pause.isAborted()) return;
  if (rolloutCompleted(newStatus) || rolloutProgressing(ctx.rollout, newStatus)) return;
  if (isIndefiniteStep(ctx.rollout) || isWaitingForReplicaSetScaleDown(ctx)) return;
  if (!rolloutTimedOut(ctx.rollout, ctx.rollout.status ?? {}, ctx.deps.clock.now())) return;
  const message = timeoutMessage(ctx);
  ctx.pause.addAbort(message);
  recordWarning(ctx.deps.recorder, ctx.rollout, RolloutEventReason.RolloutAborted, message);
}

/**
 * When nothing changed and the rollout is neither healthy, timed out, paused, aborted nor at an indefinite step,
 * re-syncs it at Progressing.lastUpdateTime + deadline (+1 s for clock skew), so the timeout is noticed on time.
 */
export function requeueStuckRollout(ctx: RolloutContext, newStatus: RolloutStatus): void {
  const condition = getRolloutCondition(ctx.rollout.status, RolloutConditionType.Progressing);
  if (!condition) return;
  const status = ctx.rollout.status ?? {};
  const paused = (status.pauseConditions?.length ?? 0) > 0 || Boolean(ctx.rollout.spec.paused);
  if (rolloutHealthy(ctx.rollout, newStatus) || condition.reason === RolloutConditionReason.ProgressDeadlineExceeded || paused || status.abort || isIndefiniteStep(ctx.rollout)) return;
  const now = ctx.deps.clock.now();
  const after = (parseTime(condition.lastUpdateTime) ?? now) + progressDeadlineSeconds(ctx.rollout) * 1000 - now;
  // Close to the deadline: look again just after it passes rather than spinning until then.
  ctx.deps.enqueueAfter(ctx.key, after < 1000 ? Math.max(after + 1, 1) : after + 1000);
}
