// ReplicaSet controller: the ordered API actions a sync makes over the fake client.
import { Resources, type Pod, type ReplicaSet } from '@aviary/kube';
import { alreadyExistsError } from '@aviary/kube/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, podTemplate, type Fixture } from '../testdata/fixture.js';
import { ReplicaSetController } from './replica-set-controller.js';

function replicaSet(options: { replicas: number; minReadySeconds?: number; name?: string }): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: options.name ?? 'web', namespace: 'default', uid: 'rs-uid', generation: 2 },
    spec: { replicas: options.replicas, minReadySeconds: options.minReadySeconds, selector: { matchLabels: { app: 'web' } }, template: podTemplate({ app: 'web' }) },
  };
}

function pod(name: string, labels: Record<string, string>, owner?: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      labels,
      ownerReferences: owner ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: owner, controller: true, blockOwnerDeletion: true }] : [],
    },
    spec: { containers: [{ name: 'main', image: 'nginx' }] },
  };
}

let fixture: Fixture;
afterEach(async () => fixture.stop());

async function setUp(objects: (ReplicaSet | Pod)[]): Promise<ReplicaSetController> {
  fixture = createFixture({ objects });
  const controller = new ReplicaSetController(fixture.deps);
  await fixture.start();
  return controller;
}

describe('ReplicaSetController', () => {
  it('a ReplicaSet scaled 0→3 creates 3 pods, then updates status', async () => {
    const controller = await setUp([replicaSet({ replicas: 3 })]);
    await controller.sync('default/web');
    expect(fixture.takeWrites()).toEqual(['create pods', 'create pods', 'create pods', 'update replicasets/status web']);
    const pods = await fixture.list<Pod>(Resources.pods);
    expect(pods.map((p) => p.metadata?.name)).toEqual(pods.map(() => expect.stringMatching(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)));
    expect(pods[0]?.metadata?.labels).toEqual({ app: 'web' });
    expect(pods[0]?.metadata?.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }]);
    const rs = await fixture.get<ReplicaSet>(Resources.replicaSets, 'web');
    expect(rs.status).toMatchObject({ replicas: 0, observedGeneration: 2 });
    expect(fixture.recorder.take().sort()).toEqual(pods.map((p) => `Normal SuccessfulCreate Created pod: ${p.metadata?.name}`).sort());
  });

  it('does not create pods while earlier creates are still expected, but still writes status', async () => {
    const controller = await setUp([replicaSet({ replicas: 2 })]);
    controller.expectations.expectCreations('default/web', 2);
    await controller.sync('default/web');
    expect(fixture.takeWrites()).toEqual(['update replicasets/status web']);
    controller.expectations.creationObserved('default/web');
    controller.expectations.creationObserved('default/web');
    await controller.sync('default/web');
    expect(fixture.takeWrites()).toEqual(['create pods', 'create pods']);
  });

  it('scaling 3→1 deletes the not-ready pods first', async () => {
    const rs = replicaSet({ replicas: 1 });
    const controller = await setUp([rs, pod('web-a', { app: 'web' }, 'rs-uid'), pod('web-b', { app: 'web' }, 'rs-uid'), pod('web-c', { app: 'web' }, 'rs-uid')]);
    await fixture.setPodState('web-b', { phase: 'Running', ready: true });
    fixture.takeWrites();
    await controller.sync('default/web');
    expect(fixture.takeWrites()).toEqual(['delete pods web-a', 'delete pods web-c', 'update replicasets/status web']);
  });

  it('adopts a matching orphan and releases an owned pod that no longer matches', async () => {
    const controller = await setUp([replicaSet({ replicas: 1 }), pod('orphan', { app: 'web' }), pod('moved', { app: 'other' }, 'rs-uid')]);
    await controller.sync('default/web');
    const writes = fixture.takeWriteActions();
    expect(writes.map((a) => `${a.verb} ${a.resource} ${a.name}`)).toEqual(['patch pods moved', 'patch pods orphan', 'update replicasets web']);
    expect((await fixture.get<Pod>(Resources.pods, 'orphan')).metadata?.ownerReferences?.[0]).toMatchObject({ uid: 'rs-uid', controller: true });
    expect((await fixture.get<Pod>(Resources.pods, 'moved')).metadata?.ownerReferences).toEqual([]);
  });

  it('counts a pod available only once it has been ready for minReadySeconds, requeueing for that moment', async () => {
    const controller = await setUp([replicaSet({ replicas: 1, minReadySeconds: 10 }), pod('web-a', { app: 'web' }, 'rs-uid')]);
    await fixture.setPodState('web-a', { phase: 'Running', ready: true });
    await controller.sync('default/web');
    const status = (await fixture.get<ReplicaSet>(Resources.replicaSets, 'web')).status;
    expect(status).toMatchObject({ replicas: 1, readyReplicas: 1 });
    expect(status).not.toHaveProperty('availableReplicas'); // 0 is omitted, as Go's omitempty writes it
    fixture.takeWrites();
    const queued: string[] = [];
    const next = fixture.clock.nextTimerAt();
    expect(next).toBe(fixture.clock.now() + 10_001);
    controller.run();
    fixture.clock.advance(10_001);
    await fixture.settle();
    queued.push(...fixture.takeWriteActions().map((a) => JSON.stringify((a.object as ReplicaSet).status)));
    expect(queued).toEqual([JSON.stringify({ replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 2 })]);
    expect((await fixture.get<ReplicaSet>(Resources.replicaSets, 'web')).status?.availableReplicas).toBe(1);
    await controller.stop();
  });

  it('records ReplicaFailure FailedCreate and stops after the first failing slow-start batch', async () => {
    const controller = await setUp([replicaSet({ replicas: 10 })]);
    let creates = 0;
    fixture.client.prependReactor('create', 'pods', () => (++creates === 2 ? { handled: true, error: alreadyExistsError(Resources.pods, 'web-x') } : { handled: false }));
    await expect(controller.sync('default/web')).rejects.toThrow(/already exists/);
    expect(fixture.takeWrites()).toEqual(['create pods', 'create pods', 'create pods', 'update replicasets/status web']);
    const rs = await fixture.get<ReplicaSet>(Resources.replicaSets, 'web');
    expect(rs.status?.conditions).toEqual([{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "web-x" already exists', lastTransitionTime: expect.any(String) }]);
    expect(fixture.recorder.take()).toContain('Warning FailedCreate Error creating: pods "web-x" already exists');
  });

  it('does not count pods that are being deleted', async () => {
    const deleting = pod('web-old', { app: 'web' }, 'rs-uid');
    deleting.metadata!.finalizers = ['test/hold'];
    const controller = await setUp([replicaSet({ replicas: 1 }), deleting]);
    await fixture.client.delete(Resources.pods, 'web-old', 'default');
    await fixture.settle();
    fixture.takeWrites();
    await controller.sync('default/web');
    expect(fixture.takeWrites()).toEqual(['create pods', 'update replicasets/status web']);
  });
});
