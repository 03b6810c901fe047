// The discovery hook answers each discovery URL in the negotiated format and leaves other paths alone.
import { describe, expect, it } from 'vitest';
import { argoprojCrds, resourceInfosFromCrd } from '../crds/index.js';
import { builtinResources } from '../registry/builtin-resources.js';
import { ResourceRegistry } from '../registry/resource-registry.js';
import type { PluginContext } from '../server/plugins.js';
import { discoveryPathHandler } from './index.js';

const registry = new ResourceRegistry(builtinResources);
for (const crd of argoprojCrds()) registry.replaceCrd(crd.metadata?.name ?? '', resourceInfosFromCrd(crd));
const context = { registry } as PluginContext;
const v2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';

function get(path: string, accept = 'application/json') {
  return discoveryPathHandler({ method: 'GET', path, query: new URLSearchParams(), headers: { accept, host: '127.0.0.1:6443' } }, context);
}

describe('discoveryPathHandler', () => {
  it.each([
    ['/api', v2, 'APIGroupDiscoveryList'],
    ['/apis', v2, 'APIGroupDiscoveryList'],
    ['/api', 'application/json', 'APIVersions'],
    ['/apis', 'application/json', 'APIGroupList'],
    ['/api/v1', 'application/json', 'APIResourceList'],
    ['/apis/apps', 'application/json', 'APIGroup'],
    ['/apis/argoproj.io/v1alpha1', 'application/json', 'APIResourceList'],
    ['/apis/argoproj.io/v1alpha1/', 'application/json', 'APIResourceList'],
  ])('GET %s (Accept %s) answers %s', (path, accept, kind) => {
    const response = get(path, accept);
    expect((response?.body as { kind: string }).kind).toBe(kind);
    if (kind === 'APIGroupDiscoveryList') expect(response?.contentType).toContain('as=APIGroupDiscoveryList');
  });

  it.each(['/apis/nope.io', '/apis/apps/v9', '/api/v2', '/apis/apps/v1/namespaces/default/replicasets', '/healthz'])('leaves %s to others', (path) => {
    expect(get(path)).toBeUndefined();
  });

  it('reports the Host header as the server address', () => {
    expect(get('/api')?.body).toMatchObject({ serverAddressByClientCIDRs: [{ serverAddress: '127.0.0.1:6443' }] });
  });
});
