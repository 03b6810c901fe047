// REST semantics over HTTPS: list with selectors and paging, delete with finalizers and preconditions,
// patches of every type, and the scale and binding subresources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../server/testing/test-cluster.js';

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
  await cluster.request('POST', '/api/v1/namespaces', { body: { metadata: { name: 'lists' } } });
  for (const [name, labels] of [
    ['a', { app: 'web', tier: 'front' }],
    ['b', { app: 'web', tier: 'back' }],
    ['c', { app: 'db' }],
    ['d', {}],
  ] as const) {
    await cluster.request('POST', '/api/v1/namespaces/lists/configmaps', { body: { metadata: { name, labels } } });
  }
});
afterAll(async () => {
  await cluster.close();
});

const cms = '/api/v1/namespaces/default/configmaps';
const pods = '/api/v1/namespaces/default/pods';
const rss = '/apis/apps/v1/namespaces/default/replicasets';
const names = (body: { items: { metadata: { name: string } }[] }): string[] => body.items.map((i) => i.metadata.name);

describe('list', () => {
  it.each([
    ['app=web', ['a', 'b']],
    ['app!=web', ['c', 'd']],
    ['tier in (front,middle)', ['a']],
    ['app,!tier', ['c']],
    ['app notin (web)', ['c', 'd']],
  ])('filters by label selector %s', async (selector, expected) => {
    const res = await cluster.request('GET', `/api/v1/namespaces/lists/configmaps?labelSelector=${encodeURIComponent(selector)}`);
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(expected);
  });

  it('answers a list with kind, apiVersion and a resourceVersion, items without kind', async () => {
    const res = await cluster.request('GET', '/api/v1/namespaces/lists/configmaps');
    expect(res.body).toMatchObject({ kind: 'ConfigMapList', apiVersion: 'v1' });
    expect(Number(res.body.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(res.body.items[0].kind).toBeUndefined();
  });

  it('filters by metadata.name and metadata.namespace across namespaces', async () => {
    const res = await cluster.request('GET', `/api/v1/configmaps?fieldSelector=${encodeURIComponent('metadata.name=b,metadata.namespace=lists')}`);
    expect(names(res.body)).toEqual(['b']);
  });

  it('answers 400 for an invalid label selector and an unsupported field', async () => {
    expect((await cluster.request('GET', `${cms}?labelSelector=${encodeURIComponent('a in (')}`)).status).toBe(400);
    const res = await cluster.request('GET', `${cms}?fieldSelector=spec.nodeName%3Dx`);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('field label not supported: spec.nodeName');
  });

  it('filters pods by spec.nodeName and status.phase, and events by involvedObject', async () => {
    await cluster.request('POST', pods, { body: { metadata: { name: 'p1' }, spec: { containers: [{ name: 'c', image: 'i' }] } } });
    await cluster.request('POST', pods, { body: { metadata: { name: 'p2' }, spec: { containers: [{ name: 'c', image: 'i' }] } } });
    await cluster.request('POST', `${pods}/p2/binding`, { body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'p2' }, target: { kind: 'Node', name: 'n1' } } });
    expect(names((await cluster.request('GET', `${pods}?fieldSelector=spec.nodeName%3Dn1`)).body)).toEqual(['p2']);
    expect(names((await cluster.request('GET', `${pods}?fieldSelector=spec.nodeName%3D`)).body)).toEqual(['p1']);
    expect(names((await cluster.request('GET', `${pods}?fieldSelector=status.phase%3DPending`)).body)).toEqual(['p1', 'p2']);
    await cluster.request('POST', '/api/v1/namespaces/default/events', {
      body: { metadata: { name: 'e1' }, involvedObject: { kind: 'Pod', name: 'p1', namespace: 'default', uid: 'u1' }, reason: 'Started' },
    });
    const selector = encodeURIComponent('involvedObject.kind=Pod,involvedObject.name=p1,involvedObject.uid=u1');
    expect(names((await cluster.request('GET', `/api/v1/namespaces/default/events?fieldSelector=${selector}`)).body)).toEqual(['e1']);
  });

  it('pages with limit and an opaque continue token', async () => {
    const first = (await cluster.request('GET', '/api/v1/namespaces/lists/configmaps?limit=3')).body;
    expect(names(first)).toEqual(['a', 'b', 'c']);
    expect(typeof first.metadata.continue).toBe('string');
    const second = (await cluster.request('GET', `/api/v1/namespaces/lists/configmaps?limit=3&continue=${encodeURIComponent(first.metadata.continue)}`)).body;
    expect(names(second)).toEqual(['d']);
    expect(second.metadata.continue).toBeUndefined();
    expect((await cluster.request('GET', '/api/v1/namespaces/lists/configmaps?limit=3&continue=garbage')).status).toBe(400);
  });

  it('answers a Table list carrying the list resourceVersion', async () => {
    const res = await cluster.request('GET', '/api/v1/namespaces/lists/configmaps?limit=500', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    expect(res.body.kind).toBe('Table');
    expect(res.body.rows.map((r: { cells: string[] }) => r.cells[0])).toEqual(['a', 'b', 'c', 'd']);
    expect(Number(res.body.metadata.resourceVersion)).toBeGreaterThan(0);
  });
});

describe('delete', () => {
  it('answers a Success Status for a ConfigMap and the object for a ReplicaSet', async () => {
    const cm = (await cluster.request('POST', cms, { body: { metadata: { name: 'del' } } })).body;
    const res = await cluster.request('DELETE', `${cms}/del`, { body: { propagationPolicy: 'Background' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: 'del', kind: 'configmaps', uid: cm.metadata.uid }, code: 200 });
    await cluster.request('POST', rss, { body: { metadata: { name: 'del' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } } } } } });
    const rs = await cluster.request('DELETE', `${rss}/del`);
    expect(rs.body).toMatchObject({ kind: 'ReplicaSet', metadata: { name: 'del' } });
    expect((await cluster.request('GET', `${rss}/del`)).status).toBe(404);
  });

  it('checks preconditions', async () => {
    await cluster.request('POST', cms, { body: { metadata: { name: 'pre' } } });
    const res = await cluster.request('DELETE', `${cms}/pre`, { body: { preconditions: { uid: 'wrong' } } });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/Precondition failed: UID in precondition: wrong/);
  });

  it('keeps an object with finalizers, marked for deletion, until the last finalizer goes', async () => {
    await cluster.request('POST', cms, { body: { metadata: { name: 'fin', finalizers: ['example.com/hold', 'example.com/two'] } } });
    const marked = await cluster.request('DELETE', `${cms}/fin`);
    expect(marked.status).toBe(200);
    expect(marked.body.metadata.deletionTimestamp).toBeDefined();
    const live = (await cluster.request('GET', `${cms}/fin`)).body;
    expect(live.metadata.deletionTimestamp).toBe(marked.body.metadata.deletionTimestamp);
    const added = await cluster.request('PATCH', `${cms}/fin`, { body: { metadata: { finalizers: ['example.com/hold', 'example.com/two', 'example.com/new'] } }, contentType: 'application/merge-patch+json' });
    expect(added.status).toBe(422);
    await cluster.request('PATCH', `${cms}/fin`, { body: { metadata: { finalizers: ['example.com/two'] } }, contentType: 'application/merge-patch+json' });
    expect((await cluster.request('GET', `${cms}/fin`)).status).toBe(200);
    const last = await cluster.request('PATCH', `${cms}/fin`, { body: [{ op: 'remove', path: '/metadata/finalizers' }], contentType: 'application/json-patch+json' });
    expect(last.status).toBe(200);
    expect((await cluster.request('GET', `${cms}/fin`)).status).toBe(404);
  });

  it('deletes a collection by label selector', async () => {
    for (const name of ['dc1', 'dc2', 'dc3']) await cluster.request('POST', cms, { body: { metadata: { name, labels: { dc: name === 'dc3' ? 'keep' : 'go' } } } });
    const res = await cluster.request('DELETE', `${cms}?labelSelector=dc%3Dgo`);
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['dc1', 'dc2']);
    expect(names((await cluster.request('GET', `${cms}?labelSelector=dc`)).body)).toEqual(['dc3']);
  });

  it('deletes a pod bound to a node gracefully, and at once with gracePeriodSeconds=0', async () => {
    await cluster.request('POST', pods, { body: { metadata: { name: 'graceful' }, spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'i' }] } } });
    const marked = await cluster.request('DELETE', `${pods}/graceful`);
    expect(marked.body.metadata).toMatchObject({ deletionGracePeriodSeconds: 30 });
    expect(Date.parse(marked.body.metadata.deletionTimestamp)).toBeGreaterThan(Date.now() + 20_000);
    expect((await cluster.request('GET', `${pods}/graceful`)).status).toBe(200);
    await cluster.request('DELETE', `${pods}/graceful?gracePeriodSeconds=0`);
    expect((await cluster.request('GET', `${pods}/graceful`)).status).toBe(404);
    await cluster.request('POST', pods, { body: { metadata: { name: 'unbound' }, spec: { containers: [{ name: 'c', image: 'i' }] } } });
    expect((await cluster.request('DELETE', `${pods}/unbound`)).body.kind).toBe('Pod');
    expect((await cluster.request('GET', `${pods}/unbound`)).status).toBe(404);
  });

  it('refuses to delete the default namespace', async () => {
    const res = await cluster.request('DELETE', '/api/v1/namespaces/default');
    expect(res.status).toBe(403);
  });
});

describe('patch', () => {
  it('applies merge, JSON and strategic merge patches', async () => {
    await cluster.request('POST', '/api/v1/namespaces/default/services', {
      body: { metadata: { name: 'svc' }, spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } },
    });
    const smp = await cluster.request('PATCH', '/api/v1/namespaces/default/services/svc', {
      contentType: 'application/strategic-merge-patch+json',
      body: { spec: { '$setElementOrder/ports': [{ port: 81 }, { port: 443 }], ports: [{ port: 81, targetPort: 8080 }, { $patch: 'delete', port: 80 }] } },
    });
    expect(smp.status).toBe(200);
    expect(smp.body.spec.ports).toEqual([{ port: 81, targetPort: 8080, protocol: 'TCP' }, { port: 443, targetPort: 443, protocol: 'TCP' }]);
    const merge = await cluster.request('PATCH', '/api/v1/namespaces/default/services/svc', { contentType: 'application/merge-patch+json', body: { metadata: { labels: { m: '1' } } } });
    expect(merge.body.metadata.labels).toEqual({ m: '1' });
    const json = await cluster.request('PATCH', '/api/v1/namespaces/default/services/svc', { contentType: 'application/json-patch+json', body: [{ op: 'replace', path: '/metadata/labels/m', value: '2' }] });
    expect(json.body.metadata.labels).toEqual({ m: '2' });
  });

  it('answers 4xx for bad patches and unknown patch types', async () => {
    await cluster.request('POST', cms, { body: { metadata: { name: 'badpatch' } } });
    const url = `${cms}/badpatch`;
    expect((await cluster.request('PATCH', url, { contentType: 'application/json-patch+json', body: [{ op: 'remove', path: '/nope/x' }] })).status).toBe(422);
    expect((await cluster.request('PATCH', url, { contentType: 'application/json-patch+json', body: { not: 'a list' } })).status).toBe(400);
    expect((await cluster.request('PATCH', url, { contentType: 'text/plain', rawBody: 'x' })).status).toBe(415);
    expect((await cluster.request('PATCH', url, { contentType: 'application/merge-patch+json', rawBody: '{bad' })).status).toBe(400);
    const stale = await cluster.request('PATCH', url, { contentType: 'application/merge-patch+json', body: { metadata: { resourceVersion: '1' } } });
    expect(stale.status).toBe(409);
    expect((await cluster.request('PATCH', `${url}?force=true`, { contentType: 'application/merge-patch+json', body: {} })).status).toBe(400);
  });

  it('server-side apply creates when absent and needs a fieldManager', async () => {
    const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'applied' }, data: { a: '1' } };
    const missing = await cluster.request('PATCH', `${cms}/applied`, { contentType: 'application/apply-patch+yaml', body });
    expect(missing.status).toBe(400);
    const created = await cluster.request('PATCH', `${cms}/applied?fieldManager=test&force=false`, { contentType: 'application/apply-patch+yaml', body });
    expect(created.status).toBe(201);
    const updated = await cluster.request('PATCH', `${cms}/applied?fieldManager=test`, {
      contentType: 'application/apply-patch+yaml',
      rawBody: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  b: "2"\n',
    });
    expect(updated.status).toBe(200);
    // The same manager no longer applies `a`, so it goes; a field another manager applies stays.
    expect(updated.body.data).toEqual({ b: '2' });
    const other = await cluster.request('PATCH', `${cms}/applied?fieldManager=other`, {
      contentType: 'application/apply-patch+yaml',
      rawBody: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  c: "3"\n',
    });
    expect(other.body.data).toEqual({ b: '2', c: '3' });
    expect(other.body.metadata.managedFields.map((e: { manager: string; operation: string }) => `${e.manager}/${e.operation}`)).toEqual(['other/Apply', 'test/Apply']); // upstream order: operation, time, then manager name
  });
});

describe('subresources', () => {
  it('serves scale for ReplicaSets: get, update and patch', async () => {
    await cluster.request('POST', rss, { body: { metadata: { name: 'sc' }, spec: { replicas: 1, selector: { matchLabels: { app: 'sc' } }, template: { metadata: { labels: { app: 'sc' } } } } } });
    const scale = await cluster.request('GET', `${rss}/sc/scale`);
    expect(scale.body).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 1 }, status: { replicas: 0, selector: 'app=sc' } });
    const put = await cluster.request('PUT', `${rss}/sc/scale`, { body: { ...scale.body, spec: { replicas: 4 } } });
    expect(put.body.spec.replicas).toBe(4);
    const patched = await cluster.request('PATCH', `${rss}/sc/scale`, { contentType: 'application/merge-patch+json', body: { spec: { replicas: 2 } } });
    expect(patched.body.spec.replicas).toBe(2);
    const rs = (await cluster.request('GET', `${rss}/sc`)).body;
    expect(rs.spec.replicas).toBe(2);
    expect(rs.metadata.generation).toBe(3);
    const stale = await cluster.request('PUT', `${rss}/sc/scale`, { body: { ...scale.body, spec: { replicas: 5 } } });
    expect(stale.status).toBe(409);
    const negative = await cluster.request('PATCH', `${rss}/sc/scale`, { contentType: 'application/merge-patch+json', body: { spec: { replicas: -1 } } });
    expect(negative.status).toBe(422);
  });

  it('binds a pod once', async () => {
    await cluster.request('POST', pods, { body: { metadata: { name: 'bind' }, spec: { containers: [{ name: 'c', image: 'i' }] } } });
    const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'bind' }, target: { kind: 'Node', name: 'node-1' } };
    const first = await cluster.request('POST', `${pods}/bind/binding`, { body: binding });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'Status', status: 'Success', code: 201 });
    const pod = (await cluster.request('GET', `${pods}/bind`)).body;
    expect(pod.spec.nodeName).toBe('node-1');
    expect(pod.status.conditions[0]).toMatchObject({ type: 'PodScheduled', status: 'True' });
    expect((await cluster.request('POST', `${pods}/bind/binding`, { body: binding })).status).toBe(409);
  });

  it('answers 404 for subresources a kind does not have and 405 for verbs it does not allow', async () => {
    expect((await cluster.request('GET', `${cms}/x/status`)).status).toBe(404);
    await cluster.request('POST', rss, { body: { metadata: { name: 'verbs' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } } } } } });
    expect((await cluster.request('DELETE', `${rss}/verbs/status`)).status).toBe(405);
    expect((await cluster.request('DELETE', '/api/v1/namespaces')).status).toBe(405);
  });
});
