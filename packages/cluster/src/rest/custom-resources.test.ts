// CustomResourceDefinitions: served at once (and in discovery), status conditions, custom resource semantics
// (status and scale subresources, 415 for strategic merge, resourceVersion required on PUT), and cleanup on delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../server/testing/test-cluster.js';

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(async () => {
  await cluster.close();
});

const crds = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const widgets = '/apis/example.com/v1/namespaces/default/widgets';

function crd(plural: string, kind: string, scope: 'Namespaced' | 'Cluster') {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.example.com` },
    spec: {
      group: 'example.com',
      scope,
      names: { plural, singular: kind.toLowerCase(), kind, shortNames: [plural.slice(0, 2)] },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' } },
        },
      ],
    },
  };
}

describe('custom resource definitions', () => {
  it('serves a new CRD at once, with Established and NamesAccepted conditions', async () => {
    expect((await cluster.request('GET', widgets)).status).toBe(404);
    const created = await cluster.request('POST', crds, { body: crd('widgets', 'Widget', 'Namespaced') });
    expect(created.status).toBe(201);
    expect(created.body.status.conditions.map((c: { type: string; status: string }) => `${c.type}=${c.status}`)).toEqual(['NamesAccepted=True', 'Established=True']);
    expect(created.body.status.acceptedNames).toMatchObject({ plural: 'widgets', kind: 'Widget', listKind: 'WidgetList' });
    expect((await cluster.request('GET', widgets)).status).toBe(200);
    const discovery = (await cluster.request('GET', '/apis/example.com/v1')).body;
    expect(discovery.resources.map((r: { name: string }) => r.name)).toEqual(['widgets', 'widgets/scale', 'widgets/status']);
  });

  it('rejects a CRD whose name does not match its names', async () => {
    const bad = crd('gadgets', 'Gadget', 'Namespaced');
    bad.metadata.name = 'wrong.example.com';
    const res = await cluster.request('POST', crds, { body: bad });
    expect(res.status).toBe(422);
    expect(res.body.details.causes[0].field).toBe('metadata.name');
  });

  it('gives custom resources generation, kind in list items, and status isolation', async () => {
    const created = await cluster.request('POST', widgets, { body: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { replicas: 1 }, status: { ignored: true } } });
    expect(created.status).toBe(201);
    expect(created.body.metadata.generation).toBe(1);
    expect(created.body.status).toBeUndefined();
    const list = (await cluster.request('GET', widgets)).body;
    expect(list).toMatchObject({ kind: 'WidgetList', apiVersion: 'example.com/v1' });
    expect(list.items[0]).toMatchObject({ kind: 'Widget', apiVersion: 'example.com/v1' });
    const status = await cluster.request('PATCH', `${widgets}/w/status`, { contentType: 'application/merge-patch+json', body: { status: { replicas: 1, selector: 'app=w' }, spec: { replicas: 9 } } });
    expect(status.body.status).toEqual({ replicas: 1, selector: 'app=w' });
    expect(status.body.spec.replicas).toBe(1);
    expect(status.body.metadata.generation).toBe(1);
  });

  it('requires a resourceVersion on PUT and rejects strategic merge with 415', async () => {
    const live = (await cluster.request('GET', `${widgets}/w`)).body;
    const { resourceVersion: _, ...metadata } = live.metadata;
    const put = await cluster.request('PUT', `${widgets}/w`, { body: { ...live, metadata } });
    expect(put.status).toBe(422);
    expect(put.body.message).toMatch(/metadata\.resourceVersion: Invalid value: 0x0: must be specified for an update/);
    const smp = await cluster.request('PATCH', `${widgets}/w`, { contentType: 'application/strategic-merge-patch+json', body: { spec: { replicas: 2 } } });
    expect(smp.status).toBe(415);
    expect(smp.body.reason).toBe('UnsupportedMediaType');
  });

  it('serves the scale subresource from the CRD paths', async () => {
    const scale = (await cluster.request('GET', `${widgets}/w/scale`)).body;
    expect(scale).toMatchObject({ kind: 'Scale', spec: { replicas: 1 }, status: { replicas: 1, selector: 'app=w' } });
    const patched = await cluster.request('PATCH', `${widgets}/w/scale`, { contentType: 'application/merge-patch+json', body: { spec: { replicas: 3 } } });
    expect(patched.body.spec.replicas).toBe(3);
    expect((await cluster.request('GET', `${widgets}/w`)).body.metadata.generation).toBe(2);
  });

  it('serves cluster-scoped custom resources', async () => {
    await cluster.request('POST', crds, { body: crd('globes', 'Globe', 'Cluster') });
    const created = await cluster.request('POST', '/apis/example.com/v1/globes', { body: { metadata: { name: 'earth' } } });
    expect(created.status).toBe(201);
    expect(created.body.metadata.namespace).toBeUndefined();
    expect((await cluster.request('GET', '/apis/example.com/v1/namespaces/default/globes')).status).toBe(404);
  });

  it('deletes the custom resources with their CRD, then stops serving them', async () => {
    await cluster.request('POST', widgets, { body: { metadata: { name: 'w2' }, spec: {} } });
    const marked = await cluster.request('DELETE', `${crds}/widgets.example.com`);
    expect(marked.status).toBe(200);
    await cluster.server.gc.whenIdle();
    expect((await cluster.request('GET', `${crds}/widgets.example.com`)).status).toBe(404);
    expect((await cluster.request('GET', widgets)).status).toBe(404);
    expect(cluster.server.store.list('/example.com/widgets/').items).toHaveLength(0);
  });
});
