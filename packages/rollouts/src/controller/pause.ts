// Timed pauses: the CanaryPauseStep condition (adding it, deciding when it is over) and the wake-ups at pause expiry.
// Upstream: rollout/canary.go (reconcileCanaryPause), rollout/pause.go (CompletedCanaryPauseStep, checkEnqueueRolloutDuringWait).
import { PauseReason, type IntOrString, type Rollout, type RolloutPause } from '@aviary/kube';
import { currentCanaryStep } from '../replicas/index.js';
import type { RolloutContext } from './context.js';
import { pauseConditionOf } from './pause-state.js';
import { parseTime } from './time-format.js';

const unitMs: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds; undefined when it does not parse. */
export function parseGoDuration(text: string): number | undefined {
  const match = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(text);
  if (!match) return text === '0' ? 0 : undefined;
  let total = 0;
  for (const part of text.replace(/^[+-]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * (unitMs[part[2] ?? 's'] ?? 0);
  return match[1] === '-' ? -total : total;
}

/** A pause's duration in whole seconds (upstream DurationSeconds): a number, digits, or a Go duration; -1 when invalid. */
export function pauseDurationSeconds(duration: IntOrString | undefined): number {
  if (duration === undefined || duration === null) return -1;
  if (typeof duration === 'number') return Math.trunc(duration);
  if (/^[+-]?\d+$/.test(duration)) return Number.parseInt(duration, 10);
  const ms = parseGoDuration(duration);
  return ms === undefined ? -1 : Math.trunc(ms / 1000);
}

/** The pause step is done: the user resumed (controller-added condition cleared), or its duration elapsed. */
export function completedCanaryPauseStep(ctx: RolloutContext, pause: RolloutPause): boolean {
  const condition = pauseConditionOf(ctx.rollout, PauseReason.CanaryPauseStep);
  if (ctx.rollout.status?.controllerPause && !condition) return true;
  if (pause.duration === undefined || pause.duration === null || !condition) return false;
  const started = parseTime(condition.startTime) ?? 0;
  // At (not only after) the expiry instant: the requeue fires exactly then, and it must make progress.
  return ctx.deps.clock.now() >= started + pauseDurationSeconds(pause.duration) * 1000;
}

/** Blue-green autoPromotionEnabled (default true). */
export function autoPromotionEnabled(rollout: Rollout): boolean {
  return rollout.spec.strategy.blueGreen?.autoPromotionEnabled !== false;
}

/**
 * Requeues the rollout at `startTime + duration` when that comes before the next resync. With `overdue`, an expiry
 * already past wakes it at once through the same timed lane (1 ms), ahead of event-driven syncs.
 */
export function enqueueAtPauseExpiry(ctx: RolloutContext, startTime: string, durationSeconds: number, overdue = false): void {
  const now = ctx.deps.clock.now();
  const expiry = (parseTime(startTime) ?? now) + durationSeconds * 1000;
  if (expiry < now + ctx.deps.resyncPeriodMs && (expiry > now || overdue)) ctx.deps.enqueueAfter(ctx.key, Math.max(expiry - now, 1));
}

/**
 * After a sync that wrote the rollout: as written, it may sit at a timed pause whose wake-up no sync has scheduled
 * yet, because the pause was just added (upstream schedules it one sync later), or because the sync its wake-up
 * started only recorded the Paused conditions and ended there. startTime has whole seconds, so such a pause can
 * expire within milliseconds of being written; this schedules the wake-up (at once when already due) instead of
 * leaving it to the syncs the write's watch events cause, which wait behind every other event-driven sync.
 */
export function enqueueAtWrittenPauseExpiry(ctx: RolloutContext): void {
  const { rollout } = ctx;
  const { step } = currentCanaryStep(rollout);
  const canaryPause = pauseConditionOf(rollout, PauseReason.CanaryPauseStep);
  if (canaryPause && step?.pause?.duration !== undefined && step.pause.duration !== null) {
    enqueueAtPauseExpiry(ctx, canaryPause.startTime, pauseDurationSeconds(step.pause.duration), true);
  }
  const blueGreenPause = pauseConditionOf(rollout, PauseReason.BlueGreenPause);
  const seconds = rollout.spec.strategy.blueGreen?.autoPromotionSeconds ?? 0;
  if (blueGreenPause && seconds > 0 && autoPromotionEnabled(rollout)) enqueueAtPauseExpiry(ctx, blueGreenPause.startTime, seconds, true);
}

/**
 * At a pause step: adds CanaryPauseStep the first time (unless the user already resumed it) and schedules the
 * wake-up of a timed pause. Returns true while the rollout stays at this pause.
 */
export function reconcileCanaryPause(ctx: RolloutContext): boolean {
  const { rollout } = ctx;
  if (rollout.spec.paused || rollout.status?.promoteFull) return false;
  const steps = rollout.spec.strategy.canary?.steps ?? [];
  if (steps.length === 0) return false;
  const { step } = currentCanaryStep(rollout);
  if (!step?.pause) return false; // past the last step, or not a pause step
  const condition = pauseConditionOf(rollout, PauseReason.CanaryPauseStep);
  if (!condition) {
    // No condition: either the controller has not paused yet, or the user has just resumed.
    if (!rollout.status?.controllerPause) ctx.pause.addPauseCondition(PauseReason.CanaryPauseStep);
    return true;
  }
  if (step.pause.duration === undefined || step.pause.duration === null) return true;
  enqueueAtPauseExpiry(ctx, condition.startTime, pauseDurationSeconds(step.pause.duration));
  return true;
}
