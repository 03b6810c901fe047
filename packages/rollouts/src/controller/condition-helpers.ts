// Rollout condition helpers with upstream semantics: a condition changes only when its status or reason does,
// and lastTransitionTime is kept while the status stays the same. Upstream: utils/conditions/conditions.go.
import type { ConditionStatus, RolloutCondition, RolloutConditionType, RolloutStatus } from '@aviary/kube';
import { formatTime } from './time-format.js';

export function newRolloutCondition(type: RolloutConditionType, status: ConditionStatus, reason: string, message: string, nowMs: number): RolloutCondition {
  const now = formatTime(nowMs);
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

export function getRolloutCondition(status: RolloutStatus | undefined, type: RolloutConditionType): RolloutCondition | undefined {
  return status?.conditions?.find((condition) => condition.type === type);
}

/**
 * Puts `condition` into `status` unless one of that type with the same status and reason is there already
 * (then nothing changes, the message included). Returns whether it changed.
 */
export function setRolloutCondition(status: RolloutStatus, condition: RolloutCondition): boolean {
  const current = getRolloutCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return false;
  const next = { ...condition };
  if (current && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
  return true;
}

export function removeRolloutCondition(status: RolloutStatus, type: RolloutConditionType): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((condition) => condition.type !== type);
}
