// The seam for spec validation: before reconciling, the controller asks what (if anything) is wrong with the spec.
import type { Rollout } from '@aviary/kube';
import { formatFieldError, validateRollout } from '../validation/index.js';

/**
 * The first problem with a Rollout's spec as a field error (`spec.strategy.steps[0].setWeight: Invalid value:
 * 200: …`), or undefined when the spec is valid. Must never throw.
 */
export type ValidateRollout = (rollout: Rollout) => string | undefined;

/** Verdicts for frozen specs (the informer cache's, which syncs share): the rules read the spec alone. */
const verdicts = new WeakMap<object, string | null>();

/** Upstream's rules (validation/), reported as the InvalidSpec condition reports them: the first error only. */
export const validateRolloutSpec: ValidateRollout = (rollout) => {
  const spec = rollout.spec as object | undefined;
  const frozen = spec !== undefined && spec !== null && Object.isFrozen(spec);
  const known = frozen ? verdicts.get(spec) : undefined;
  if (known !== undefined) return known ?? undefined;
  const [first] = validateRollout(rollout);
  const verdict = first === undefined ? undefined : formatFieldError(first);
  if (frozen) verdicts.set(spec, verdict ?? null);
  return verdict;
};
