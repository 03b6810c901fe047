// Tests for finding the new ReplicaSet despite hash drift, and for the validation seam turning a bad spec into InvalidSpec.
import type { ReplicaSet } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { findNewReplicaSet } from './replicasets.js';
import { canaryRollout, RolloutFixture } from './testdata/fixture.js';

function replicaSet(name: string, hash: string, image: string, extraLabels: Record<string, string> = {}): ReplicaSet {
  const template = structuredClone(canaryRollout({ image }).spec.template!);
  template.metadata!.labels = { ...template.metadata!.labels, 'rollouts-pod-template-hash': hash, ...extraLabels };
  return { metadata: { name, labels: { 'rollouts-pod-template-hash': hash } }, spec: { selector: {}, template } };
}

describe('findNewReplicaSet', () => {
  it('finds an RS whose hash label differs (created by another implementation) by template equality', () => {
    const rollout = canaryRollout({ image: 'argoproj/rollouts-demo:yellow' });
    const sets = [replicaSet('demo-old', 'aaaa', 'argoproj/rollouts-demo:blue'), replicaSet('demo-go', 'zzzz', 'argoproj/rollouts-demo:yellow')];
    expect(findNewReplicaSet(rollout, sets)?.metadata?.name).toBe('demo-go');
  });

  it('ignores injected ephemeral metadata when comparing templates', () => {
    const rollout = canaryRollout({ image: 'argoproj/rollouts-demo:yellow' });
    const rs = replicaSet('demo-go', 'zzzz', 'argoproj/rollouts-demo:yellow', { role: 'canary' });
    rs.metadata!.annotations = { 'rollout.argoproj.io/ephemeral-metadata': '{"labels":{"role":"canary"}}' };
    expect(findNewReplicaSet(rollout, [rs])?.metadata?.name).toBe('demo-go');
  });

  it('finds nothing for a template no RS runs', () => {
    expect(findNewReplicaSet(canaryRollout({ image: 'argoproj/rollouts-demo:red' }), [replicaSet('demo-old', 'aaaa', 'argoproj/rollouts-demo:blue')])).toBeUndefined();
  });
});

describe('the validation seam', () => {
  it('records InvalidSpec (phase Degraded), creates nothing, and looks again in 20 s instead of throwing', async () => {
    const fixture = new RolloutFixture({
      objects: [canaryRollout()],
      validate: () => 'spec.strategy.canary.steps[0].setWeight: Invalid value: 200: must be between 0 and 100',
    });
    expect(await fixture.sync()).toEqual(['patch rollouts/status default/demo']);
    const status = fixture.rollout().status!;
    const message = 'The Rollout "demo" is invalid: spec.strategy.canary.steps[0].setWeight: Invalid value: 200: must be between 0 and 100';
    expect(status).toMatchObject({ phase: 'Degraded', message: `InvalidSpec: ${message}` });
    expect(status.conditions?.[0]).toMatchObject({ type: 'InvalidSpec', status: 'True', reason: 'InvalidSpec', message });
    expect(fixture.requeues).toEqual([['default/demo', 20_000]]);
    expect(await fixture.sync()).toEqual([]); // unchanged: no write
  });

  it('a missing rollout is simply done', async () => {
    const fixture = new RolloutFixture();
    expect(await fixture.sync('default/gone')).toEqual([]);
  });
});
