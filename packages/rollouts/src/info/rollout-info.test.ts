// RolloutInfo derivation: ReplicaSet roles, actual weight, images, revisions, steps and the pause countdown.
import type { CanaryStep, Pod, ReplicaSet, Rollout, RolloutStatus, RolloutStrategy } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { rolloutInfo, type RolloutInfoInput } from './rollout-info.js';
import { StepState } from './step-info.js';

const now = Date.parse('2026-08-20T12:00:00Z');
const uid = 'ro-uid';
const steps: CanaryStep[] = [{ setWeight: 20 }, { pause: {} }, { setWeight: 40 }, { pause: { duration: '1m' } }];

function rollout(strategy: RolloutStrategy, status: RolloutStatus, spec: Partial<Rollout['spec']> = {}): Rollout {
  return {
    metadata: { name: 'demo', namespace: 'ns', uid, generation: 1, creationTimestamp: '2026-08-19T12:00:00Z' },
    spec: { replicas: 5, strategy, template: { spec: { containers: [{ name: 'demo', image: 'demo:v2' }] } }, ...spec },
    status: { observedGeneration: '1', ...status },
  };
}

function replicaSet(hash: string, revision: number, image: string, replicas: number, available = replicas, owner = uid): ReplicaSet {
  return {
    metadata: {
      name: `demo-${hash}`,
      uid: `rs-${hash}`,
      creationTimestamp: '2026-08-20T11:00:00Z',
      labels: { 'rollouts-pod-template-hash': hash },
      annotations: { 'rollout.argoproj.io/revision': String(revision) },
      ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'demo', uid: owner }],
    },
    spec: { replicas, selector: {}, template: { spec: { containers: [{ name: 'demo', image }] } } },
    status: { replicas, availableReplicas: available },
  };
}

function pod(name: string, rsHash: string): Pod {
  return {
    metadata: { name, uid: name, creationTimestamp: '2026-08-20T11:30:00Z', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid: `rs-${rsHash}` }] },
    spec: { containers: [{ name: 'demo', image: 'x' }] },
    status: { phase: 'Running', containerStatuses: [{ name: 'demo', image: 'x', imageID: '', ready: true, restartCount: 0, state: { running: {} } }] },
  };
}

function info(ro: Rollout, replicaSets: ReplicaSet[] = [], extra: Partial<RolloutInfoInput> = {}) {
  return rolloutInfo({ rollout: ro, replicaSets, pods: [], analysisRuns: [], experiments: [], now, ...extra });
}

const canaryMidway = (status: RolloutStatus = {}, strategy: RolloutStrategy = { canary: { steps } }) =>
  rollout(strategy, { currentPodHash: 'new', stableRS: 'old', currentStepIndex: 1, availableReplicas: 5, ...status });

describe('ReplicaSet roles', () => {
  it('marks the stable hash stable and the current pod hash canary', () => {
    const view = info(canaryMidway(), [replicaSet('new', 2, 'demo:v2', 1), replicaSet('old', 1, 'demo:v1', 4), replicaSet('older', 0, 'demo:v0', 0)]);
    expect(view.replicaSets.map((rs) => [rs.name, rs.stable, rs.canary])).toEqual([
      ['demo-new', false, true],
      ['demo-old', true, false],
      ['demo-older', false, false],
    ]);
  });

  it('a fully promoted canary ReplicaSet is stable, not canary', () => {
    const view = info(canaryMidway({ stableRS: 'new', currentStepIndex: 4 }), [replicaSet('new', 2, 'demo:v2', 5)]);
    expect(view.replicaSets[0]).toMatchObject({ stable: true, canary: false });
  });

  it('blue-green: active and preview come from the service selectors, stable from status.stableRS', () => {
    const ro = rollout({ blueGreen: { activeService: 'a', previewService: 'p' } }, { stableRS: 'old', currentPodHash: 'new', blueGreen: { activeSelector: 'old', previewSelector: 'new' } });
    const view = info(ro, [replicaSet('new', 2, 'demo:v2', 5), replicaSet('old', 1, 'demo:v1', 5)]);
    expect(view.replicaSets.map((rs) => [rs.name, rs.stable, rs.active, rs.preview])).toEqual([
      ['demo-new', false, false, true],
      ['demo-old', true, true, false],
    ]);
    expect(view.images).toEqual([
      { image: 'demo:v1', tags: ['stable', 'active'] },
      { image: 'demo:v2', tags: ['preview'] },
    ]);
    expect(view.strategy).toBe('BlueGreen');
    expect(view.setWeight).toBe('');
  });

  it('ping-pong tags the stable side with the stable service and the canary with the other', () => {
    const strategy: RolloutStrategy = { canary: { steps, pingPong: { pingService: 'ping', pongService: 'pong' } } };
    const view = info(canaryMidway({ canary: { stablePingPong: 'pong' } }, strategy), [replicaSet('new', 2, 'demo:v2', 1), replicaSet('old', 1, 'demo:v1', 4)]);
    expect(view.replicaSets.map((rs) => [rs.ping, rs.pong])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('ignores ReplicaSets owned by something else and places pods under their owner', () => {
    const view = info(canaryMidway(), [replicaSet('new', 2, 'demo:v2', 1), replicaSet('other', 1, 'x:1', 1, 1, 'other-uid')], {
      pods: [pod('demo-new-b', 'new'), pod('demo-new-a', 'new'), pod('stray', 'other')],
    });
    expect(view.replicaSets.map((rs) => rs.name)).toEqual(['demo-new']);
    expect(view.replicaSets[0]?.pods.map((p) => p.name)).toEqual(['demo-new-a', 'demo-new-b']);
  });
});

describe('weights', () => {
  it.each<[string, Rollout, ReplicaSet[], string, string]>([
    ['a basic canary weighs the canary share of available pods', canaryMidway(), [replicaSet('new', 2, 'v2', 1), replicaSet('old', 1, 'v1', 4)], '20', '20'],
    ['integer division rounds the share down', canaryMidway({ availableReplicas: 3 }), [replicaSet('new', 2, 'v2', 1), replicaSet('old', 1, 'v1', 2)], '20', '33'],
    ['nothing available means weight 0', canaryMidway({ availableReplicas: 0 }), [replicaSet('new', 2, 'v2', 1, 0)], '20', '0'],
    ['past the last step both are the maximum', canaryMidway({ currentStepIndex: 4, stableRS: 'new' }), [replicaSet('new', 2, 'v2', 5)], '100', '100'],
    ['an abort sets the weight to 0', canaryMidway({ abort: true, currentStepIndex: 0 }), [replicaSet('new', 2, 'v2', 0, 0), replicaSet('old', 1, 'v1', 5)], '0', '0'],
    [
      'traffic routing reports the weight the router was given',
      canaryMidway({ canary: { weights: { canary: { weight: 5 }, stable: { weight: 95 } } } }, { canary: { steps, canaryService: 'c', stableService: 's', trafficRouting: { nginx: { stableIngress: 'i' } } } }),
      [replicaSet('new', 2, 'v2', 1)],
      '20',
      '5',
    ],
    [
      'traffic routing without recorded weights falls back to the set weight',
      canaryMidway({}, { canary: { steps, canaryService: 'c', stableService: 's', trafficRouting: { nginx: { stableIngress: 'i' } } } }),
      [replicaSet('new', 2, 'v2', 1)],
      '20',
      '20',
    ],
  ])('%s', (_name, ro, replicaSets, setWeight, actualWeight) => {
    expect(info(ro, replicaSets)).toMatchObject({ strategy: 'Canary', setWeight, actualWeight });
  });

  it('without steps the step is blank and the weights are the maximum', () => {
    expect(info(rollout({ canary: {} }, { availableReplicas: 1 }))).toMatchObject({ step: '', setWeight: '100', actualWeight: '100', steps: [] });
  });
});

describe('steps and pause countdown', () => {
  it('marks completed, current and pending steps', () => {
    const view = info(canaryMidway({ currentStepIndex: 2 }));
    expect(view.step).toBe('2/4');
    expect(view.steps.map((s) => [s.index, s.text, s.state])).toEqual([
      [0, 'setWeight: 20', StepState.Completed],
      [1, 'pause', StepState.Completed],
      [2, 'setWeight: 40', StepState.Current],
      [3, 'pause: 1m', StepState.Pending],
    ]);
  });

  it('counts down a timed canary pause from its pause condition', () => {
    const status: RolloutStatus = { currentStepIndex: 3, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2026-08-20T11:59:15Z' }] };
    expect(info(canaryMidway(status)).pauseCountdown).toEqual({ reason: 'CanaryPauseStep', endsAt: '2026-08-20T12:00:15Z', remaining: '15s', remainingSeconds: 15 });
  });

  it('rounds the remaining time up and stops at 0s once due', () => {
    const status: RolloutStatus = { currentStepIndex: 3, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2026-08-20T11:59:15Z' }] };
    expect(info(canaryMidway(status), [], { now: now + 14_200 }).pauseCountdown?.remaining).toBe('1s');
    expect(info(canaryMidway(status), [], { now: now + 60_000 }).pauseCountdown?.remaining).toBe('0s');
  });

  it.each<[string, Rollout]>([
    ['an indefinite pause', canaryMidway({ currentStepIndex: 1, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2026-08-20T11:59:00Z' }] })],
    ['a timed pause step not yet paused', canaryMidway({ currentStepIndex: 3 })],
    [
      'a user pause on top of a timed pause',
      rollout({ canary: { steps } }, { currentStepIndex: 3, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2026-08-20T11:59:00Z' }] }, { paused: true }),
    ],
    ['blue-green without auto-promotion seconds', rollout({ blueGreen: { activeService: 'a' } }, { pauseConditions: [{ reason: 'BlueGreenPause', startTime: '2026-08-20T11:59:00Z' }] })],
  ])('has no countdown for %s', (_name, ro) => {
    expect(info(ro).pauseCountdown).toBeUndefined();
  });

  it('counts down a blue-green auto-promotion', () => {
    const ro = rollout({ blueGreen: { activeService: 'a', autoPromotionSeconds: 120 } }, { pauseConditions: [{ reason: 'BlueGreenPause', startTime: '2026-08-20T11:59:00Z' }] });
    expect(info(ro).pauseCountdown).toMatchObject({ reason: 'BlueGreenPause', remaining: '60s' });
  });
});

describe('header values', () => {
  it('reads the displayed phase, replica counts and containers', () => {
    const ro = canaryMidway({ phase: 'Paused', message: 'CanaryPauseStep', replicas: 6, updatedReplicas: 1, readyReplicas: 5 });
    expect(info(ro)).toMatchObject({
      name: 'demo',
      namespace: 'ns',
      age: '24h',
      status: 'Paused',
      message: 'CanaryPauseStep',
      icon: '॥',
      desired: 5,
      current: 6,
      updated: 1,
      ready: 5,
      available: 5,
      containers: [{ name: 'demo', image: 'demo:v2' }],
      restartedAt: 'Never',
    });
  });

  it('is Progressing while the controller has not observed the latest generation', () => {
    const ro = canaryMidway({ phase: 'Healthy', observedGeneration: '1' });
    ro.metadata = { ...ro.metadata, generation: 2 };
    expect(info(ro)).toMatchObject({ status: 'Progressing', icon: '◌', message: 'waiting for rollout spec update to be observed' });
  });

  it('groups objects by revision, newest first, and merges tags of an image shared by two ReplicaSets', () => {
    const view = info(canaryMidway(), [replicaSet('old', 1, 'demo:v1', 4), replicaSet('new', 2, 'demo:v1', 1)]);
    expect(view.revisions.map((r) => [r.revision, r.replicaSets.map((rs) => rs.name)])).toEqual([
      [2, ['demo-new']],
      [1, ['demo-old']],
    ]);
    expect(view.images).toEqual([{ image: 'demo:v1', tags: ['canary', 'stable'] }]);
  });
});
