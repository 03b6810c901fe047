// Predicates over an old and a new rollout status: healthy, progressing, completed. Upstream: utils/conditions.
import type { Rollout, RolloutStatus } from '@aviary/kube';
import { replicasOrDefault } from '../replicas/index.js';

/** stableRS is set and equals currentPodHash. */
export function rolloutCompleted(status: RolloutStatus): boolean {
  return Boolean(status.stableRS) && status.stableRS === status.currentPodHash;
}

/** Every replica updated and available, the spec observed, and the strategy finished. */
export function rolloutHealthy(rollout: Rollout, status: RolloutStatus): boolean {
  const replicas = replicasOrDefault(rollout.spec.replicas);
  let completedStrategy = true;
  const { blueGreen, canary } = rollout.spec.strategy;
  if (blueGreen) {
    const active = status.blueGreen?.activeSelector === status.currentPodHash;
    const preview = !blueGreen.previewService || status.blueGreen?.previewSelector === status.currentPodHash;
    completedStrategy = active && preview;
  }
  if (canary) {
    const steps = canary.steps?.length ?? 0;
    const executedAll = steps === 0 || status.currentStepIndex === undefined || status.currentStepIndex === null || status.currentStepIndex === steps;
    completedStrategy = executedAll && rolloutCompleted(status) && (status.replicas ?? 0) === replicas;
  }
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    rollout.status?.observedGeneration === String(rollout.metadata?.generation ?? 0) &&
    completedStrategy
  );
}

/** Progress compared with the previous status: pods updated, old pods gone, more ready/available, step or stable moved. */
export function rolloutProgressing(rollout: Rollout, status: RolloutStatus): boolean {
  const old = rollout.status ?? {};
  let strategyProgress = false;
  if (rollout.spec.strategy.blueGreen) {
    strategyProgress = old.blueGreen?.activeSelector !== status.blueGreen?.activeSelector || old.blueGreen?.previewSelector !== status.blueGreen?.previewSelector;
  }
  if (rollout.spec.strategy.canary) {
    const stepMoved = old.currentStepIndex !== undefined && status.currentStepIndex !== undefined && old.currentStepIndex !== status.currentStepIndex;
    strategyProgress = (status.stableRS ?? '') !== (old.stableRS ?? '') || stepMoved || (status.currentStepHash ?? '') !== (old.currentStepHash ?? '');
  }
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (status.replicas ?? 0) - (status.updatedReplicas ?? 0);
  return (
    (status.updatedReplicas ?? 0) !== (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0) ||
    strategyProgress
  );
}
