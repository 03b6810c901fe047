// Canary replica counts without traffic routing: the weight is approximated with whole pods, within surge limits.
import type { ReplicaSet, Rollout } from '@aviary/kube';
import { canaryReplicasOrWeight, maxTrafficWeight } from './canary-weight.js';
import { replicasOrDefault } from './int-or-percent.js';
import { maxSurge, maxUnavailable } from './surge.js';

interface Option {
  canary: number;
  total: number;
}

/** True when `total × weight/maxWeight` ends in exactly .5, so rounding down and up are equally close. */
function tiedAtHalf(weight: number, maxWeight: number, total: number): boolean {
  const value = total * (weight / maxWeight);
  return value - Math.trunc(value) === 0.5;
}

/**
 * Whole-pod (canary, stable) counts whose ratio best approximates `weight`. Worked example: 5 replicas at 20%
 * gives (1, 4); 4 replicas at 50% with surge gives (2, 2). Any weight strictly between 0 and the maximum yields
 * at least one pod on each side when two pods are possible; a .5 tie rounds the canary up; with surge the total
 * may be replicas + 1 when that is closer.
 */
export function approximateWeightedCounts(replicas: number, weight: number, maxWeight: number, surge: number): { canary: number; stable: number } {
  if (replicas === 0) return { canary: 0, stable: 0 };
  const exact = (replicas * weight) / maxWeight;
  const ceil = Math.ceil(exact);
  const floor = Math.floor(exact);
  const zeroAllowed = weight === maxWeight || weight === 0 || (replicas === 1 && surge === 0);
  const options: Option[] = [];
  if (ceil < replicas || zeroAllowed) options.push({ canary: ceil, total: replicas });
  if (!tiedAtHalf(weight, maxWeight, replicas) && (floor !== 0 || zeroAllowed)) options.push({ canary: floor, total: replicas });
  if (surge > 0) {
    options.push({ canary: ceil, total: replicas + 1 });
    if (!tiedAtHalf(weight, maxWeight, replicas + 1) && (floor !== 0 || zeroAllowed)) options.push({ canary: floor, total: replicas + 1 });
  }
  const first = options[0];
  if (!first) return { canary: 0, stable: replicas };
  const distance = (o: Option) => Math.abs((o.canary * maxWeight) / o.total - weight);
  // Earlier options win ties: the list order encodes the preference.
  const best = options.reduce((kept, option) => (distance(option) < distance(kept) ? option : kept), first);
  return { canary: best.canary, stable: best.total - best.canary };
}

const specOf = (rs: ReplicaSet | undefined): number => (rs ? replicasOrDefault(rs.spec?.replicas) : 0);
const availableOf = (rs: ReplicaSet | undefined): number => rs?.status?.availableReplicas ?? 0;
const sumSpecs = (sets: readonly ReplicaSet[]): number => sets.reduce((sum, rs) => sum + specOf(rs), 0);

/** Whether a distinct stable ReplicaSet exists to scale (it is not the new one). */
export function hasSeparateStable(newRS: ReplicaSet | undefined, stableRS: ReplicaSet | undefined): stableRS is ReplicaSet {
  if (!stableRS) return false;
  return !newRS || newRS.metadata?.name !== stableRS.metadata?.name;
}

/** Pods that count toward availability when scaling down: spec if fewer than available, else spec or available. */
function countedForScaleDown(rs: ReplicaSet | undefined, ignoreAvailability: boolean): number {
  if (!rs) return 0;
  const spec = specOf(rs);
  const available = availableOf(rs);
  if (spec < available || ignoreAvailability) return spec;
  return available;
}

/** Lowers the drained set's target by up to `count`, never below its desired count. */
function drainTarget(rs: ReplicaSet | undefined, desired: number, count: number, current: number): number {
  return rs && specOf(rs) > desired ? Math.max(desired, specOf(rs) - count) : current;
}

/**
 * After draining one set, keeps the total within `maxTotal` and availability at `minAvailable` by adjusting the
 * other set. Returns the new [drained, adjusted] targets.
 */
function fitWithinLimits(
  drained: ReplicaSet | undefined,
  adjusted: ReplicaSet | undefined,
  drainedCount: number,
  adjustedCount: number,
  maxTotal: number,
  minAvailable: number,
): [number, number] {
  if (!adjusted) return [drainedCount, adjustedCount];
  let over = Math.max(0, adjustedCount + drainedCount - maxTotal);
  let available = drained ? Math.min(availableOf(drained), drainedCount) : 0;
  let adjustedTarget = adjustedCount - over;
  available += Math.min(availableOf(adjusted), adjustedTarget);
  const spareAvailable = Math.max(0, availableOf(adjusted) - adjustedTarget);
  const stillNeeded = Math.max(0, minAvailable - available);
  adjustedTarget += Math.min(spareAvailable, stillNeeded);
  over = Math.max(0, adjustedTarget + drainedCount - maxTotal);
  return [drainedCount - over, adjustedTarget];
}

/**
 * Basic canary: the target replica counts for the new and stable ReplicaSets this reconcile. Scales up within
 * maxSurge (stable first), leaves everything while older ReplicaSets still have pods, then scales down within
 * maxUnavailable: the stable when the weight rises, the canary when it falls.
 */
export function basicCanaryReplicaCounts(
  rollout: Rollout,
  newRS: ReplicaSet | undefined,
  stableRS: ReplicaSet | undefined,
  otherRSs: readonly ReplicaSet[],
): { newRSReplicaCount: number; stableRSReplicaCount: number } {
  const replicas = replicasOrDefault(rollout.spec.replicas);
  const surge = maxSurge(rollout);
  const { weight } = canaryReplicasOrWeight(rollout, newRS, stableRS);
  let { canary: desiredNew, stable: desiredStable } = approximateWeightedCounts(replicas, weight, maxTrafficWeight(rollout), surge);

  let newCount = specOf(newRS);
  let stableCount = 0;
  const scaleStable = hasSeparateStable(newRS, stableRS);
  if (scaleStable) stableCount = specOf(stableRS);
  else {
    desiredNew = replicas;
    desiredStable = 0;
  }

  const maxTotal = replicas + surge;
  let room = maxTotal - (sumSpecs(otherRSs) + specOf(newRS) + (scaleStable ? specOf(stableRS) : 0));
  if (scaleStable && specOf(stableRS) < desiredStable && room > 0) {
    stableCount = Math.min(desiredStable, specOf(stableRS) + room);
    room -= stableCount - specOf(stableRS);
  }
  if (newRS && specOf(newRS) < desiredNew && room > 0) newCount = Math.min(desiredNew, specOf(newRS) + room);

  // Older ReplicaSets are drained first, elsewhere; until then nothing here scales down.
  if (sumSpecs(otherRSs) > 0) return { newRSReplicaCount: newCount, stableRSReplicaCount: stableCount };

  const minAvailable = replicas - maxUnavailable(rollout);
  const increasing = !newRS || desiredNew >= specOf(newRS);
  const counted = countedForScaleDown(newRS, !increasing) + countedForScaleDown(stableRS, increasing);
  if (counted <= minAvailable) return { newRSReplicaCount: newCount, stableRSReplicaCount: stableCount };

  const downBy = counted - minAvailable;
  if (!increasing) {
    newCount = drainTarget(newRS, desiredNew, downBy, newCount);
    [newCount, stableCount] = fitWithinLimits(newRS, stableRS, newCount, stableCount, maxTotal, minAvailable);
  } else if (scaleStable) {
    stableCount = drainTarget(stableRS, desiredStable, downBy, stableCount);
    [stableCount, newCount] = fitWithinLimits(stableRS, newRS, stableCount, newCount, maxTotal, minAvailable);
  }
  return { newRSReplicaCount: newCount, stableRSReplicaCount: stableCount };
}
