// The demo's view of the cluster: colours of images, pod counts, and when the Service serves exactly the expected pods.
import type { Pod, ReplicaSet, Rollout } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { colorOfImage, countsEqual, describeProgress, servesExactly, type DemoState } from './demo-state.js';

function pod(color: string, ip: string, options: { ready?: boolean; deleting?: boolean } = {}): Pod {
  return {
    metadata: { name: `${color}-${ip}`, ...(options.deleting ? { deletionTimestamp: '2024-01-01T00:00:00Z' } : {}) },
    spec: { containers: [{ name: 'rollouts-demo', image: `argoproj/rollouts-demo:${color}` }] },
    status: { podIP: ip, conditions: [{ type: 'Ready', status: options.ready === false ? 'False' : 'True' }] },
  };
}

function replicaSet(color: string, replicas: number, ready: number): ReplicaSet {
  return {
    metadata: { name: color },
    spec: { replicas, selector: {}, template: { spec: { containers: [{ name: 'rollouts-demo', image: `argoproj/rollouts-demo:${color}` }] } } },
    status: { replicas, readyReplicas: ready },
  };
}

function stateOf(pods: Pod[], endpointIPs: string[], replicaSets: ReplicaSet[] = []): DemoState {
  const rollout = { metadata: { name: 'rollouts-demo' }, spec: { strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } } }, status: { phase: 'Paused', message: 'CanaryPauseStep', currentStepIndex: 1 } } as unknown as Rollout;
  const count = (list: Pod[]) => list.reduce<Record<string, number>>((acc, p) => ({ ...acc, [colorOfImage(p.spec?.containers[0]?.image)]: (acc[colorOfImage(p.spec?.containers[0]?.image)] ?? 0) + 1 }), {});
  const live = pods.filter((p) => !p.metadata?.deletionTimestamp);
  return {
    rollout,
    replicaSets,
    pods,
    endpointIPs,
    ready: count(live.filter((p) => p.status?.conditions?.[0]?.status === 'True')),
    live: count(live),
    terminating: pods.length - live.length,
  };
}

describe('colorOfImage', () => {
  it.each([
    ['argoproj/rollouts-demo:blue', 'blue'],
    ['localhost:5000/rollouts-demo:red', 'red'],
    ['localhost:5000/rollouts-demo', 'localhost:5000/rollouts-demo'],
  ])('%s is %s', (image, color) => expect(colorOfImage(image)).toBe(color));
});

describe('countsEqual', () => {
  it('treats an absent colour as zero', () => expect(countsEqual({ blue: 4, red: 0 }, { blue: 4 })).toBe(true));
  it('sees a colour too many', () => expect(countsEqual({ blue: 4, red: 1 }, { blue: 4 })).toBe(false));
});

describe('servesExactly', () => {
  const fourBlueOneYellow = [pod('blue', '1'), pod('blue', '2'), pod('blue', '3'), pod('blue', '4'), pod('yellow', '5')];

  it('holds when the ready pods are the expected ones and the Service sends to each of them', () => {
    expect(servesExactly(stateOf(fourBlueOneYellow, ['5', '4', '3', '2', '1']), { blue: 4, yellow: 1 })).toBe(true);
  });
  it('does not hold while the endpoints lag behind the pods', () => {
    expect(servesExactly(stateOf(fourBlueOneYellow, ['1', '2', '3', '4']), { blue: 4, yellow: 1 })).toBe(false);
  });
  it('does not hold while the canary pod is not ready', () => {
    const pods = [...fourBlueOneYellow.slice(0, 4), pod('yellow', '5', { ready: false })];
    expect(servesExactly(stateOf(pods, ['1', '2', '3', '4']), { blue: 4, yellow: 1 })).toBe(false);
  });
  it('ignores a terminating pod, which is already out of the endpoints', () => {
    const pods = [...fourBlueOneYellow, pod('blue', '6', { deleting: true })];
    expect(servesExactly(stateOf(pods, ['1', '2', '3', '4', '5']), { blue: 4, yellow: 1 })).toBe(true);
  });
});

describe('describeProgress', () => {
  it('reads as phase, step, pods per ReplicaSet and what the Service sends to', () => {
    const pods = [pod('blue', '1'), pod('blue', '2', { deleting: true }), pod('yellow', '3')];
    const state = stateOf(pods, ['1', '3'], [replicaSet('blue', 1, 1), replicaSet('yellow', 1, 1), replicaSet('red', 0, 0)]);
    expect(describeProgress(state)).toBe('Paused (CanaryPauseStep) · step 1/2 · pods blue 1/1, yellow 1/1 (1 terminating) · 2 behind the Service');
  });
});
