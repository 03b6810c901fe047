// Resolving maxSurge / maxUnavailable style values: a whole number, or a percentage of a total.
import type { IntOrString } from '@aviary/kube';

export class IntOrPercentError extends Error {
  override readonly name = 'IntOrPercentError';
}

/**
 * `3` → 3; `"25%"` of 10 → 3 rounding up, 2 rounding down. As in apimachinery's lenient reading, every `%`
 * is stripped from a string and the rest read as a percentage, so `"25"` means 25% too.
 */
export function scaledValue(value: IntOrString, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return Math.trunc(value);
  const digits = value.replaceAll('%', '');
  if (!/^[+-]?\d+$/.test(digits)) throw new IntOrPercentError(`invalid value for IntOrString: invalid value "${value}"`);
  const scaled = (Number(digits) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** The replicas a ReplicaSet or Rollout asks for: `spec.replicas`, defaulting to 1 as the API server does. */
export function replicasOrDefault(replicas: number | undefined | null): number {
  return replicas ?? 1;
}
