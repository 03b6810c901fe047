// Deployment status math: counts from its ReplicaSets, Available, and Progressing with its deadline (sync.go, progress.go).
import { omitZeroFields } from '../shared/omit-zero.js';
import type { DeepReadonly, Deployment, DeploymentStatus, ReplicaSet } from '@aviary/kube';
import { parseTime } from '../shared/time.js';
import { canonicalJson } from '../shared/canonical-json.js';
import { DeploymentReason, getDeploymentCondition, newDeploymentCondition, removeDeploymentCondition, setDeploymentCondition } from './deployment-conditions.js';
import { desiredReplicas, maxUnavailable, totalActualReplicas, totalAvailableReplicas, totalReadyReplicas, totalSpecReplicas } from './replica-math.js';

type ReadonlyRS = DeepReadonly<ReplicaSet>;
type ReadonlyDeployment = DeepReadonly<Deployment>;

/** Upstream treats MaxInt32 as "no deadline". */
const NO_DEADLINE = 2147483647;

/** progressDeadlineSeconds, defaulting to 600; undefined when disabled. */
export function progressDeadlineSeconds(d: ReadonlyDeployment): number | undefined {
  const value = d.spec?.progressDeadlineSeconds ?? 600;
  return value === NO_DEADLINE ? undefined : value;
}

/**
 * calculateStatus: replicas/updated/ready/available from the ReplicaSets' status,
 * unavailable = spec replicas - available, and Available True once available ≥ replicas - maxUnavailable.
 */
export function calculateDeploymentStatus(options: { d: ReadonlyDeployment; allRSs: readonly ReadonlyRS[]; newRS: ReadonlyRS | undefined; nowMs: number }): DeploymentStatus {
  const { d, allRSs, newRS, nowMs } = options;
  const available = totalAvailableReplicas(allRSs);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata?.generation ?? 0,
    replicas: totalActualReplicas(allRSs),
    updatedReplicas: totalActualReplicas([newRS]),
    readyReplicas: totalReadyReplicas(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, totalSpecReplicas(allRSs) - available),
    conditions: structuredClone((d.status?.conditions ?? []) as DeploymentStatus['conditions']) ?? [],
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (available >= desiredReplicas(d) - maxUnavailable(d)) {
    setDeploymentCondition(status, newDeploymentCondition({ type: 'Available', status: 'True', reason: DeploymentReason.MinimumReplicasAvailable, message: 'Deployment has minimum availability.', nowMs }));
  } else {
    setDeploymentCondition(status, newDeploymentCondition({ type: 'Available', status: 'False', reason: DeploymentReason.MinimumReplicasUnavailable, message: 'Deployment does not have minimum availability.', nowMs }));
  }
  // apps/v1 DeploymentStatus: the counters are omitempty.
  return omitZeroFields(status, ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']);
}

/** Every replica updated, present and available, and the spec observed (DeploymentComplete). */
export function deploymentComplete(d: ReadonlyDeployment, status: DeploymentStatus): boolean {
  const desired = desiredReplicas(d);
  return status.updatedReplicas === desired && status.replicas === desired && status.availableReplicas === desired && (status.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0);
}

/** More updated, ready or available pods, or fewer old ones, than the stored status (DeploymentProgressing). */
export function deploymentProgressing(d: ReadonlyDeployment, status: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (status.replicas ?? 0) - (status.updatedReplicas ?? 0);
  return (
    (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** The Progressing condition has not moved for longer than the deadline (DeploymentTimedOut). */
export function deploymentTimedOut(d: ReadonlyDeployment, status: DeploymentStatus, nowMs: number): boolean {
  const deadline = progressDeadlineSeconds(d);
  if (deadline === undefined) return false;
  const condition = getDeploymentCondition(status, 'Progressing');
  if (condition === undefined || condition.reason === DeploymentReason.NewReplicaSetAvailable) return false;
  if (condition.reason === DeploymentReason.ProgressDeadlineExceeded) return true;
  const from = parseTime(condition.lastUpdateTime);
  return from !== undefined && from + deadline * 1000 < nowMs;
}

/**
 * syncRolloutStatus without the write: the status plus the Progressing condition —
 * NewReplicaSetAvailable when complete, ReplicaSetUpdated when progressing, ProgressDeadlineExceeded
 * when stuck — and ReplicaFailure copied from the ReplicaSets.
 */
export function calculateRolloutStatus(options: { d: ReadonlyDeployment; allRSs: readonly ReadonlyRS[]; newRS: ReadonlyRS | undefined; nowMs: number }): DeploymentStatus {
  const { d, newRS, nowMs } = options;
  const status = calculateDeploymentStatus(options);
  const deadline = progressDeadlineSeconds(d);
  if (deadline === undefined) removeDeploymentCondition(status, 'Progressing');
  const current = getDeploymentCondition(status, 'Progressing');
  const complete = status.replicas === status.updatedReplicas && current?.reason === DeploymentReason.NewReplicaSetAvailable;
  if (deadline !== undefined && !complete) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata?.name}"` : `Deployment "${d.metadata?.name}"`;
    if (deploymentComplete(d, status)) {
      setDeploymentCondition(status, newDeploymentCondition({ type: 'Progressing', status: 'True', reason: DeploymentReason.NewReplicaSetAvailable, message: `${subject} has successfully progressed.`, nowMs }));
    } else if (deploymentProgressing(d, status)) {
      const condition = newDeploymentCondition({ type: 'Progressing', status: 'True', reason: DeploymentReason.ReplicaSetUpdated, message: `${subject} is progressing.`, nowMs });
      if (current?.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
      removeDeploymentCondition(status, 'Progressing');
      setDeploymentCondition(status, condition);
    } else if (deploymentTimedOut(d, status, nowMs)) {
      setDeploymentCondition(status, newDeploymentCondition({ type: 'Progressing', status: 'False', reason: DeploymentReason.ProgressDeadlineExceeded, message: `${subject} has timed out progressing.`, nowMs }));
    }
  }
  const failure = replicaFailure(options.allRSs);
  if (failure !== undefined) setDeploymentCondition(status, failure);
  else removeDeploymentCondition(status, 'ReplicaFailure');
  return status;
}

function replicaFailure(allRSs: readonly ReadonlyRS[]): ReturnType<typeof newDeploymentCondition> | undefined {
  for (const rs of allRSs) {
    const condition = rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
    if (condition !== undefined) {
      return { type: 'ReplicaFailure', status: condition.status, lastUpdateTime: condition.lastTransitionTime, lastTransitionTime: condition.lastTransitionTime, reason: condition.reason, message: condition.message };
    }
  }
  return undefined;
}

/**
 * requeueStuckDeployment: when the rollout is neither complete nor timed out, the delay (ms) after
 * which the deadline would pass, so the timeout is noticed on time; undefined when no check is due.
 */
export function msUntilProgressDeadline(d: ReadonlyDeployment, status: DeploymentStatus, nowMs: number): number | undefined {
  const deadline = progressDeadlineSeconds(d);
  const condition = getDeploymentCondition(status, 'Progressing');
  if (deadline === undefined || condition === undefined) return undefined;
  if (deploymentComplete(d, status) || condition.reason === DeploymentReason.ProgressDeadlineExceeded) return undefined;
  const from = parseTime(condition.lastUpdateTime);
  if (from === undefined) return undefined;
  return Math.max(0, from + deadline * 1000 - nowMs) + 1000;
}

/** Equal for writing purposes. */
export function deploymentStatusEqual(a: DeepReadonly<DeploymentStatus> | undefined, b: DeploymentStatus): boolean {
  return canonicalJson(normalize(a ?? {})) === canonicalJson(normalize(b));
}

function normalize(status: DeepReadonly<DeploymentStatus>): unknown {
  return {
    observedGeneration: status.observedGeneration ?? 0,
    replicas: status.replicas ?? 0,
    updatedReplicas: status.updatedReplicas ?? 0,
    readyReplicas: status.readyReplicas ?? 0,
    availableReplicas: status.availableReplicas ?? 0,
    unavailableReplicas: status.unavailableReplicas ?? 0,
    collisionCount: status.collisionCount,
    conditions: status.conditions ?? [],
  };
}
