// Canary replica counts with traffic routing: pods follow the weight; stable stays full unless dynamicStableScale.
import type { ReplicaSet, Rollout, TrafficWeights } from '@aviary/kube';
import { canaryReplicasOrWeight, maxTrafficWeight, trafficWeightToReplicas } from './canary-weight.js';
import { replicasOrDefault } from './int-or-percent.js';

/** Raises a non-zero count to minPodsPerReplicaSet (capped at spec.replicas), for traffic-routed canaries. */
export function withMinPods(rollout: Rollout, count: number): number {
  const canary = rollout.spec.strategy.canary;
  if (count === 0 || !canary?.trafficRouting || canary.minPodsPerReplicaSet === undefined || canary.minPodsPerReplicaSet === null) return count;
  return Math.max(count, Math.min(canary.minPodsPerReplicaSet, replicasOrDefault(rollout.spec.replicas)));
}

/**
 * Traffic-routed canary: canary = ceil(weight × replicas / max) (or setCanaryScale), stable = spec.replicas, or
 * with dynamicStableScale the complement of the weight, never below what the recorded traffic still needs.
 * maxSurge and maxUnavailable do not apply.
 */
export function trafficRoutedCanaryReplicaCounts(
  rollout: Rollout,
  newRS: ReplicaSet | undefined,
  stableRS: ReplicaSet | undefined,
  weights: TrafficWeights | undefined,
): { newRSReplicaCount: number; stableRSReplicaCount: number } {
  const replicas = replicasOrDefault(rollout.spec.replicas);
  const maxWeight = maxTrafficWeight(rollout);
  const { replicas: explicit, weight } = canaryReplicasOrWeight(rollout, newRS, stableRS);
  let canary = explicit ?? withMinPods(rollout, trafficWeightToReplicas(replicas, weight, maxWeight));
  if (!rollout.spec.strategy.canary?.dynamicStableScale) return { newRSReplicaCount: canary, stableRSReplicaCount: replicas };

  let stable = trafficWeightToReplicas(replicas, maxWeight - weight, maxWeight);
  if (weights) {
    // Never take pods away from traffic the router still sends (weights lag one reconcile behind).
    stable = Math.max(stable, trafficWeightToReplicas(replicas, weights.stable?.weight ?? 0, maxWeight));
    if (rollout.status?.abort) canary = Math.max(canary, trafficWeightToReplicas(replicas, weights.canary?.weight ?? 0, maxWeight));
  }
  return { newRSReplicaCount: withMinPods(rollout, canary), stableRSReplicaCount: withMinPods(rollout, stable) };
}
