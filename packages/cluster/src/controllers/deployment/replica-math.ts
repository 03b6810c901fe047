// Pure rollout arithmetic: surge and unavailability budgets, new ReplicaSet size, scale-down amounts
// (pkg/controller/deployment/util/deployment_util.go, rolling.go).
import type { DeepReadonly, Deployment, IntOrString, ReplicaSet } from '@aviary/kube';

type ReadonlyRS = DeepReadonly<ReplicaSet>;
type ReadonlyDeployment = DeepReadonly<Deployment>;

/** A maxSurge / maxUnavailable value that is neither an integer nor a percent string. */
export class InvalidIntOrPercentError extends Error {
  override readonly name = 'InvalidIntOrPercentError';
  constructor(readonly value: unknown) {
    super(`invalid value for IntOrString: ${JSON.stringify(value)}`);
  }
}

/**
 * An absolute count from an int or a percent of `total` (intstr.GetScaledValueFromIntOrPercent):
 * `'25%'` of 10 is 3 rounding up, 2 rounding down; `2` is 2.
 */
export function scaledValue(value: IntOrString | undefined, total: number, roundUp: boolean, fallback: IntOrString = '25%'): number {
  const given = value ?? fallback;
  if (typeof given === 'number') return given;
  const match = /^(\d+)%$/.exec(given);
  if (match === null) {
    if (/^\d+$/.test(given)) return Number(given);
    throw new InvalidIntOrPercentError(given);
  }
  const scaled = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

export function desiredReplicas(d: ReadonlyDeployment): number {
  return d.spec?.replicas ?? 1;
}

export function isRollingUpdate(d: ReadonlyDeployment): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/**
 * maxSurge and maxUnavailable as counts (ResolveFenceposts): surge rounds up, unavailable rounds
 * down, and when both come out 0 unavailable becomes 1 so a rollout can always move.
 * Worked example: 10 replicas, 25%/25% → surge 3, unavailable 2.
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge, desired, true);
  let unavailable = scaledValue(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** MaxSurge(d): 0 for Recreate. */
export function maxSurge(d: ReadonlyDeployment): number {
  if (!isRollingUpdate(d)) return 0;
  const rolling = d.spec?.strategy?.rollingUpdate;
  return resolveFenceposts(rolling?.maxSurge, rolling?.maxUnavailable, desiredReplicas(d)).surge;
}

/** MaxUnavailable(d): 0 for Recreate or 0 replicas, never more than the replicas. */
export function maxUnavailable(d: ReadonlyDeployment): number {
  const desired = desiredReplicas(d);
  if (!isRollingUpdate(d) || desired === 0) return 0;
  const rolling = d.spec?.strategy?.rollingUpdate;
  return Math.min(resolveFenceposts(rolling?.maxSurge, rolling?.maxUnavailable, desired).unavailable, desired);
}

export const specReplicas = (rs: ReadonlyRS | undefined): number => rs?.spec?.replicas ?? 1;

/** Sum of spec.replicas. */
export function totalSpecReplicas(rss: readonly (ReadonlyRS | undefined)[]): number {
  return rss.reduce((sum, rs) => sum + (rs ? specReplicas(rs) : 0), 0);
}

/** Sum of status.replicas (pods that exist). */
export function totalActualReplicas(rss: readonly (ReadonlyRS | undefined)[]): number {
  return rss.reduce((sum, rs) => sum + (rs?.status?.replicas ?? 0), 0);
}

export function totalReadyReplicas(rss: readonly (ReadonlyRS | undefined)[]): number {
  return rss.reduce((sum, rs) => sum + (rs?.status?.readyReplicas ?? 0), 0);
}

export function totalAvailableReplicas(rss: readonly (ReadonlyRS | undefined)[]): number {
  return rss.reduce((sum, rs) => sum + (rs?.status?.availableReplicas ?? 0), 0);
}

/**
 * The size the new ReplicaSet may grow to now (NewRSNewReplicas). Rolling: up to replicas+maxSurge
 * pods across all ReplicaSets, never beyond replicas. Recreate: replicas at once.
 * Worked example: 10 replicas, surge 3, old RS at 10, new at 0 → 3.
 */
export function newReplicaSetReplicas(d: ReadonlyDeployment, allRSs: readonly ReadonlyRS[], newRS: ReadonlyRS): number {
  const desired = desiredReplicas(d);
  if (!isRollingUpdate(d)) return desired;
  const current = specReplicas(newRS);
  const maxTotal = desired + maxSurge(d);
  const podCount = totalSpecReplicas(allRSs);
  if (podCount >= maxTotal) return current;
  const scaleUp = Math.min(maxTotal - podCount, desired - current);
  return current + scaleUp;
}

/**
 * How many old pods may go right now (reconcileOldReplicaSets): everything above
 * replicas-maxUnavailable, minus the new ReplicaSet's pods that are not available yet.
 */
export function maxScaledDown(d: ReadonlyDeployment, allRSs: readonly ReadonlyRS[], newRS: ReadonlyRS | undefined): number {
  const minAvailable = desiredReplicas(d) - maxUnavailable(d);
  const newUnavailable = newRS ? specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0) : 0;
  return totalSpecReplicas(allRSs) - minAvailable - newUnavailable;
}

/**
 * Old ReplicaSets' new sizes when the deployment is resized mid-rollout (scale + GetProportion):
 * the extra (or missing) replicas are shared in proportion to each active ReplicaSet's size,
 * the largest (newest on ties when adding, oldest on ties when removing) getting the leftover.
 * Returns the new size per ReplicaSet name.
 */
export function proportionalSizes(d: ReadonlyDeployment, active: readonly ReadonlyRS[]): Map<string, number> {
  const desired = desiredReplicas(d);
  const allowed = desired > 0 ? desired + maxSurge(d) : 0;
  const toAdd = allowed - totalSpecReplicas(active);
  const ordered = [...active].sort((a, b) => compareBySize(a, b, toAdd > 0));
  const sizes = new Map<string, number>();
  let added = 0;
  for (const rs of ordered) {
    const proportion = toAdd === 0 ? 0 : replicaSetProportion(rs, d, toAdd, added);
    sizes.set(rs.metadata?.name ?? '', specReplicas(rs) + proportion);
    added += proportion;
  }
  const first = ordered[0];
  if (first !== undefined && toAdd !== 0) {
    const name = first.metadata?.name ?? '';
    sizes.set(name, Math.max(0, (sizes.get(name) ?? 0) + toAdd - added));
  }
  return sizes;
}

function replicaSetProportion(rs: ReadonlyRS, d: ReadonlyDeployment, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** getReplicaSetFraction: this ReplicaSet's share of the new total, relative to the max-replicas it was sized for. */
function replicaSetFraction(rs: ReadonlyRS, d: ReadonlyDeployment): number {
  const desired = desiredReplicas(d);
  if (desired === 0) return -specReplicas(rs);
  const deploymentReplicas = desired + maxSurge(d);
  const annotated = Number.parseInt(rs.metadata?.annotations?.['deployment.kubernetes.io/max-replicas'] ?? '', 10);
  const base = Number.isFinite(annotated) ? annotated : (d.status?.replicas ?? 0);
  if (base === 0) return 0;
  return Math.round((specReplicas(rs) * deploymentReplicas) / base) - specReplicas(rs);
}

function compareBySize(a: ReadonlyRS, b: ReadonlyRS, newerFirst: boolean): number {
  const bySize = specReplicas(b) - specReplicas(a);
  if (bySize !== 0) return bySize;
  const byAge = compareCreation(a, b);
  return newerFirst ? -byAge : byAge;
}

/** Older first, then by name (controller.ReplicaSetsByCreationTimestamp). */
export function compareCreation(a: ReadonlyRS, b: ReadonlyRS): number {
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
}
