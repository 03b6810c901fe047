// Discovery: Accept negotiation and the shapes of aggregated and legacy documents kubectl reads.
import { describe, expect, it } from 'vitest';
import { argoprojCrds, resourceInfosFromCrd } from '../crds/index.js';
import { builtinResources } from '../registry/builtin-resources.js';
import { ResourceRegistry } from '../registry/resource-registry.js';
import { aggregatedDiscovery, apiGroup, apiGroupList, apiResourceList, apiVersions, compareVersions, negotiateDiscovery } from './index.js';

const kubectl132 =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const kubectl129 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

function registryWithCrds(): ResourceRegistry {
  const registry = new ResourceRegistry(builtinResources);
  for (const crd of argoprojCrds()) registry.replaceCrd(crd.metadata?.name ?? '', resourceInfosFromCrd(crd));
  return registry;
}

describe('negotiateDiscovery', () => {
  it.each([
    ['kubectl 1.32 (v2, v2beta1, json)', kubectl132, 'v2'],
    ['kubectl 1.29 (v2beta1 only)', kubectl129, 'v2beta1'],
    ['plain JSON', 'application/json', 'legacy'],
    ['no Accept header', undefined, 'legacy'],
    ['protobuf-only aggregated', 'application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList', 'legacy'],
    ['an unknown discovery version', 'application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList', 'legacy'],
    ['spaces around parameters', 'application/json; g=apidiscovery.k8s.io; v=v2; as=APIGroupDiscoveryList', 'v2'],
  ])('%s → %s', (_name, accept, expected) => {
    expect(negotiateDiscovery(accept)).toBe(expected);
  });
});

describe('aggregatedDiscovery', () => {
  const registry = registryWithCrds();

  it('answers /api with the core group only, unnamed', () => {
    const { contentType, body } = aggregatedDiscovery(registry, { scope: 'core', version: 'v2' });
    expect(contentType).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    expect(body.kind).toBe('APIGroupDiscoveryList');
    expect(body.apiVersion).toBe('apidiscovery.k8s.io/v2');
    expect(body.items).toHaveLength(1);
    expect(body.items[0]?.metadata).toEqual({ creationTimestamp: null });
    expect(body.items[0]?.versions[0]?.freshness).toBe('Current');
  });

  it('describes pods with subresources, short names and categories', () => {
    const core = aggregatedDiscovery(registry, { scope: 'core', version: 'v2' }).body.items[0];
    const pods = core?.versions[0]?.resources.find((r) => r.resource === 'pods');
    expect(pods).toEqual({
      resource: 'pods',
      responseKind: { group: '', version: 'v1', kind: 'Pod' },
      scope: 'Namespaced',
      singularResource: 'pod',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['po'],
      categories: ['all'],
      subresources: [
        { subresource: 'binding', responseKind: { group: '', version: 'v1', kind: 'Binding' }, verbs: ['create'] },
        { subresource: 'log', responseKind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get'] },
        { subresource: 'status', responseKind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get', 'patch', 'update'] },
      ],
    });
  });

  it('answers /apis in v2beta1 with groups in apiserver order, CRD groups last', () => {
    const { contentType, body } = aggregatedDiscovery(registry, { scope: 'apis', version: 'v2beta1' });
    expect(contentType).toBe('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList');
    expect(body.apiVersion).toBe('apidiscovery.k8s.io/v2beta1');
    expect(body.items.map((item) => item.metadata.name)).toEqual([
      'apps',
      'batch',
      'networking.k8s.io',
      'apiextensions.k8s.io',
      'coordination.k8s.io',
      'argoproj.io',
    ]);
  });

  it('gives rollouts a scale subresource answering autoscaling/v1 Scale', () => {
    const argo = aggregatedDiscovery(registry, { scope: 'apis', version: 'v2' }).body.items.find((item) => item.metadata.name === 'argoproj.io');
    const rollouts = argo?.versions[0]?.resources.find((r) => r.resource === 'rollouts');
    expect(rollouts?.shortNames).toEqual(['ro']);
    expect(rollouts?.subresources).toEqual([
      { subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] },
      { subresource: 'status', responseKind: { group: 'argoproj.io', version: 'v1alpha1', kind: 'Rollout' }, verbs: ['get', 'patch', 'update'] },
    ]);
    const cat = argo?.versions[0]?.resources.find((r) => r.resource === 'clusteranalysistemplates');
    expect(cat?.scope).toBe('Cluster');
    expect(cat?.subresources).toBeUndefined();
  });

  it('reflects a CRD removed at run time', () => {
    const live = registryWithCrds();
    live.removeCrd('experiments.argoproj.io');
    const argo = aggregatedDiscovery(live, { scope: 'apis', version: 'v2' }).body.items.find((item) => item.metadata.name === 'argoproj.io');
    expect(argo?.versions[0]?.resources.map((r) => r.resource)).toEqual(['analysisruns', 'analysistemplates', 'clusteranalysistemplates', 'rollouts']);
  });
});

describe('legacy discovery', () => {
  const registry = registryWithCrds();

  it('lists API versions for /api', () => {
    expect(apiVersions({ serverAddress: '127.0.0.1:6443' })).toEqual({
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }],
    });
  });

  it('lists groups with their preferred version for /apis', () => {
    const list = apiGroupList(registry);
    expect(list.kind).toBe('APIGroupList');
    expect(list.apiVersion).toBe('v1');
    expect(list.groups[0]).toEqual({
      name: 'apps',
      versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
    });
    expect(list.groups.map((g) => g.name)).toContain('argoproj.io');
  });

  it('answers /apis/<group> and nothing for unknown groups', () => {
    expect(apiGroup(registry, 'argoproj.io')).toMatchObject({ kind: 'APIGroup', apiVersion: 'v1', name: 'argoproj.io' });
    expect(apiGroup(registry, 'nope.io')).toBeUndefined();
    expect(apiGroup(registry, '')).toBeUndefined();
  });

  it('lists core resources with subresource entries and no apiVersion', () => {
    const list = apiResourceList(registry, '', 'v1');
    expect(list).toMatchObject({ kind: 'APIResourceList', groupVersion: 'v1' });
    expect(list).not.toHaveProperty('apiVersion');
    const names = list?.resources.map((r) => r.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(['pods', 'pods/binding', 'pods/log', 'pods/status', 'services/status', 'namespaces/status']));
    expect(names.indexOf('pods')).toBeLessThan(names.indexOf('pods/binding'));
    const pods = list?.resources.find((r) => r.name === 'pods');
    expect(pods).toMatchObject({ singularName: 'pod', namespaced: true, kind: 'Pod', shortNames: ['po'], categories: ['all'] });
    expect(pods?.storageVersionHash).toMatch(/^[A-Za-z0-9+/]{11}=$/);
    expect(list?.resources.find((r) => r.name === 'pods/log')).toEqual({ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] });
  });

  it('names the autoscaling group on scale entries', () => {
    const list = apiResourceList(registry, 'apps', 'v1');
    expect(list?.apiVersion).toBe('v1');
    expect(list?.resources.find((r) => r.name === 'replicasets/scale')).toEqual({
      name: 'replicasets/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
  });

  it('returns nothing for an unserved group/version', () => {
    expect(apiResourceList(registry, 'apps', 'v2')).toBeUndefined();
  });
});

describe('compareVersions', () => {
  it('orders GA, beta, alpha, then others', () => {
    expect(['v1alpha1', 'foo', 'v1beta1', 'v2', 'v1', 'v2beta2', 'v2beta1'].sort(compareVersions)).toEqual([
      'v2',
      'v1',
      'v2beta2',
      'v2beta1',
      'v1beta1',
      'v1alpha1',
      'foo',
    ]);
  });
});
