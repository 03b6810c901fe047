// Garbage collection over HTTPS: background, foreground and orphan cascades, dangling owner references,
// namespace deletion, and the system namespaces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../server/testing/test-cluster.js';

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(async () => {
  await cluster.close();
});

const cms = '/api/v1/namespaces/default/configmaps';

async function create(name: string, owners: { name: string; uid: string; block?: boolean }[] = [], extra: object = {}): Promise<{ metadata: { uid: string } }> {
  const ownerReferences = owners.map((o) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: o.name, uid: o.uid, ...(o.block ? { blockOwnerDeletion: true } : {}) }));
  const res = await cluster.request('POST', cms, { body: { metadata: { name, ...(owners.length ? { ownerReferences } : {}), ...extra } } });
  expect(res.status).toBe(201);
  return res.body;
}

const exists = async (name: string): Promise<boolean> => (await cluster.request('GET', `${cms}/${name}`)).status === 200;
const settle = () => cluster.server.gc.whenIdle();

describe('owner references', () => {
  it('deletes dependents in the background after the owner is gone', async () => {
    const owner = await create('bg-owner');
    await create('bg-dep', [{ name: 'bg-owner', uid: owner.metadata.uid }]);
    const grandchild = await cluster.request('GET', `${cms}/bg-dep`);
    await create('bg-grandchild', [{ name: 'bg-dep', uid: grandchild.body.metadata.uid }]);
    await cluster.request('DELETE', `${cms}/bg-owner`, { body: { propagationPolicy: 'Background' } });
    expect(await exists('bg-owner')).toBe(false);
    await settle();
    expect(await exists('bg-dep')).toBe(false);
    expect(await exists('bg-grandchild')).toBe(false);
  });

  it('deletes blocking dependents first in the foreground, then the owner', async () => {
    const owner = await create('fg-owner');
    await create('fg-dep', [{ name: 'fg-owner', uid: owner.metadata.uid, block: true }], { finalizers: ['example.com/hold'] });
    const marked = await cluster.request('DELETE', `${cms}/fg-owner`, { body: { propagationPolicy: 'Foreground' } });
    expect(marked.body.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(marked.body.metadata.deletionTimestamp).toBeDefined();
    await settle();
    // The dependent is held by its own finalizer, so the owner waits.
    expect(await exists('fg-owner')).toBe(true);
    const dep = (await cluster.request('GET', `${cms}/fg-dep`)).body;
    expect(dep.metadata.deletionTimestamp).toBeDefined();
    await cluster.request('PATCH', `${cms}/fg-dep`, { contentType: 'application/merge-patch+json', body: { metadata: { finalizers: null } } });
    await settle();
    expect(await exists('fg-dep')).toBe(false);
    expect(await exists('fg-owner')).toBe(false);
  });

  it('orphans dependents: their owner reference is removed and they stay', async () => {
    const owner = await create('or-owner');
    await create('or-dep', [{ name: 'or-owner', uid: owner.metadata.uid }]);
    await cluster.request('DELETE', `${cms}/or-owner?propagationPolicy=Orphan`);
    await settle();
    expect(await exists('or-owner')).toBe(false);
    const dep = (await cluster.request('GET', `${cms}/or-dep`)).body;
    expect(dep.metadata.ownerReferences).toBeUndefined();
  });

  it('drops a dangling reference when another owner remains', async () => {
    const a = await create('two-a');
    const b = await create('two-b');
    await create('two-dep', [
      { name: 'two-a', uid: a.metadata.uid },
      { name: 'two-b', uid: b.metadata.uid },
    ]);
    await cluster.request('DELETE', `${cms}/two-a`);
    await settle();
    const dep = (await cluster.request('GET', `${cms}/two-dep`)).body;
    expect(dep.metadata.ownerReferences.map((r: { name: string }) => r.name)).toEqual(['two-b']);
  });

  it('collects a dependent whose owner never existed', async () => {
    await create('ghost-dep', [{ name: 'ghost', uid: '00000000-0000-0000-0000-000000000000' }]);
    await settle();
    expect(await exists('ghost-dep')).toBe(false);
  });
});

describe('namespaces', () => {
  it('creates the system namespaces at start', async () => {
    const list = (await cluster.request('GET', '/api/v1/namespaces')).body;
    const names = list.items.map((n: { metadata: { name: string } }) => n.metadata.name);
    expect(names).toEqual(expect.arrayContaining(['default', 'kube-system', 'kube-public', 'kube-node-lease']));
    const ns = (await cluster.request('GET', '/api/v1/namespaces/default')).body;
    expect(ns).toMatchObject({ spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' }, metadata: { labels: { 'kubernetes.io/metadata.name': 'default' } } });
  });

  it('deletes a namespace after its content, refusing new content meanwhile', async () => {
    await cluster.request('POST', '/api/v1/namespaces', { body: { metadata: { name: 'doomed' } } });
    await cluster.request('POST', '/api/v1/namespaces/doomed/configmaps', { body: { metadata: { name: 'held', finalizers: ['example.com/hold'] } } });
    await cluster.request('POST', '/api/v1/namespaces/doomed/configmaps', { body: { metadata: { name: 'free' } } });
    const marked = await cluster.request('DELETE', '/api/v1/namespaces/doomed');
    expect(marked.status).toBe(200);
    expect(marked.body.status.phase).toBe('Terminating');
    await settle();
    expect((await cluster.request('GET', '/api/v1/namespaces/doomed/configmaps/free')).status).toBe(404);
    expect((await cluster.request('GET', '/api/v1/namespaces/doomed')).status).toBe(200);
    const refused = await cluster.request('POST', '/api/v1/namespaces/doomed/configmaps', { body: { metadata: { name: 'late' } } });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('configmaps "late" is forbidden: unable to create new content in namespace doomed because it is being terminated');
    await cluster.request('PATCH', '/api/v1/namespaces/doomed/configmaps/held', { contentType: 'application/merge-patch+json', body: { metadata: { finalizers: null } } });
    await settle();
    expect((await cluster.request('GET', '/api/v1/namespaces/doomed')).status).toBe(404);
  });
});
