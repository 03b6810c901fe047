// How many pods above, and below, the desired count an update may run (upstream utils/replicaset MaxSurge).
import type { Rollout } from '@aviary/kube';
import { replicasOrDefault, scaledValue } from './int-or-percent.js';

const defaultSurge = '25%';
const defaultUnavailable = '25%';

/** Canary surge and unavailability, resolved against `replicas`; both 0 becomes 1 unavailable so progress is possible. */
function canaryFenceposts(rollout: Rollout, replicas: number): { surge: number; unavailable: number } {
  const canary = rollout.spec.strategy.canary ?? {};
  const surge = scaledValue(canary.maxSurge ?? defaultSurge, replicas, true);
  const unavailable = scaledValue(canary.maxUnavailable ?? defaultUnavailable, replicas, false);
  return surge === 0 && unavailable === 0 ? { surge, unavailable: 1 } : { surge, unavailable };
}

/** Pods the canary strategy may add above spec.replicas; blue-green never surges this way. */
export function maxSurge(rollout: Rollout): number {
  if (!rollout.spec.strategy.canary) return 0;
  return canaryFenceposts(rollout, replicasOrDefault(rollout.spec.replicas)).surge;
}

/** Pods that may be unavailable during the update, never more than spec.replicas. */
export function maxUnavailable(rollout: Rollout): number {
  const replicas = replicasOrDefault(rollout.spec.replicas);
  if (replicas === 0) return 0;
  const unavailable = rollout.spec.strategy.canary
    ? canaryFenceposts(rollout, replicas).unavailable
    : scaledValue(rollout.spec.strategy.blueGreen?.maxUnavailable ?? defaultUnavailable, replicas, false);
  return Math.min(unavailable, replicas);
}
