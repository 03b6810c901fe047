// Pod phase, conditions and QoS class from container records (pure).
import { describe, expect, it } from 'vitest';
import type { ContainerState, Pod, PodCondition, RestartPolicy } from '@aviary/kube';
import { createContainerRecord, type ContainerRecord } from './container-record.js';
import { computePodPhase, shouldRestart } from './pod-phase.js';
import { computePodStatus, computeQosClass } from './pod-status.js';

function record(name: string, state: ContainerState, options: { last?: ContainerState; ready?: boolean; isInit?: boolean } = {}): ContainerRecord {
  const r = createContainerRecord({ name, image: 'busybox' }, { isInit: options.isInit ?? false, waitingReason: 'ContainerCreating' });
  r.state = state;
  r.lastState = options.last ?? {};
  r.ready = options.ready ?? false;
  return r;
}

const running = { running: { startedAt: '2026-01-01T00:00:00Z' } };
const exited = (exitCode: number): ContainerState => ({ terminated: { exitCode } });
const waiting = (reason: string): ContainerState => ({ waiting: { reason } });

describe('computePodPhase', () => {
  it.each([
    ['a container not started yet keeps the pod Pending', 'Always', [], [record('a', waiting('ContainerCreating'))], 'Pending'],
    ['an unfinished init container keeps it Pending', 'Always', [record('i', running, { isInit: true })], [record('a', waiting('PodInitializing'))], 'Pending'],
    ['a failed init container under Never fails it', 'Never', [record('i', exited(1), { isInit: true })], [record('a', waiting('PodInitializing'))], 'Failed'],
    ['a failed init container under OnFailure keeps it Pending', 'OnFailure', [record('i', waiting('CrashLoopBackOff'), { isInit: true, last: exited(1) })], [record('a', waiting('PodInitializing'))], 'Pending'],
    ['one running container makes it Running', 'Never', [], [record('a', running), record('b', exited(1))], 'Running'],
    ['a crash-looping container under Always is Running', 'Always', [], [record('a', waiting('CrashLoopBackOff'), { last: exited(1) })], 'Running'],
    ['all exited 0 under OnFailure is Succeeded', 'OnFailure', [], [record('a', exited(0)), record('b', exited(0))], 'Succeeded'],
    ['all exited 0 under Always is Running (they restart)', 'Always', [], [record('a', exited(0))], 'Running'],
    ['a failure under Never is Failed', 'Never', [], [record('a', exited(0)), record('b', exited(2))], 'Failed'],
    ['a failure under OnFailure is Running (it restarts)', 'OnFailure', [], [record('a', exited(2))], 'Running'],
  ] as [string, RestartPolicy, ContainerRecord[], ContainerRecord[], string][])('%s', (_name, restartPolicy, initContainers, containers, phase) => {
    expect(computePodPhase({ restartPolicy, initContainers, containers })).toBe(phase);
  });
});

describe('shouldRestart', () => {
  it.each([
    ['Always', 0, false, true],
    ['Always', 0, true, false],
    ['Always', 1, true, true],
    ['OnFailure', 0, false, false],
    ['OnFailure', 1, false, true],
    ['Never', 1, false, false],
  ] as [RestartPolicy, number, boolean, boolean][])('%s, exit %i, init %s → %s', (restartPolicy, exitCode, isInit, expected) => {
    expect(shouldRestart({ restartPolicy, exitCode, isInit })).toBe(expected);
  });
});

describe('computePodStatus', () => {
  const pod = (conditions: PodCondition[] = []): Pod => ({ metadata: { name: 'p', uid: 'u' }, spec: { containers: [{ name: 'a' }] }, status: { conditions } });
  const base = { podIP: '127.10.0.1', hostIP: '127.0.0.1', startTime: '2026-01-01T00:00:00Z' };

  it('keeps lastTransitionTime while a condition holds and moves it on a transition', () => {
    const first = computePodStatus({ ...base, pod: pod(), initContainers: [], containers: [record('a', running, { ready: false })], nowIso: 'T1' });
    const ready1 = first.conditions?.find((c) => c.type === 'Ready');
    expect(ready1).toMatchObject({ status: 'False', lastTransitionTime: 'T1', reason: 'ContainersNotReady', message: 'containers with unready status: [a]' });
    const same = computePodStatus({ ...base, pod: pod(first.conditions), initContainers: [], containers: [record('a', running, { ready: false })], nowIso: 'T2' });
    expect(same.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime).toBe('T1');
    const flipped = computePodStatus({ ...base, pod: pod(first.conditions), initContainers: [], containers: [record('a', running, { ready: true })], nowIso: 'T3' });
    expect(flipped.conditions?.find((c) => c.type === 'Ready')).toEqual({ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: 'T3' });
    expect(flipped.conditions?.find((c) => c.type === 'PodScheduled')?.lastTransitionTime).toBe('T1');
  });

  it('marks a Succeeded pod PodCompleted', () => {
    const pod0: Pod = { metadata: { name: 'p' }, spec: { restartPolicy: 'Never', containers: [{ name: 'a' }] } };
    const status = computePodStatus({ ...base, pod: pod0, initContainers: [], containers: [record('a', exited(0))], nowIso: 'T' });
    expect(status.phase).toBe('Succeeded');
    expect(status.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });
});

describe('computeQosClass', () => {
  it.each([
    ['no requests or limits', {}, 'BestEffort'],
    ['limits equal to requests for cpu and memory', { limits: { cpu: '500m', memory: '64Mi' }, requests: { cpu: '0.5', memory: '64Mi' } }, 'Guaranteed'],
    ['limits only (requests default to them)', { limits: { cpu: '1', memory: '1Gi' } }, 'Guaranteed'],
    ['a request below its limit', { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m' } }, 'Burstable'],
    ['a memory request only', { requests: { memory: '10Mi' } }, 'Burstable'],
  ])('%s → %s', (_name, resources, qos) => {
    expect(computeQosClass({ spec: { containers: [{ name: 'a', resources }] } })).toBe(qos);
  });
});
