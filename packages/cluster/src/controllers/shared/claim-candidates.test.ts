// Tests for claimCandidates: the owner's objects and its namespace's orphans through indexes, nothing else.
import { FakeClock, Resources, SharedInformer, type Pod } from '@aviary/kube';
import { FakeKubeClient } from '@aviary/kube/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { claimCandidates, ensureOrphanIndex } from './claim-candidates.js';

const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default', uid: 'rs-uid' } };

function pod(name: string, namespace: string, controllerUid?: string): Pod {
  const ownerReferences = controllerUid ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: controllerUid, controller: true }] : undefined;
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, ...(ownerReferences ? { ownerReferences } : {}) }, spec: { containers: [] } } as Pod;
}

describe('claimCandidates', () => {
  let informer: SharedInformer<Pod> | undefined;

  afterEach(async () => {
    await informer?.stop();
  });

  it('returns the owned pods and the orphans of the namespace, not pods owned by others or elsewhere', async () => {
    const clock = new FakeClock();
    const objects = [pod('mine', 'default', 'rs-uid'), pod('orphan', 'default'), pod('theirs', 'default', 'other-uid'), pod('far-orphan', 'other')];
    informer = new SharedInformer<Pod>({ client: new FakeKubeClient({ clock, objects }), type: Resources.pods, clock });
    ensureOrphanIndex(informer);
    ensureOrphanIndex(informer); // a second controller on the same informer reuses the index
    informer.start();
    await informer.waitForSync();
    expect(claimCandidates(informer, owner).map((p) => p.metadata?.name).sort()).toEqual(['mine', 'orphan']);
  });

  it('falls back to the namespace scan when the orphan index is not registered', async () => {
    const clock = new FakeClock();
    informer = new SharedInformer<Pod>({ client: new FakeKubeClient({ clock, objects: [pod('theirs', 'default', 'other-uid')] }), type: Resources.pods, clock });
    informer.start();
    await informer.waitForSync();
    expect(claimCandidates(informer, owner).map((p) => p.metadata?.name)).toEqual(['theirs']);
  });
});
