// Rollout arithmetic tables: fenceposts, new ReplicaSet growth, old ReplicaSet shrink budget, proportional scaling.
import type { Deployment, IntOrString, ReplicaSet } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { maxScaledDown, newReplicaSetReplicas, proportionalSizes, resolveFenceposts, scaledValue } from './replica-math.js';

function deployment(replicas: number, maxSurge?: IntOrString, maxUnavailable?: IntOrString, type: 'RollingUpdate' | 'Recreate' = 'RollingUpdate'): Deployment {
  return {
    metadata: { name: 'web' },
    spec: { replicas, selector: {}, template: {}, strategy: { type, rollingUpdate: { maxSurge, maxUnavailable } } },
  };
}

function rs(name: string, replicas: number, available = replicas, created = '2026-01-01T00:00:00Z', maxReplicas?: number): ReplicaSet {
  return {
    metadata: { name, creationTimestamp: created, annotations: maxReplicas === undefined ? {} : { 'deployment.kubernetes.io/max-replicas': String(maxReplicas) } },
    spec: { replicas, selector: {} },
    status: { replicas, availableReplicas: available },
  };
}

describe('resolveFenceposts', () => {
  it.each([
    { name: '25%/25% of 10 gives surge 3 (up) and unavailable 2 (down)', surge: '25%', unavailable: '25%', desired: 10, expected: { surge: 3, unavailable: 2 } },
    { name: '25%/25% of 3 gives surge 1 and unavailable 0', surge: '25%', unavailable: '25%', desired: 3, expected: { surge: 1, unavailable: 0 } },
    { name: 'defaults (undefined) are 25%', surge: undefined, unavailable: undefined, desired: 4, expected: { surge: 1, unavailable: 1 } },
    { name: 'both 0 turns unavailable into 1', surge: 0, unavailable: 0, desired: 5, expected: { surge: 0, unavailable: 1 } },
    { name: '0%/0% also turns unavailable into 1', surge: '0%', unavailable: '0%', desired: 5, expected: { surge: 0, unavailable: 1 } },
    { name: 'integers are taken as they are', surge: 2, unavailable: 1, desired: 5, expected: { surge: 2, unavailable: 1 } },
    { name: '100% surge doubles the pods', surge: '100%', unavailable: 0, desired: 5, expected: { surge: 5, unavailable: 0 } },
  ] as const)('$name', ({ surge, unavailable, desired, expected }) => {
    expect(resolveFenceposts(surge, unavailable, desired)).toEqual(expected);
  });

  it('rejects a value that is neither an integer nor a percent', () => {
    expect(() => scaledValue('abc', 10, true)).toThrow(/invalid value/);
  });
});

describe('rolling update steps', () => {
  it.each([
    { name: 'surge 1, unavailable 0: the new RS grows to 1 first', d: deployment(3, 1, 0), old: 3, newRs: 0, newAvail: 0, target: 1, shrink: 0 },
    { name: 'surge 1, unavailable 0: once the new pod is available one old pod may go', d: deployment(3, 1, 0), old: 3, newRs: 1, newAvail: 1, target: 1, shrink: 1 },
    { name: 'surge 0, unavailable 1: the new RS cannot grow before an old pod goes', d: deployment(3, 0, 1), old: 3, newRs: 0, newAvail: 0, target: 0, shrink: 1 },
    { name: '25%/25% of 10: grows to 3 at once and may shrink 2', d: deployment(10, '25%', '25%'), old: 10, newRs: 0, newAvail: 0, target: 3, shrink: 2 },
    { name: '25%/25% of 10 with 3 unavailable new pods: no growth, still 2 to shrink', d: deployment(10, '25%', '25%'), old: 10, newRs: 3, newAvail: 0, target: 3, shrink: 2 },
    { name: 'surge 0, unavailable 1 with 1 unavailable new pod: nothing more may go', d: deployment(3, 0, 1), old: 2, newRs: 1, newAvail: 0, target: 1, shrink: 0 },
    { name: 'surge 2, unavailable 2 of 4: grows to 2, shrinks 2', d: deployment(4, 2, 2), old: 4, newRs: 0, newAvail: 0, target: 2, shrink: 2 },
    { name: 'Recreate sizes the new RS at full replicas', d: deployment(4, undefined, undefined, 'Recreate'), old: 0, newRs: 0, newAvail: 0, target: 4, shrink: -4 },
  ])('$name', ({ d, old, newRs, newAvail, target, shrink }) => {
    const oldRS = rs('old', old);
    const newRS = rs('new', newRs, newAvail);
    expect(newReplicaSetReplicas(d, [oldRS, newRS], newRS)).toBe(target);
    expect(maxScaledDown(d, [oldRS, newRS], newRS)).toBe(shrink);
  });

  it('does not grow the new RS past replicas + maxSurge pods in total', () => {
    const d = deployment(3, 1, 0);
    expect(newReplicaSetReplicas(d, [rs('old', 3), rs('new', 1, 0)], rs('new', 1, 0))).toBe(1);
    expect(newReplicaSetReplicas(d, [rs('old', 2), rs('new', 1)], rs('new', 1))).toBe(2);
  });
});

describe('proportionalSizes', () => {
  it('shares added replicas in proportion to each ReplicaSet, leftovers to the largest', () => {
    // 10 → 15 replicas (surge 3 → 4): old 7 and new 5 were sized for max 13.
    const d = deployment(15, '25%', '25%');
    const sizes = proportionalSizes(d, [rs('old', 7, 7, '2026-01-01T00:00:00Z', 13), rs('new', 5, 0, '2026-01-02T00:00:00Z', 13)]);
    expect(sizes.get('old')! + sizes.get('new')!).toBe(19);
    // old: round(7·19/13)-7 = 3, new: round(5·19/13)-5 = 2, leftover 2 to the largest (old).
    expect(sizes).toEqual(new Map([['old', 12], ['new', 7]]));
  });

  it('removes replicas proportionally when scaled down, never below 0', () => {
    const d = deployment(2, 0, 1);
    const sizes = proportionalSizes(d, [rs('old', 3, 3, '2026-01-01T00:00:00Z', 4), rs('new', 1, 1, '2026-01-02T00:00:00Z', 4)]);
    expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBe(2);
    expect(sizes.get('old')).toBeGreaterThanOrEqual(sizes.get('new')!);
  });
});
