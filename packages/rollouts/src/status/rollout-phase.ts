// A rollout's phase and message (Healthy, Progressing, Paused, Degraded), computed as upstream's controller does.
import { AnalysisPhase, RolloutConditionType, RolloutPhase, type CanaryStep, type Rollout } from '@aviary/kube';

export interface PhaseAndMessage {
  phase: RolloutPhase;
  message: string;
}

const degradedReasons = new Set(['RolloutAborted', 'ProgressDeadlineExceeded']);
const completedAnalysisPhases = new Set<string>([AnalysisPhase.Successful, AnalysisPhase.Failed, AnalysisPhase.Error, AnalysisPhase.Inconclusive]);

/** The stable ReplicaSet is the current pod template's: nothing left to roll out. */
export function isFullyPromoted(rollout: Rollout): boolean {
  return rollout.status?.stableRS === rollout.status?.currentPodHash;
}

function waitingForPostPromotionAnalysis(rollout: Rollout): boolean {
  if (!rollout.spec.strategy.blueGreen?.postPromotionAnalysis) return false;
  const run = rollout.status?.blueGreen?.postPromotionAnalysisRunStatus;
  return !run || !completedAnalysisPhases.has(run.status ?? '');
}

/**
 * The phase and message the controller writes to status (upstream CalculateRolloutPhase). The first matching rule
 * wins: an invalid spec, an abort or a progress timeout make it Degraded; a user or controller pause makes it
 * Paused; pending updates, availability, service cutover or remaining steps keep it Progressing; otherwise Healthy.
 */
export function rolloutPhase(rollout: Rollout): PhaseAndMessage {
  const { spec } = rollout;
  const status = rollout.status ?? {};
  for (const condition of status.conditions ?? []) {
    if (condition.type === RolloutConditionType.InvalidSpec) return { phase: RolloutPhase.Degraded, message: `InvalidSpec: ${condition.message ?? ''}` };
    if (condition.reason && degradedReasons.has(condition.reason)) return { phase: RolloutPhase.Degraded, message: `${condition.reason}: ${condition.message ?? ''}` };
  }
  if (spec.paused) return { phase: RolloutPhase.Paused, message: 'manually paused' };
  const pause = status.pauseConditions?.[0];
  if (pause) return { phase: RolloutPhase.Paused, message: pause.reason };
  if (spec.restartAt && (!status.restartedAt || Date.parse(spec.restartAt) !== Date.parse(status.restartedAt))) {
    return { phase: RolloutPhase.Progressing, message: 'rollout is restarting' };
  }
  const replicas = spec.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  if (updated < replicas) return { phase: RolloutPhase.Progressing, message: 'more replicas need to be updated' };
  if ((status.availableReplicas ?? 0) < updated) return { phase: RolloutPhase.Progressing, message: 'updated replicas are still becoming available' };
  if (spec.strategy.blueGreen) {
    const active = status.blueGreen?.activeSelector;
    if (!active || active !== status.currentPodHash) return { phase: RolloutPhase.Progressing, message: 'active service cutover pending' };
    if (!status.stableRS || !isFullyPromoted(rollout)) {
      return waitingForPostPromotionAnalysis(rollout)
        ? { phase: RolloutPhase.Progressing, message: 'waiting for analysis to complete' }
        : { phase: RolloutPhase.Progressing, message: 'waiting for post-promotion verification to complete' };
    }
  } else if (spec.strategy.canary) {
    // Only a basic canary waits for old pods: the others keep old pods up on purpose (scale-down delay).
    if (!spec.strategy.canary.trafficRouting && (status.replicas ?? 0) > updated) {
      return { phase: RolloutPhase.Progressing, message: 'old replicas are pending termination' };
    }
    if (!status.stableRS || !isFullyPromoted(rollout)) return { phase: RolloutPhase.Progressing, message: 'waiting for all steps to complete' };
  }
  return { phase: RolloutPhase.Healthy, message: '' };
}

/**
 * The phase a client shows (upstream GetRolloutPhase): Progressing while the controller has not yet observed the
 * latest spec or is unpausing, else the phase the controller recorded (computed here for old objects without one).
 */
export function displayedRolloutPhase(rollout: Rollout): PhaseAndMessage {
  const status = rollout.status ?? {};
  const observed = Number.parseInt(status.observedGeneration ?? '', 10);
  const generation = rollout.metadata?.generation ?? 0;
  if (!Number.isNaN(observed) && observed < generation) {
    return { phase: RolloutPhase.Progressing, message: 'waiting for rollout spec update to be observed' };
  }
  if (status.controllerPause && (status.pauseConditions ?? []).length === 0) {
    return { phase: RolloutPhase.Progressing, message: 'waiting for rollout to unpause' };
  }
  if (status.phase) return { phase: status.phase, message: status.message ?? '' };
  return rolloutPhase(rollout);
}

/** The text used in "Rollout step i/N completed (…)" events: `setWeight: 20`, `pause: 10s`, `analysis`, … */
export function canaryStepString(step: CanaryStep): string {
  if (step.setWeight !== undefined && step.setWeight !== null) return `setWeight: ${step.setWeight}`;
  if (step.pause) return step.pause.duration !== undefined && step.pause.duration !== null ? `pause: ${step.pause.duration}` : 'pause';
  if (step.experiment) return 'experiment';
  if (step.analysis) return 'analysis';
  if (step.setCanaryScale) {
    const scale = step.setCanaryScale;
    if (scale.weight !== undefined && scale.weight !== null) return `setCanaryScale{weight: ${scale.weight}}`;
    if (scale.matchTrafficWeight) return 'setCanaryScale{matchTrafficWeight: true}';
    if (scale.replicas !== undefined && scale.replicas !== null) return `setCanaryScale{replicas: ${scale.replicas}}`;
  }
  if (step.plugin) return `plugin: ${step.plugin.name}`;
  if (step.setHeaderRoute) return `setHeaderRoute: ${step.setHeaderRoute.name ?? ''}`;
  if (step.setMirrorRoute) return `setMirrorRoute: ${step.setMirrorRoute.name}`;
  return 'invalid';
}
