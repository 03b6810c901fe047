// OpenAPI v3: the index, one document per group/version with PATCH operations kubectl apply checks, and real schemas.
import { describe, expect, it } from 'vitest';
import { argoprojCrds, resourceInfosFromCrd } from '../crds/index.js';
import { builtinResources } from '../registry/builtin-resources.js';
import { ResourceRegistry } from '../registry/resource-registry.js';
import { componentPrefix } from '../schema/schema-dsl.js';
import { openApiDocument, openApiIndex, type OpenApiDocument } from './index.js';
import { groupVersionRoot } from './openapi-paths.js';

type Json = Record<string, any>;

function registryWithCrds(): ResourceRegistry {
  const registry = new ResourceRegistry(builtinResources);
  for (const crd of argoprojCrds()) registry.replaceCrd(crd.metadata?.name ?? '', resourceInfosFromCrd(crd));
  return registry;
}

const registry = registryWithCrds();

function docFor(gvPath: string): OpenApiDocument {
  const doc = openApiDocument(registry, gvPath);
  if (!doc) throw new Error(`no document for ${gvPath}`);
  return doc;
}

describe('openApiIndex', () => {
  it('lists every served group/version with a hashed URL', () => {
    const index = openApiIndex(registry);
    expect(Object.keys(index.paths).sort()).toEqual(
      [
        'api/v1',
        'apis/apps/v1',
        'apis/batch/v1',
        'apis/networking.k8s.io/v1',
        'apis/coordination.k8s.io/v1',
        'apis/apiextensions.k8s.io/v1',
        'apis/argoproj.io/v1alpha1',
      ].sort(),
    );
    const entry = index.paths['apis/argoproj.io/v1alpha1'];
    expect(entry?.serverRelativeURL).toBe(`/openapi/v3/apis/argoproj.io/v1alpha1?hash=${docFor('apis/argoproj.io/v1alpha1').hash}`);
    expect(docFor('api/v1').hash).toMatch(/^[0-9A-F]{128}$/);
  });

  it('drops cached documents when the registry changes, and serves a new CRD without restart', () => {
    const live = new ResourceRegistry(builtinResources);
    const before = openApiIndex(live);
    expect(before.paths['apis/argoproj.io/v1alpha1']).toBeUndefined();
    expect(openApiIndex(live)).toBe(before);
    const [rollouts] = argoprojCrds();
    if (!rollouts) throw new Error('no CRDs');
    live.replaceCrd('rollouts.argoproj.io', resourceInfosFromCrd(rollouts));
    expect(openApiIndex(live).paths['apis/argoproj.io/v1alpha1']).toBeDefined();
    expect(openApiDocument(live, '/openapi/v3/apis/argoproj.io/v1alpha1')?.document['paths']).toHaveProperty(
      '/apis/argoproj.io/v1alpha1/namespaces/{namespace}/rollouts/{name}',
    );
  });

  it('returns nothing for an unserved group/version', () => {
    expect(openApiDocument(registry, 'apis/nope/v1')).toBeUndefined();
  });
});

describe('openApiDocument PATCH operations (what kubectl apply requires)', () => {
  const cases = registry.all().map((info) => [`${info.group || 'core'}/${info.version} ${info.resource}`, info] as const);

  it.each(cases)('%s: item PATCH carries its GVK, fieldValidation and the right patch types', (_name, info) => {
    const gvPath = info.group === '' ? `api/${info.version}` : `apis/${info.group}/${info.version}`;
    const doc = docFor(gvPath);
    const itemPath = `${groupVersionRoot(info.group, info.version)}${info.namespaced ? '/namespaces/{namespace}' : ''}/${info.resource}/{name}`;
    const patch = (doc.document['paths'] as Json)[itemPath]?.patch as Json;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: info.group, kind: info.kind, version: info.version });
    const names = (patch['parameters'] as Json[]).filter((p) => p['in'] === 'query').map((p) => p['name']);
    expect(names).toEqual(expect.arrayContaining(['dryRun', 'fieldManager', 'fieldValidation', 'force']));
    const types = Object.keys(patch['requestBody']['content']);
    expect(types).toContain('application/apply-patch+yaml');
    expect(types).toContain('application/merge-patch+json');
    expect(types.includes('application/strategic-merge-patch+json')).toBe(info.source === 'builtin');
    const kindSchema = (doc.document['components'] as Json)['schemas'][patch['responses']['200']['content']['application/json']['schema']['$ref'].slice(componentPrefix.length)];
    expect(kindSchema['x-kubernetes-group-version-kind']).toEqual([{ group: info.group, kind: info.kind, version: info.version }]);
  });

  it('declares status and scale subresources with their kinds', () => {
    const paths = docFor('apis/apps/v1').document['paths'] as Json;
    expect(paths['/apis/apps/v1/namespaces/{namespace}/replicasets/{name}/status'].patch['x-kubernetes-group-version-kind']).toEqual({
      group: 'apps',
      kind: 'ReplicaSet',
      version: 'v1',
    });
    expect(paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'].patch['x-kubernetes-group-version-kind']).toEqual({
      group: 'autoscaling',
      kind: 'Scale',
      version: 'v1',
    });
    expect(paths['/apis/apps/v1/replicasets'].get.operationId).toBe('listAppsV1ReplicaSetForAllNamespaces');
    const argo = docFor('apis/argoproj.io/v1alpha1').document['paths'] as Json;
    expect(argo['/apis/argoproj.io/v1alpha1/namespaces/{namespace}/rollouts/{name}/scale']).toBeDefined();
    expect(argo['/apis/argoproj.io/v1alpha1/namespaces/{namespace}/analysisruns/{name}/status']).toBeUndefined();
    expect(argo['/apis/argoproj.io/v1alpha1/clusteranalysistemplates/{name}'].patch.operationId).toBe('patchArgoprojIoV1alpha1ClusterAnalysisTemplate');
  });

  it('resolves every $ref inside each document', () => {
    for (const path of Object.keys(openApiIndex(registry).paths)) {
      const { json, document } = docFor(path);
      const schemas = (document['components'] as Json)['schemas'] as Json;
      const refs = [...json.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] as string);
      expect(refs.filter((name) => !(name in schemas))).toEqual([]);
    }
  });
});

describe('component schemas (what kubectl explain and strategic merge read)', () => {
  const schemas = (path: string): Json => (docFor(path).document['components'] as Json)['schemas'];

  it('carries strategic merge keys on the lists kubectl patches', () => {
    const core = schemas('api/v1');
    const expectations: [string, string, string, string][] = [
      ['io.k8s.api.core.v1.PodSpec', 'containers', 'name', 'merge'],
      ['io.k8s.api.core.v1.PodSpec', 'volumes', 'name', 'merge,retainKeys'],
      ['io.k8s.api.core.v1.Container', 'ports', 'containerPort', 'merge'],
      ['io.k8s.api.core.v1.Container', 'env', 'name', 'merge'],
      ['io.k8s.api.core.v1.Container', 'volumeMounts', 'mountPath', 'merge'],
      ['io.k8s.api.core.v1.ServiceSpec', 'ports', 'port', 'merge'],
      ['io.k8s.api.core.v1.PodStatus', 'conditions', 'type', 'merge'],
    ];
    for (const [component, field, key, strategy] of expectations) {
      expect(core[component].properties[field]).toMatchObject({ 'x-kubernetes-patch-merge-key': key, 'x-kubernetes-patch-strategy': strategy });
    }
    expect(core['io.k8s.api.core.v1.ServiceSpec'].properties.ports['x-kubernetes-list-map-keys']).toEqual(['port', 'protocol']);
  });

  it('wraps CRD schemas with ObjectMeta and a GVK', () => {
    const rollout = schemas('apis/argoproj.io/v1alpha1')['io.argoproj.v1alpha1.Rollout'];
    expect(rollout['x-kubernetes-group-version-kind']).toEqual([{ group: 'argoproj.io', kind: 'Rollout', version: 'v1alpha1' }]);
    expect(rollout.properties.metadata.allOf).toEqual([{ $ref: `${componentPrefix}io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta` }]);
    expect(rollout.properties.spec.properties.strategy.properties.canary).toBeDefined();
    expect(schemas('apis/argoproj.io/v1alpha1')['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']).toBeDefined();
  });
});
