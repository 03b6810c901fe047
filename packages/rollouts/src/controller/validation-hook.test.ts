// Tests for the controller's validation seam: the first error as InvalidSpec reports it, remembered per frozen spec.
import { deepFreeze, type Rollout } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { canaryRollout } from './testdata/fixture.js';
import { validateRolloutSpec } from './validation-hook.js';

const withSteps = (steps: unknown[]): Rollout => canaryRollout({ steps: steps as never });

describe('validateRolloutSpec', () => {
  it('answers undefined for a valid spec and the first field error for an invalid one, frozen or not', () => {
    const invalidMessage = 'spec.strategy.steps[0].setWeight: Invalid value: 200: SetWeight needs to be between 0 and 100';
    expect(validateRolloutSpec(withSteps([{ setWeight: 20 }]))).toBeUndefined();
    expect(validateRolloutSpec(withSteps([{ setWeight: 200 }]))).toBe(invalidMessage);
    const frozenValid = deepFreeze(withSteps([{ setWeight: 20 }])) as Rollout;
    const frozenInvalid = deepFreeze(withSteps([{ setWeight: 200 }])) as Rollout;
    for (let i = 0; i < 2; i++) {
      expect(validateRolloutSpec(frozenValid)).toBeUndefined();
      expect(validateRolloutSpec(frozenInvalid)).toBe(invalidMessage);
    }
  });

  it('judges a rollout whose spec is a new object afresh', () => {
    const frozen = deepFreeze(withSteps([{ setWeight: 20 }])) as Rollout;
    expect(validateRolloutSpec(frozen)).toBeUndefined();
    const changed = deepFreeze({ ...frozen, spec: { ...frozen.spec, strategy: { canary: { steps: [{ setWeight: -1 }] } } } }) as Rollout;
    expect(validateRolloutSpec(changed)).toMatch(/^spec\.strategy\.steps\[0\]\.setWeight: Invalid value: -1/);
  });
});
