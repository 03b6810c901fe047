// Which canary weight (or explicit replica count) a rollout wants right now, from its steps and status.
import type { CanaryStep, ReplicaSet, Rollout, SetCanaryScale } from '@aviary/kube';
import { replicasOrDefault } from './int-or-percent.js';

const defaultMaxWeight = 100;
const defaultAbortScaleDownDelaySeconds = 30;

/** `trafficRouting.maxTrafficWeight`, or 100. */
export function maxTrafficWeight(rollout: Rollout): number {
  return rollout.spec.strategy.canary?.trafficRouting?.maxTrafficWeight ?? defaultMaxWeight;
}

/** The current step and its index; the step is undefined past the last step, and both are undefined without steps. */
export function currentCanaryStep(rollout: Rollout): { step?: CanaryStep; index?: number } {
  const steps = rollout.spec.strategy.canary?.steps ?? [];
  if (steps.length === 0) return {};
  const index = rollout.status?.currentStepIndex ?? 0;
  return index < steps.length ? { step: steps[index], index } : { index };
}

/**
 * The abort scale-down delay in seconds, and whether the user set it. `undefined` delay means "never scale the
 * canary down" (an explicit 0). Only blue-green and traffic-routed canaries have one (default 30 s).
 */
export function abortScaleDownDelay(rollout: Rollout): { seconds?: number; explicit: boolean } {
  const { blueGreen, canary } = rollout.spec.strategy;
  const configured = blueGreen ? blueGreen.abortScaleDownDelaySeconds : canary?.trafficRouting ? canary.abortScaleDownDelaySeconds : undefined;
  const applies = Boolean(blueGreen || canary?.trafficRouting);
  if (configured === undefined || configured === null) return { seconds: applies ? defaultAbortScaleDownDelaySeconds : 0, explicit: false };
  return configured === 0 ? { explicit: true } : { seconds: configured, explicit: true };
}

/** The weight of the nearest setWeight at or before the current step; 0 when aborted; the max past the last step. */
export function currentSetWeight(rollout: Rollout): number {
  if (rollout.status?.abort) return 0;
  const { step, index } = currentCanaryStep(rollout);
  if (!step || index === undefined) return maxTrafficWeight(rollout);
  const steps = rollout.spec.strategy.canary?.steps ?? [];
  for (let i = index; i >= 0; i--) {
    const weight = steps[i]?.setWeight;
    if (weight !== undefined && weight !== null) return weight;
  }
  return 0;
}

/**
 * The setCanaryScale in force (traffic routing only): the nearest one at or before the current step, unless it
 * says matchTrafficWeight. Ignored while aborted, unless abortScaleDownDelaySeconds is 0.
 */
export function activeSetCanaryScale(rollout: Rollout): SetCanaryScale | undefined {
  const canary = rollout.spec.strategy.canary;
  if (!canary?.trafficRouting) return undefined;
  if (rollout.status?.abort && abortScaleDownDelay(rollout).seconds !== undefined) return undefined;
  const { step, index } = currentCanaryStep(rollout);
  if (!step || index === undefined) return undefined;
  for (let i = index; i >= 0; i--) {
    const scale = canary.steps?.[i]?.setCanaryScale;
    if (!scale) continue;
    return scale.matchTrafficWeight ? undefined : scale;
  }
  return undefined;
}

/** Pods for a share of traffic: `ceil(weight × replicas / maxWeight)`. */
export function trafficWeightToReplicas(replicas: number, weight: number, maxWeight: number): number {
  return Math.ceil((weight * replicas) / maxWeight);
}

/**
 * The weight the canary should have. On an abort with dynamicStableScale the weight steps back down through
 * the setWeight steps, each only once enough stable pods are available to take the traffic.
 */
export function desiredCanaryWeight(rollout: Rollout, newRS?: ReplicaSet, stableRS?: ReplicaSet): number {
  const canary = rollout.spec.strategy.canary;
  if (rollout.status?.abort && canary?.dynamicStableScale && newRS && stableRS) {
    const maxWeight = maxTrafficWeight(rollout);
    const replicas = replicasOrDefault(rollout.spec.replicas);
    const expectedCanary = replicas - (stableRS.status?.availableReplicas ?? 0);
    const delay = abortScaleDownDelay(rollout);
    // An explicit non-zero delay keeps canary pods for a while, so they don't count as still needed.
    const canaryReplicas = delay.explicit && delay.seconds !== undefined ? expectedCanary : Math.max(expectedCanary, newRS.status?.availableReplicas ?? 0);
    const steps = canary.steps ?? [];
    for (let i = steps.length - 1; i >= 0; i--) {
      const weight = steps[i]?.setWeight;
      if (weight !== undefined && weight !== null && trafficWeightToReplicas(replicas, weight, maxWeight) < canaryReplicas) return weight;
    }
    return 0;
  }
  return currentSetWeight(rollout);
}

/**
 * What the canary should be scaled by: explicit replicas (setCanaryScale.replicas) or a weight. Fully promoted,
 * first deploy, and "new is stable" all mean the maximum weight.
 */
export function canaryReplicasOrWeight(rollout: Rollout, newRS?: ReplicaSet, stableRS?: ReplicaSet): { replicas?: number; weight: number } {
  const status = rollout.status ?? {};
  if (status.promoteFull || !status.stableRS || status.currentPodHash === status.stableRS) return { weight: maxTrafficWeight(rollout) };
  const scale = activeSetCanaryScale(rollout);
  if (scale?.replicas !== undefined && scale.replicas !== null) return { replicas: scale.replicas, weight: 0 };
  if (scale?.weight !== undefined && scale.weight !== null) return { weight: scale.weight };
  return { weight: desiredCanaryWeight(rollout, newRS, stableRS) };
}
