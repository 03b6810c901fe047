// Deployment conditions: reasons and messages as upstream words them, and the set/remove rules of deployment_util.go.
import type { ConditionStatus, DeploymentCondition, DeploymentStatus } from '@aviary/kube';
import { formatTime } from '../shared/time.js';

export const DeploymentReason = {
  NewReplicaSetCreated: 'NewReplicaSetCreated',
  FoundNewReplicaSet: 'FoundNewReplicaSet',
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  ProgressDeadlineExceeded: 'ProgressDeadlineExceeded',
  ReplicaSetCreateError: 'ReplicaSetCreateError',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
  DeploymentPaused: 'DeploymentPaused',
  DeploymentResumed: 'DeploymentResumed',
} as const;
export type DeploymentReason = (typeof DeploymentReason)[keyof typeof DeploymentReason];

export function newDeploymentCondition(options: { type: string; status: ConditionStatus; reason: string; message: string; nowMs: number }): DeploymentCondition {
  const time = formatTime(options.nowMs);
  return { type: options.type, status: options.status, lastUpdateTime: time, lastTransitionTime: time, reason: options.reason, message: options.message };
}

export function getDeploymentCondition(status: Pick<DeploymentStatus, 'conditions'>, type: string): DeploymentCondition | undefined {
  return status.conditions?.find((condition) => condition.type === type);
}

/**
 * SetDeploymentCondition: the same status and reason changes nothing (not even lastUpdateTime);
 * the same status with a new reason keeps lastTransitionTime.
 */
export function setDeploymentCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getDeploymentCondition(status, condition.type);
  if (current !== undefined && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current !== undefined && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

export function removeDeploymentCondition(status: DeploymentStatus, type: string): void {
  if (status.conditions === undefined) return;
  status.conditions = status.conditions.filter((condition) => condition.type !== type);
}
