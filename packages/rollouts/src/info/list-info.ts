// One row per Rollout / Experiment for `list rollouts` and `list experiments`.
// Upstream: pkg/kubectl-argo-rollouts/cmd/list/rollloutinfo.go, list_experiments.go.
import type { Experiment, Rollout } from '@aviary/kube';
import { currentSetWeight, replicasOrDefault } from '../replicas/index.js';
import { displayedRolloutPhase } from '../status/index.js';
import { parseGoDuration } from '../validation/go-duration.js';
import { ageOf, humanDuration, parseTimestamp } from './human-duration.js';

export interface RolloutListRow {
  namespace: string;
  name: string;
  /** Canary, BlueGreen, or `unknown`. */
  strategy: string;
  status: string;
  /** `i/N`, or `-`. */
  step: string;
  /** The weight the current step asks for, or `-` (blue-green). */
  setWeight: string;
  /** `ready/current`. */
  ready: string;
  desired: number;
  upToDate: number;
  available: number;
}

/** The list columns of one Rollout. */
export function rolloutListRow(rollout: Rollout): RolloutListRow {
  const status = rollout.status ?? {};
  const { canary, blueGreen } = rollout.spec.strategy;
  let strategy = 'unknown';
  let step = '-';
  let setWeight = '-';
  if (canary) {
    strategy = 'Canary';
    const steps = canary.steps ?? [];
    if (status.currentStepIndex !== undefined && status.currentStepIndex !== null && steps.length > 0) step = `${status.currentStepIndex}/${steps.length}`;
    setWeight = String(currentSetWeight(rollout));
  } else if (blueGreen) {
    strategy = 'BlueGreen';
  }
  return {
    namespace: rollout.metadata?.namespace ?? '',
    name: rollout.metadata?.name ?? '',
    strategy,
    status: displayedRolloutPhase(rollout).phase,
    step,
    setWeight,
    ready: `${status.readyReplicas ?? 0}/${status.replicas ?? 0}`,
    desired: replicasOrDefault(rollout.spec.replicas),
    upToDate: status.updatedReplicas ?? 0,
    available: status.availableReplicas ?? 0,
  };
}

export interface ExperimentListRow {
  namespace: string;
  name: string;
  status: string;
  /** spec.duration as a human duration, or `-`. */
  duration: string;
  /** Time left of a running experiment's duration, or `-`. */
  remaining: string;
  age: string;
}

const completedPhases = new Set(['Successful', 'Failed', 'Error', 'Inconclusive']);

/** The list columns of one Experiment at `now`. */
export function experimentListRow(experiment: Experiment, now: number): ExperimentListRow {
  let duration = '-';
  let remaining = '-';
  const text = experiment.spec.duration ?? '';
  let ms: number | undefined;
  try {
    ms = text ? parseGoDuration(text) : undefined;
  } catch {
    ms = undefined;
  }
  if (ms !== undefined) {
    duration = humanDuration(ms);
    const availableAt = parseTimestamp(experiment.status?.availableAt);
    const phase = experiment.status?.phase ?? '';
    if (!completedPhases.has(phase) && availableAt !== undefined && availableAt + ms - now > 0) remaining = humanDuration(availableAt + ms - now);
  }
  return {
    namespace: experiment.metadata?.namespace ?? '',
    name: experiment.metadata?.name ?? '',
    status: experiment.status?.phase ?? '',
    duration,
    remaining,
    age: ageOf(experiment.metadata?.creationTimestamp, now),
  };
}
