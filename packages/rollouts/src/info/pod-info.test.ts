// Pod and ReplicaSet statuses as the tree shows them, and the durations it prints.
import type { ContainerStatus, Pod, ReplicaSet } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { humanDuration } from './human-duration.js';
import { StatusIcon } from './icons.js';
import { podInfo } from './pod-info.js';
import { replicaSetHealth, scaleDownDelay } from './replicaset-info.js';

const now = Date.parse('2026-08-20T12:00:00Z');

function container(state: ContainerStatus['state'], extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name: 'app', image: 'x', imageID: '', ready: false, restartCount: 0, state, ...extra };
}

function pod(status: Pod['status'], extra: { deletionTimestamp?: string; initContainers?: number; containers?: number } = {}): Pod {
  return {
    metadata: { name: 'p', namespace: 'ns', uid: 'u', creationTimestamp: '2026-08-20T11:59:00Z', deletionTimestamp: extra.deletionTimestamp },
    spec: {
      containers: Array.from({ length: extra.containers ?? 1 }, (_, i) => ({ name: `c${i}`, image: 'x' })),
      initContainers: Array.from({ length: extra.initContainers ?? 0 }, (_, i) => ({ name: `i${i}`, image: 'x' })),
    },
    status,
  };
}

describe('podInfo', () => {
  it.each<[string, Pod, string, StatusIcon, string, number]>([
    ['a running ready pod', pod({ phase: 'Running', containerStatuses: [container({ running: {} }, { ready: true })] }), 'Running', StatusIcon.OK, '1/1', 0],
    ['a pending pod without statuses', pod({ phase: 'Pending' }), 'Pending', StatusIcon.Progressing, '0/1', 0],
    ['a pod pulling a missing image', pod({ phase: 'Pending', containerStatuses: [container({ waiting: { reason: 'ImagePullBackOff' } })] }), 'ImagePullBackOff', StatusIcon.Warning, '0/1', 0],
    ['a pod failing to pull', pod({ phase: 'Pending', containerStatuses: [container({ waiting: { reason: 'ErrImagePull' } })] }), 'ErrImagePull', StatusIcon.Warning, '0/1', 0],
    ['a crash-looping pod counts restarts', pod({ phase: 'Running', containerStatuses: [container({ waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 4 })] }), 'CrashLoopBackOff', StatusIcon.Bad, '0/1', 4],
    ['a container that exited without a reason', pod({ phase: 'Running', containerStatuses: [container({ terminated: { exitCode: 3 } })] }), 'ExitCode:3', StatusIcon.Bad, '0/1', 0],
    ['a container killed by a signal', pod({ phase: 'Running', containerStatuses: [container({ terminated: { exitCode: 137, signal: 9 } })] }), 'Signal:9', StatusIcon.Bad, '0/1', 0],
    [
      'a completed container beside a running one is Running',
      pod({ phase: 'Running', containerStatuses: [container({ running: {} }, { ready: true }), container({ terminated: { exitCode: 0, reason: 'Completed' } })] }, { containers: 2 }),
      'Running',
      StatusIcon.OK,
      '1/2',
      0,
    ],
    ['a pod in its first init container', pod({ phase: 'Pending', initContainerStatuses: [container({ waiting: { reason: 'PodInitializing' } })] }, { initContainers: 2 }), 'Init:0/2', StatusIcon.Progressing, '0/1', 0],
    ['a failed init container', pod({ phase: 'Pending', initContainerStatuses: [container({ terminated: { exitCode: 1, reason: 'Error' } }, { restartCount: 1 })] }, { initContainers: 1 }), 'Init:Error', StatusIcon.Progressing, '0/1', 1],
    ['a deleted pod is Terminating', pod({ phase: 'Running', containerStatuses: [container({ running: {} }, { ready: true })] }, { deletionTimestamp: '2026-08-20T11:59:59Z' }), 'Terminating', StatusIcon.Progressing, '1/1', 0],
    ['a deleted pod on a lost node is Unknown', pod({ phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: '2026-08-20T11:59:59Z' }), 'Unknown', StatusIcon.Unknown, '0/1', 0],
    ['an evicted pod shows its reason', pod({ phase: 'Failed', reason: 'Evicted' }), 'Evicted', StatusIcon.None, '0/1', 0],
  ])('%s', (_name, input, status, icon, ready, restarts) => {
    const info = podInfo(input, now);
    expect(info).toMatchObject({ status, icon, ready, restarts, age: '60s' });
  });
});

function replicaSet(spec: number | undefined, available: number, extra: { generation?: number; observed?: number; failure?: boolean } = {}): ReplicaSet {
  return {
    metadata: { name: 'rs', generation: extra.generation ?? 1 },
    spec: { replicas: spec, selector: {} },
    status: {
      replicas: available,
      availableReplicas: available,
      observedGeneration: extra.observed ?? 1,
      conditions: extra.failure ? [{ type: 'ReplicaFailure', status: 'True' }] : [],
    },
  };
}

describe('replicaSetHealth', () => {
  it.each<[string, ReplicaSet, string]>([
    ['all wanted pods available', replicaSet(3, 3), 'Healthy'],
    ['fewer available than wanted', replicaSet(3, 2), 'Progressing'],
    ['scaled to zero', replicaSet(0, 0), 'ScaledDown'],
    ['a spec change not yet observed', replicaSet(3, 3, { generation: 2, observed: 1 }), 'Progressing'],
    ['a ReplicaFailure condition', replicaSet(3, 1, { failure: true }), 'ReplicaFailure'],
  ])('%s is %s', (_name, rs, expected) => {
    expect(replicaSetHealth(rs)).toBe(expected);
  });
});

describe('scaleDownDelay', () => {
  it('counts down to the deadline, then says passed', () => {
    expect(scaleDownDelay('2026-08-20T12:04:00Z', now)).toBe('4m');
    expect(scaleDownDelay('2026-08-20T11:00:00Z', now)).toBe('passed');
    expect(scaleDownDelay('soon', now)).toBe('');
  });
});

describe('humanDuration', () => {
  it.each([
    [-1500, '0s'],
    [-3000, '<invalid>'],
    [119_000, '119s'],
    [120_000, '2m'],
    [200_000, '3m20s'],
    [179 * 60_000, '179m'],
    [(5 * 60 + 12) * 60_000, '5h12m'],
    [47 * 3_600_000, '47h'],
    [(3 * 24 + 4) * 3_600_000, '3d4h'],
    [7 * 24 * 3_600_000, '7d'],
    [400 * 24 * 3_600_000, '400d'],
    [(3 * 365 + 20) * 24 * 3_600_000, '3y20d'],
  ])('%i ms reads %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});
