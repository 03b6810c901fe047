// The public replica math: target counts for a canary's new and stable ReplicaSets, and whether a step reached them.
import type { ReplicaProgressThreshold, ReplicaSet, Rollout, TrafficWeights } from '@aviary/kube';
import { basicCanaryReplicaCounts } from './basic-canary.js';
import { replicasOrDefault } from './int-or-percent.js';
import { trafficRoutedCanaryReplicaCounts } from './traffic-routed-canary.js';

export interface CanaryReplicaCounts {
  newRSReplicaCount: number;
  stableRSReplicaCount: number;
}

/**
 * Target replica counts for a canary rollout this reconcile: the basic algorithm (weight approximated with
 * pods, within maxSurge/maxUnavailable) without traffic routing, the traffic-routed one with it. `weights` is
 * `status.canary.weights` as last recorded. `newRS` and `stableRS` may be undefined.
 */
export function calculateReplicaCountsForCanary(
  rollout: Rollout,
  newRS: ReplicaSet | undefined,
  stableRS: ReplicaSet | undefined,
  otherRSs: readonly ReplicaSet[],
  weights?: TrafficWeights,
): CanaryReplicaCounts {
  return rollout.spec.strategy.canary?.trafficRouting
    ? trafficRoutedCanaryReplicaCounts(rollout, newRS, stableRS, weights)
    : basicCanaryReplicaCounts(rollout, newRS, stableRS, otherRSs);
}

/** Whether the new ReplicaSet has made enough progress: by default every desired pod available. */
export function replicaProgressThresholdMet(threshold: ReplicaProgressThreshold | undefined, rs: ReplicaSet | undefined, desired: number): boolean {
  const available = rs?.status?.availableReplicas ?? 0;
  if (!threshold || !rs || threshold.value < 0) return Boolean(rs) && desired === replicasOrDefault(rs?.spec?.replicas) && desired === available;
  if (threshold.type === 'Percent') {
    if (desired === 0) return true;
    return (available / desired) * 100 >= threshold.value - 1e-10;
  }
  return available >= threshold.value;
}

/** Whether the canary's ReplicaSets are at the counts this step wants, so the step can complete. */
export function atDesiredReplicaCountsForCanary(
  rollout: Rollout,
  newRS: ReplicaSet | undefined,
  stableRS: ReplicaSet | undefined,
  otherRSs: readonly ReplicaSet[],
  weights?: TrafficWeights,
): boolean {
  const canary = rollout.spec.strategy.canary;
  const desired = calculateReplicaCountsForCanary(rollout, newRS, stableRS, otherRSs, weights);
  if (!replicaProgressThresholdMet(canary?.replicaProgressThreshold, newRS, desired.newRSReplicaCount)) return false;
  if (!canary?.trafficRouting || !canary.dynamicStableScale) {
    const created = stableRS && replicasOrDefault(stableRS.spec?.replicas) === desired.stableRSReplicaCount && (stableRS.status?.replicas ?? 0) === desired.stableRSReplicaCount;
    if (!created) return false;
  }
  if (!canary?.trafficRouting && otherRSs.some((rs) => (rs.status?.availableReplicas ?? 0) > 0)) return false;
  return true;
}
