// Event reasons and message texts the Rollout controller emits, worded as upstream's utils/conditions constants.
import { EventType, type EventRecorder, type KubeObject } from '@aviary/kube';

/** Upstream message formats (utils/conditions/conditions.go), as functions of their arguments. */
export const RolloutMessage = {
  rolloutUpdated: (revision: string) => `Rollout updated to revision ${revision}`,
  newReplicaSetCreated: (rsName: string, revision: number) => `Created ReplicaSet ${rsName} (revision ${revision})`,
  newReplicaSetCondition: (rsName: string) => `Created new replica set "${rsName}"`,
  foundNewReplicaSet: (rsName: string) => `Found new replica set "${rsName}"`,
  failedReplicaSetCreate: (rsName: string, err: string) => `Failed to create new replica set "${rsName}": ${err}`,
  scalingReplicaSet: (op: 'up' | 'down', rsName: string, revision: number, from: number, to: number) =>
    `Scaled ${op} ReplicaSet ${rsName} (revision ${revision}) from ${from} to ${to}`,
  rolloutCompleted: (revision: number, podHash: string, reason: string) => `Rollout completed update to revision ${revision} (${podHash}): ${reason}`,
  rolloutNotCompleted: (revision: number, podHash: string) => `Rollout not completed, started update to revision ${revision} (${podHash})`,
  stepCompleted: (index: number, count: number, step: string) => `Rollout step ${index}/${count} completed (${step})`,
  rolloutAborted: (revision: number) => `Rollout aborted update to revision ${revision}`,
  replicaSetProgressing: (rsName: string) => `ReplicaSet "${rsName}" is progressing.`,
  rolloutProgressing: (rolloutName: string) => `Rollout "${rolloutName}" is progressing.`,
  replicaSetCompleted: (rsName: string) => `ReplicaSet "${rsName}" has successfully progressed.`,
  replicaSetTimedOut: (rsName: string) => `ReplicaSet "${rsName}" has timed out progressing.`,
  rolloutTimedOut: (rolloutName: string) => `Rollout "${rolloutName}" has timed out progressing.`,
  switchService: (service: string, from: string, to: string) => `Switched selector for service '${service}' from '${from}' to '${to}'`,
  invalidSpec: (rolloutName: string, detail: string) => `The Rollout "${rolloutName}" is invalid: ${detail}`,
  experimentCreated: (name: string) => `Created Experiment '${name}'`,
  analysisRunStatus: (type: string, name: string, phase: string, previous: string) =>
    `${type} Analysis Run '${name}' Status New: '${phase}' Previous: '${previous}'`,
  paused: 'Rollout is paused',
  resumed: 'Rollout is resumed',
  retry: 'Retrying Rollout after abort',
  available: 'Rollout has minimum availability',
  notAvailable: 'Rollout does not have minimum availability',
  healthy: 'Rollout is healthy',
  notHealthy: 'Rollout is not healthy',
  skipStepsToStable: 'Rollback to stable ReplicaSets',
  skipStepsWithinWindow: 'Rollback to active ReplicaSets within RollbackWindow',
} as const;

/** Reasons used only by the controller's own events (the rest are in RolloutEventReason of @aviary/kube). */
export const ControllerEventReason = {
  SkipSteps: 'SkipSteps',
  SwitchService: 'SwitchService',
  ExperimentCreated: 'ExperimentCreated',
} as const;

/** Records a Normal event. */
export function recordNormal(recorder: EventRecorder, object: Readonly<KubeObject>, reason: string, message: string): void {
  recorder.event(object, EventType.Normal, reason, message);
}

/** Records a Warning event. */
export function recordWarning(recorder: EventRecorder, object: Readonly<KubeObject>, reason: string, message: string): void {
  recorder.event(object, EventType.Warning, reason, message);
}
