// Tests for Controller: event handlers turn objects (or their owners) into keys that reach sync.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/fake-clock.js';
import type { KubeObject } from '../types/meta.js';
import { Controller } from './controller.js';

function rollout(name: string): KubeObject {
  return { kind: 'Rollout', metadata: { namespace: 'default', name } };
}

function replicaSet(name: string, owner?: string): KubeObject {
  return {
    kind: 'ReplicaSet',
    metadata: {
      namespace: 'default',
      name,
      ownerReferences: owner ? [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: owner, uid: `uid-${owner}`, controller: true }] : [],
    },
  };
}

describe('Controller', () => {
  it('syncs the keys its primary handlers enqueue, tombstones included', async () => {
    const clock = new FakeClock({ startMs: 0 });
    const synced: string[] = [];
    const controller = new Controller({ name: 'rollouts', clock, sync: async (key) => void synced.push(key) });
    controller.run();
    const handlers = controller.handlers();
    handlers.onAdd(rollout('a'));
    handlers.onUpdate(rollout('b'), rollout('b'));
    handlers.onDelete({ key: 'default/c', obj: rollout('c') });
    handlers.onDelete('not an object');
    await clock.advanceAsync(0);
    expect(synced).toEqual(['default/a', 'default/b', 'default/c']);
    await controller.stop();
  });

  it('owner handlers enqueue the controlling Rollout, old and new owner on adoption changes', async () => {
    const clock = new FakeClock({ startMs: 0 });
    const synced: string[] = [];
    const controller = new Controller({ name: 'rollouts', clock, sync: async (key) => void synced.push(key) });
    controller.run();
    const handlers = controller.ownerHandlers({ kind: 'Rollout' });
    handlers.onAdd(replicaSet('rs-1', 'demo'));
    handlers.onAdd(replicaSet('orphan'));
    await clock.advanceAsync(0);
    expect(synced).toEqual(['default/demo']);
    handlers.onUpdate(replicaSet('rs-1', 'demo'), replicaSet('rs-1', 'other'));
    await clock.advanceAsync(0);
    expect(synced.slice(1).sort()).toEqual(['default/demo', 'default/other']);
    await controller.stop();
  });

  it('enqueueAfter syncs the object when the delay has passed', async () => {
    const clock = new FakeClock({ startMs: 0 });
    const synced: number[] = [];
    const controller = new Controller({ name: 'rollouts', clock, sync: async () => void synced.push(clock.now()) });
    controller.run();
    controller.enqueueAfter(rollout('paused'), 60_000);
    await clock.advanceAsync(59_999);
    expect(synced).toEqual([]);
    await clock.advanceAsync(1);
    expect(synced).toEqual([60_000]);
    await controller.stop();
  });
});
