// Aviary additions to `get rollout`: the canary steps with the current one marked, and a timed pause's countdown.
import { PauseReason, type Rollout } from '@aviary/kube';
import { canaryStepString } from '../status/index.js';
import { pauseDurationSeconds } from '../validation/go-duration.js';
import { humanDuration, parseTimestamp } from './human-duration.js';

export const StepState = {
  Completed: 'Completed',
  /** The step at status.currentStepIndex. */
  Current: 'Current',
  Pending: 'Pending',
} as const;
export type StepState = (typeof StepState)[keyof typeof StepState];

export interface StepInfo {
  /** 0-based, as status.currentStepIndex and the `Step: i/N` header count. */
  index: number;
  /** `setWeight: 20`, `pause`, `pause: 10`, `analysis`, `experiment`, … */
  text: string;
  state: StepState;
}

/** The canary steps; without status.currentStepIndex (not reconciled yet) every step is pending. */
export function canaryStepInfos(rollout: Rollout): StepInfo[] {
  const steps = rollout.spec.strategy.canary?.steps ?? [];
  const current = rollout.status?.currentStepIndex;
  return steps.map((step, index) => ({
    index,
    text: canaryStepString(step),
    state: current === undefined || index > current ? StepState.Pending : index === current ? StepState.Current : StepState.Completed,
  }));
}

/** When a timed pause will resume on its own, and how long that is from now. */
export interface PauseCountdown {
  /** The pause condition that will clear. */
  reason: PauseReason;
  /** RFC 3339 instant the controller resumes at. */
  endsAt: string;
  /** Time left as the plugin words durations (`7s`, `4m30s`); `0s` once due but not yet resumed. */
  remaining: string;
  remainingSeconds: number;
}

/** RFC 3339 with whole seconds, as metav1.Time writes it. */
function formatInstant(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The pause-condition start and the seconds it lasts, when the current pause ends by itself. */
function timedPause(rollout: Rollout): { reason: PauseReason; start: number; seconds: number } | undefined {
  const { canary, blueGreen } = rollout.spec.strategy;
  const status = rollout.status ?? {};
  const startOf = (reason: PauseReason): number | undefined => parseTimestamp(status.pauseConditions?.find((c) => c.reason === reason)?.startTime);
  if (canary) {
    const index = status.currentStepIndex;
    const pause = index === undefined ? undefined : canary.steps?.[index]?.pause;
    if (pause?.duration === undefined || pause.duration === null) return undefined;
    const seconds = pauseDurationSeconds(pause.duration);
    const start = startOf(PauseReason.CanaryPauseStep);
    // A duration the controller cannot read (-1) never ends.
    return seconds >= 0 && start !== undefined ? { reason: PauseReason.CanaryPauseStep, start, seconds } : undefined;
  }
  if (blueGreen && blueGreen.autoPromotionEnabled !== false && (blueGreen.autoPromotionSeconds ?? 0) > 0) {
    const start = startOf(PauseReason.BlueGreenPause);
    return start === undefined ? undefined : { reason: PauseReason.BlueGreenPause, start, seconds: blueGreen.autoPromotionSeconds ?? 0 };
  }
  return undefined;
}

/**
 * The countdown of a pause that resumes by itself: a canary `pause: {duration}` step, or a blue-green pause with
 * autoPromotionSeconds. None for an indefinite pause, a user pause (spec.paused) or an aborted rollout, since
 * the controller does not move on by itself then.
 */
export function pauseCountdown(rollout: Rollout, now: number): PauseCountdown | undefined {
  if (rollout.spec.paused || rollout.status?.abort) return undefined;
  const pause = timedPause(rollout);
  if (!pause) return undefined;
  const endsAt = pause.start + pause.seconds * 1000;
  // Rounded up, so the countdown reads 1s (not 0s) in its last second.
  const seconds = Math.ceil(Math.max(0, endsAt - now) / 1000);
  return { reason: pause.reason, endsAt: formatInstant(endsAt), remaining: humanDuration(seconds * 1000), remainingSeconds: seconds };
}
