// Shared controller helpers: slow-start batches, expectations, deletion ranking, availability.
import { FakeClock, type Pod } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { EXPECTATIONS_TTL_MS, PodExpectations } from './expectations.js';
import { isPodAvailable, msUntilPodAvailable } from './pod-conditions.js';
import { rankPodsForDeletion } from './pod-ranking.js';
import { runSlowStartBatches } from './slow-start.js';

describe('runSlowStartBatches', () => {
  it.each([
    { name: '10 calls run in batches 1, 2, 4, 3', count: 10, failAt: undefined, batches: [1, 2, 4, 3], successes: 10 },
    { name: 'a failure in the second batch stops before the third', count: 10, failAt: 2, batches: [1, 2], successes: 2 },
    { name: 'a first-call failure costs one call', count: 100, failAt: 1, batches: [1], successes: 0 },
    { name: 'zero calls do nothing', count: 0, failAt: undefined, batches: [], successes: 0 },
  ])('$name', async ({ count, failAt, batches, successes }) => {
    let calls = 0;
    const started: number[] = [];
    let inBatch = 0;
    const result = await runSlowStartBatches({
      count,
      run: async () => {
        const call = ++calls;
        inBatch++;
        if (inBatch === 1) started.push(0);
        started[started.length - 1]!++;
        await Promise.resolve();
        inBatch--;
        if (call === failAt) throw new Error('boom');
      },
    });
    expect(started).toEqual(batches);
    expect(result.successes).toBe(successes);
    expect(result.error !== undefined).toBe(failAt !== undefined);
  });
});

describe('PodExpectations', () => {
  it('is satisfied once every expected create and delete was observed, or after the TTL', () => {
    const clock = new FakeClock();
    const expectations = new PodExpectations({ clock });
    expect(expectations.satisfied('ns/a')).toBe(true);
    expectations.expectCreations('ns/a', 2);
    expectations.creationObserved('ns/a');
    expect(expectations.satisfied('ns/a')).toBe(false);
    expectations.creationObserved('ns/a');
    expect(expectations.satisfied('ns/a')).toBe(true);
    expectations.expectDeletions('ns/a', ['ns/p1']);
    expectations.deletionObserved('ns/a', 'ns/other');
    expect(expectations.satisfied('ns/a')).toBe(false);
    clock.advance(EXPECTATIONS_TTL_MS + 1);
    expect(expectations.satisfied('ns/a')).toBe(true);
  });
});

function pod(name: string, options: { node?: string; phase?: string; readySince?: string; restarts?: number; created?: string; cost?: number } = {}): Pod {
  return {
    metadata: { name, creationTimestamp: options.created ?? '2026-01-01T00:00:00Z', ...(options.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': String(options.cost) } } : {}) },
    spec: { containers: [], ...(options.node ? { nodeName: options.node } : {}) },
    status: {
      phase: (options.phase ?? 'Running') as 'Running',
      conditions: options.readySince ? [{ type: 'Ready', status: 'True', lastTransitionTime: options.readySince }] : [],
      containerStatuses: [{ name: 'c', ready: false, restartCount: options.restarts ?? 0, image: '', imageID: '' }],
    },
  };
}

describe('rankPodsForDeletion', () => {
  const now = Date.parse('2026-01-02T00:00:00Z');
  it.each([
    { name: 'unscheduled before scheduled', pods: [pod('on-node', { node: 'n' }), pod('unscheduled')], first: 'unscheduled' },
    { name: 'pending before running', pods: [pod('running', { node: 'n' }), pod('pending', { node: 'n', phase: 'Pending' })], first: 'pending' },
    { name: 'not ready before ready', pods: [pod('ready', { node: 'n', readySince: '2026-01-01T00:00:00Z' }), pod('not-ready', { node: 'n' })], first: 'not-ready' },
    { name: 'lower deletion cost first', pods: [pod('costly', { node: 'n', cost: 10 }), pod('cheap', { node: 'n', cost: -1 })], first: 'cheap' },
    { name: 'ready more recently first', pods: [pod('old-ready', { node: 'n', readySince: '2026-01-01T00:00:00Z' }), pod('new-ready', { node: 'n', readySince: '2026-01-01T23:59:50Z' })], first: 'new-ready' },
    { name: 'more restarts first', pods: [pod('calm', { node: 'n' }), pod('crashy', { node: 'n', restarts: 5 })], first: 'crashy' },
    { name: 'newer first', pods: [pod('older', { node: 'n', created: '2026-01-01T00:00:00Z' }), pod('newer', { node: 'n', created: '2026-01-01T23:59:00Z' })], first: 'newer' },
  ])('$name', ({ pods, first }) => {
    expect(rankPodsForDeletion(pods, pods, now)[0]?.metadata?.name).toBe(first);
  });
});

describe('availability with minReadySeconds', () => {
  const readyAt = Date.parse('2026-01-01T00:00:00Z');
  const ready = pod('p', { readySince: '2026-01-01T00:00:00Z' });
  it.each([
    { name: 'minReadySeconds 0: available as soon as ready', minReady: 0, after: 0, available: true, wait: undefined },
    { name: '10 s, 5 s after ready: not yet, 5 s to go', minReady: 10, after: 5_000, available: false, wait: 5_001 },
    { name: '10 s, exactly 10 s after: not yet (strictly after)', minReady: 10, after: 10_000, available: false, wait: 1 },
    { name: '10 s, 10.001 s after: available', minReady: 10, after: 10_001, available: true, wait: undefined },
  ])('$name', ({ minReady, after, available, wait }) => {
    expect(isPodAvailable(ready, minReady, readyAt + after)).toBe(available);
    expect(msUntilPodAvailable(ready, minReady, readyAt + after)).toBe(wait);
  });

  it('a pod that is not ready is never available', () => {
    expect(isPodAvailable(pod('p'), 0, readyAt)).toBe(false);
  });
});
