// Replica math tables: surge resolution, step weights, weight approximation and canary replica counts.
import type { CanaryStep, ReplicaSet, Rollout, RolloutStatus, TrafficWeights } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { approximateWeightedCounts } from './basic-canary.js';
import { currentSetWeight, desiredCanaryWeight } from './canary-weight.js';
import { atDesiredReplicaCountsForCanary, calculateReplicaCountsForCanary } from './replica-counts.js';
import { maxSurge, maxUnavailable } from './surge.js';

const seedSteps: CanaryStep[] = [{ setWeight: 20 }, { pause: {} }, { setWeight: 40 }, { pause: { duration: 10 } }];

function canary(options: { replicas?: number; steps?: CanaryStep[]; status?: RolloutStatus; canary?: Record<string, unknown> } = {}): Rollout {
  return {
    metadata: { name: 'demo', namespace: 'default' },
    spec: {
      replicas: options.replicas ?? 5,
      selector: { matchLabels: { app: 'demo' } },
      strategy: { canary: { steps: options.steps ?? seedSteps, ...options.canary } },
    },
    status: { stableRS: 'stable', currentPodHash: 'new', currentStepIndex: 0, ...options.status },
  };
}

function rs(name: string, spec: number, available = spec, replicas = spec): ReplicaSet {
  return { metadata: { name }, spec: { replicas: spec, selector: {} }, status: { replicas, availableReplicas: available, readyReplicas: available } };
}

describe('maxSurge and maxUnavailable', () => {
  const withStrategy = (replicas: number, strategy: Rollout['spec']['strategy']): Rollout => ({ spec: { replicas, strategy } });
  it.each<[string, Rollout, number, number]>([
    ['defaults of 25% on 5 replicas surge 2 and allow 1 unavailable', withStrategy(5, { canary: {} }), 2, 1],
    ['both zero resolves to one unavailable', withStrategy(5, { canary: { maxSurge: 0, maxUnavailable: 0 } }), 0, 1],
    ['a string without % is still a percentage', withStrategy(5, { canary: { maxSurge: '20', maxUnavailable: '50' } }), 1, 2],
    ['integers are taken as they are', withStrategy(5, { canary: { maxSurge: 3, maxUnavailable: 2 } }), 3, 2],
    ['unavailability never exceeds the replicas', withStrategy(5, { canary: { maxSurge: 1, maxUnavailable: 10 } }), 1, 5],
    ['zero replicas allow nothing unavailable', withStrategy(0, { canary: {} }), 0, 0],
    ['blue-green never surges and defaults to 25% unavailable', withStrategy(4, { blueGreen: { activeService: 'a' } }), 0, 1],
  ])('%s', (_name, rollout, surge, unavailable) => {
    expect(maxSurge(rollout)).toBe(surge);
    expect(maxUnavailable(rollout)).toBe(unavailable);
  });
});

describe('the current setWeight', () => {
  it.each<[string, Rollout, number]>([
    ['the first step sets 20', canary({ status: { currentStepIndex: 0 } }), 20],
    ['a pause keeps the weight before it', canary({ status: { currentStepIndex: 1 } }), 20],
    ['the third step sets 40', canary({ status: { currentStepIndex: 2 } }), 40],
    ['past the last step the weight is full', canary({ status: { currentStepIndex: 4 } }), 100],
    ['an abort means no canary weight', canary({ status: { currentStepIndex: 2, abort: true } }), 0],
    ['no steps means full weight', canary({ steps: [] }), 100],
    ['a leading pause has no weight yet', canary({ steps: [{ pause: {} }, { setWeight: 50 }] }), 0],
  ])('%s', (_name, rollout, weight) => {
    expect(currentSetWeight(rollout)).toBe(weight);
  });

  const abortedDynamic = (delay?: number) =>
    canary({
      replicas: 10,
      steps: [{ setWeight: 10 }, { setWeight: 50 }, { setWeight: 80 }],
      status: { abort: true, currentStepIndex: 2 },
      canary: { dynamicStableScale: true, trafficRouting: { nginx: { stableIngress: 'web' } }, ...(delay === undefined ? {} : { abortScaleDownDelaySeconds: delay }) },
    });

  it.each<[string, number | undefined, number, number, number]>([
    // With an explicit delay only the pods stable still lacks count: 10 - 6 = 4; the largest step under 4 pods is 10%.
    ['with an explicit delay and 6 stable pods available the weight drops to 10%', 30, 8, 6, 10],
    // 10 - 2 = 8 pods still needed on the canary: 50% (5 pods) is the largest step under 8.
    ['with an explicit delay and 2 stable pods available the weight holds at 50%', 30, 8, 2, 50],
    // Without an explicit delay the canary's 8 available pods still count, so 50% remains.
    ['without an explicit delay available canary pods keep the weight at 50%', undefined, 8, 6, 50],
    ['once stable is full the weight is 0', 30, 8, 10, 0],
  ])('on a dynamic abort %s', (_name, delay, newAvailable, stableAvailable, weight) => {
    expect(desiredCanaryWeight(abortedDynamic(delay), rs('new', 8, newAvailable), rs('stable', stableAvailable, stableAvailable))).toBe(weight);
  });
});

describe('approximating a weight with whole pods', () => {
  it.each<[string, [number, number, number], { canary: number; stable: number }]>([
    ['5 replicas at 20% make 1 canary and 4 stable', [5, 20, 0], { canary: 1, stable: 4 }],
    ['0% keeps every pod stable', [5, 0, 0], { canary: 0, stable: 5 }],
    ['100% moves every pod to the canary', [5, 100, 0], { canary: 5, stable: 0 }],
    ['a single replica without surge may go fully canary', [1, 50, 0], { canary: 1, stable: 0 }],
    ['a single replica with surge runs one of each', [1, 50, 1], { canary: 1, stable: 1 }],
    ['an exact half splits evenly', [4, 50, 1], { canary: 2, stable: 2 }],
    ['a .5 tie rounds the canary up', [3, 50, 0], { canary: 2, stable: 1 }],
    ['surge allows an extra pod when that is closer to the weight', [10, 25, 1], { canary: 3, stable: 8 }],
    ['a tiny weight still gets one canary pod when two pods are possible', [2, 1, 0], { canary: 1, stable: 1 }],
    ['zero replicas make nothing', [0, 50, 1], { canary: 0, stable: 0 }],
  ])('%s', (_name, [replicas, weight, surge], expected) => {
    expect(approximateWeightedCounts(replicas, weight, 100, surge)).toEqual(expected);
  });
});

describe('basic canary replica counts', () => {
  it.each<[string, Rollout, ReplicaSet | undefined, ReplicaSet | undefined, ReplicaSet[], [number, number]]>([
    ['the first step of 20% runs 1 canary and scales stable to 4 at once', canary(), rs('new', 0), rs('stable', 5), [], [1, 4]],
    ['at 20% with everything available nothing changes', canary(), rs('new', 1), rs('stable', 4), [], [1, 4]],
    ['40% grows the canary within the surge, stable waits while the new pod is unavailable', canary({ status: { currentStepIndex: 2 } }), rs('new', 1, 0), rs('stable', 4), [], [2, 4]],
    ['40% grows the canary and trims stable by what availability allows', canary({ status: { currentStepIndex: 2 } }), rs('new', 1), rs('stable', 4), [], [2, 3]],
    ['40% scales stable down once the new pod is available', canary({ status: { currentStepIndex: 2 } }), rs('new', 2, 2), rs('stable', 4), [], [2, 3]],
    ['an abort restores stable and drains the canary', canary({ status: { abort: true } }), rs('new', 1), rs('stable', 4), [], [0, 5]],
    ['older ReplicaSets with pods hold back any scale-down', canary(), rs('new', 0), rs('stable', 5), [rs('older', 2)], [0, 5]],
    ['a first deploy with no stable puts every replica on the new ReplicaSet', canary({ status: { stableRS: '' } }), rs('new', 0), undefined, [], [5, 0]],
    ['new equal to stable runs all replicas on it', canary({ status: { currentPodHash: 'stable' } }), rs('stable', 5), rs('stable', 5), [], [5, 0]],
    ['promote --full heads for 100% within surge and unavailability', canary({ status: { promoteFull: true } }), rs('new', 1), rs('stable', 4), [], [3, 3]],
  ])('%s', (_name, rollout, newRS, stableRS, others, [expectedNew, expectedStable]) => {
    expect(calculateReplicaCountsForCanary(rollout, newRS, stableRS, others)).toEqual({ newRSReplicaCount: expectedNew, stableRSReplicaCount: expectedStable });
  });
});

describe('traffic-routed canary replica counts', () => {
  const routed = (extra: Record<string, unknown> = {}, status: RolloutStatus = {}) =>
    canary({ replicas: 10, steps: [{ setWeight: 30 }, { pause: {} }], canary: { trafficRouting: { nginx: { stableIngress: 'web' } }, ...extra }, status });
  const weights = (canaryWeight: number, stableWeight: number): TrafficWeights => ({ canary: { weight: canaryWeight }, stable: { weight: stableWeight } });

  it.each<[string, Rollout, TrafficWeights | undefined, [number, number]]>([
    ['the canary follows the weight while stable stays full', routed(), undefined, [3, 10]],
    ['dynamicStableScale shrinks stable to the complement', routed({ dynamicStableScale: true }), undefined, [3, 7]],
    ['dynamicStableScale keeps stable pods the router still sends traffic to', routed({ dynamicStableScale: true }), weights(0, 100), [3, 10]],
    ['minPodsPerReplicaSet raises a small canary', canary({ replicas: 10, steps: [{ setWeight: 5 }], canary: { trafficRouting: { nginx: { stableIngress: 'web' } }, minPodsPerReplicaSet: 2 } }), undefined, [2, 10]],
    [
      'setCanaryScale replicas scale the canary exactly',
      canary({ replicas: 10, steps: [{ setCanaryScale: { replicas: 4 } }, { setWeight: 10 }], canary: { trafficRouting: { nginx: { stableIngress: 'web' } } } }),
      undefined,
      [4, 10],
    ],
    [
      'setCanaryScale weight may exceed the traffic weight',
      canary({ replicas: 10, steps: [{ setCanaryScale: { weight: 50 } }, { setWeight: 10 }], canary: { trafficRouting: { nginx: { stableIngress: 'web' } } }, status: { currentStepIndex: 1 } }),
      undefined,
      [5, 10],
    ],
    [
      'matchTrafficWeight cancels an earlier setCanaryScale',
      canary({
        replicas: 10,
        steps: [{ setCanaryScale: { weight: 50 } }, { setCanaryScale: { matchTrafficWeight: true } }, { setWeight: 10 }],
        canary: { trafficRouting: { nginx: { stableIngress: 'web' } } },
        status: { currentStepIndex: 2 },
      }),
      undefined,
      [1, 10],
    ],
  ])('%s', (_name, rollout, recorded, [expectedNew, expectedStable]) => {
    expect(calculateReplicaCountsForCanary(rollout, rs('new', 0), rs('stable', 10), [], recorded)).toEqual({
      newRSReplicaCount: expectedNew,
      stableRSReplicaCount: expectedStable,
    });
  });
});

describe('whether a step reached its replica counts', () => {
  it('is reached when the canary has its pods available and stable is at its count', () => {
    expect(atDesiredReplicaCountsForCanary(canary(), rs('new', 1, 1), rs('stable', 4), [])).toBe(true);
  });
  it('is not reached while the canary pod is unavailable', () => {
    expect(atDesiredReplicaCountsForCanary(canary(), rs('new', 1, 0), rs('stable', 4), [])).toBe(false);
  });
  it('is not reached while an older ReplicaSet still has available pods', () => {
    expect(atDesiredReplicaCountsForCanary(canary(), rs('new', 1, 1), rs('stable', 4), [rs('older', 0, 1)])).toBe(false);
  });
  it('honours a percentage progress threshold', () => {
    const rollout = canary({ replicas: 10, steps: [{ setWeight: 50 }], canary: { replicaProgressThreshold: { type: 'Percent', value: 60 } } });
    expect(atDesiredReplicaCountsForCanary(rollout, rs('new', 5, 3), rs('stable', 5), [])).toBe(true);
    expect(atDesiredReplicaCountsForCanary(rollout, rs('new', 5, 2), rs('stable', 5), [])).toBe(false);
  });
});
