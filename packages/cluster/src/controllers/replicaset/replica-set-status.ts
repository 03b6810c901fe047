// ReplicaSet status math: counts from the pods it owns, and the ReplicaFailure condition (replica_set_utils.go calculateStatus).
import { omitZeroFields } from '../shared/omit-zero.js';
import type { DeepReadonly, Pod, ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from '@aviary/kube';
import { isPodAvailable, isPodReady, msUntilPodAvailable } from '../shared/pod-conditions.js';
import { formatTime } from '../shared/time.js';

export interface ReplicaSetStatusInput {
  rs: DeepReadonly<ReplicaSet>;
  /** The active pods the ReplicaSet owns. */
  pods: readonly DeepReadonly<Pod>[];
  /** What went wrong creating or deleting pods in this sync, if anything. */
  manageError?: { message: string; scaleUp: boolean };
  nowMs: number;
}

/**
 * The new status: `replicas` counts owned active pods; `fullyLabeledReplicas` those carrying every
 * template label; `readyReplicas` those Ready; `availableReplicas` those Ready for longer than
 * minReadySeconds. A create/delete error sets ReplicaFailure (FailedCreate / FailedDelete); a
 * clean sync removes it.
 */
export function calculateReplicaSetStatus(input: ReplicaSetStatusInput): ReplicaSetStatus {
  const { rs, pods, nowMs } = input;
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  const templateLabels = Object.entries(rs.spec?.template?.metadata?.labels ?? {});
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    const labels = pod.metadata?.labels ?? {};
    if (templateLabels.every(([key, value]) => labels[key] === value)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, nowMs)) available++;
    }
  }
  const status: ReplicaSetStatus = {
    replicas: pods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata?.generation ?? rs.status?.observedGeneration ?? 0,
  };
  const conditions = replicaFailureConditions(rs, input.manageError, nowMs);
  if (conditions.length > 0) status.conditions = conditions;
  // apps/v1 ReplicaSetStatus: every field but `replicas` is omitempty.
  return omitZeroFields(status, ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration']);
}

function replicaFailureConditions(rs: DeepReadonly<ReplicaSet>, manageError: ReplicaSetStatusInput['manageError'], nowMs: number): ReplicaSetCondition[] {
  const existing = (rs.status?.conditions ?? []).map((condition) => structuredClone(condition) as ReplicaSetCondition);
  const failure = existing.find((condition) => condition.type === 'ReplicaFailure');
  if (manageError !== undefined && failure === undefined) {
    const reason = manageError.scaleUp ? 'FailedCreate' : 'FailedDelete';
    return [...existing, { type: 'ReplicaFailure', status: 'True', lastTransitionTime: formatTime(nowMs), reason, message: manageError.message }];
  }
  if (manageError === undefined && failure !== undefined) return existing.filter((condition) => condition.type !== 'ReplicaFailure');
  return existing;
}

/** The soonest moment (ms from now) a ready pod turns available, to requeue then; undefined when none is waiting. */
export function nextAvailabilityCheckMs(rs: DeepReadonly<ReplicaSet>, pods: readonly DeepReadonly<Pod>[], nowMs: number): number | undefined {
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  let soonest: number | undefined;
  for (const pod of pods) {
    const wait = msUntilPodAvailable(pod, minReadySeconds, nowMs);
    if (wait !== undefined && (soonest === undefined || wait < soonest)) soonest = wait;
  }
  return soonest;
}

/** True when writing `next` would change nothing a reader sees. */
export function replicaSetStatusEqual(current: DeepReadonly<ReplicaSetStatus> | undefined, next: ReplicaSetStatus): boolean {
  if (current === undefined) return false;
  return (
    current.replicas === next.replicas &&
    (current.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (current.readyReplicas ?? 0) === (next.readyReplicas ?? 0) &&
    (current.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    (current.observedGeneration ?? 0) === (next.observedGeneration ?? 0) &&
    JSON.stringify(current.conditions ?? []) === JSON.stringify(next.conditions ?? [])
  );
}
