// The seam for spec validation: before reconciling, the controller asks what (if anything) is wrong with the spec.
import type { Rollout } from '@aviary/kube';
import { formatFieldError, validateRollout } from '../validation/index.js';

/**
 * The first problem with a Rollout's spec as a field error (`spec.strategy.steps[0].setWeight: Invalid value:
 * 200: …`), or undefined when the spec is valid. Must never throw.
 */
export type ValidateRollout = (rollout: Rollout) => string | undefined;

/** Upstream's rules (validation/), reported as the InvalidSpec condition reports them: the first error only. */
export const validateRolloutSpec: ValidateRollout = (rollout) => {
  const [first] = validateRollout(rollout);
  return first === undefined ? undefined : formatFieldError(first);
};
