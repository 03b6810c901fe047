// The argoproj CRDs: seed manifests validate cleanly, unknown fields are named, and registry entries match upstream.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinResources } from '../registry/builtin-resources.js';
import type { ResourceInfo } from '../registry/resource-info.js';
import { pruneAndValidateResource } from '../openapi/index.js';
import type { JsonSchema } from '../schema/json-schema.js';
import { argoprojCrds, resourceInfosFromCrd } from './index.js';

const crdInfos = argoprojCrds().flatMap(resourceInfosFromCrd);
const served: ResourceInfo[] = [...builtinResources, ...crdInfos];

function loadTestdata(file: string): Record<string, unknown> {
  return parse(readFileSync(join(import.meta.dirname, 'testdata', file), 'utf8')) as Record<string, unknown>;
}

function infoFor(object: Record<string, unknown>): ResourceInfo {
  const [group, version] = String(object['apiVersion']).includes('/') ? String(object['apiVersion']).split('/') : ['', String(object['apiVersion'])];
  const info = served.find((candidate) => candidate.group === group && candidate.version === version && candidate.kind === object['kind']);
  if (!info) throw new Error(`no served kind for ${String(object['apiVersion'])} ${String(object['kind'])}`);
  return info;
}

function check(object: Record<string, unknown>) {
  return pruneAndValidateResource(infoFor(object), object);
}

describe('seed manifests', () => {
  it.each([
    'basic-rollout.yaml',
    'nginx-rollout.yaml',
    'bluegreen-rollout.yaml',
    'analysis-rollout.yaml',
    'job-analysis-template.yaml',
    'web-analysis-template.yaml',
    'prometheus-analysis-template.yaml',
    'service.yaml',
    'ingress.yaml',
  ])('%s validates with no unknown fields and no errors', (file) => {
    const object = loadTestdata(file);
    const result = check(object);
    expect(result.unknownFields).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.object).toEqual(object);
  });

  it('rejects an integer argument value, as upstream declares args[].value a string', () => {
    const result = check(loadTestdata('integer-arg-analysis-template.yaml'));
    expect(result.errors).toEqual([expect.objectContaining({ path: 'spec.args[1].value', type: 'FieldValueTypeInvalid' })]);
  });
});

describe('unknown fields in a Rollout', () => {
  const base = loadTestdata('basic-rollout.yaml');
  const withField = (mutate: (spec: Record<string, any>) => void): Record<string, unknown> => {
    const copy = structuredClone(base) as Record<string, any>;
    mutate(copy['spec']);
    return copy;
  };

  it.each([
    ['spec.canary strategy field', (s: Record<string, any>) => (s['strategy']['canary']['foo'] = 1), 'spec.strategy.canary.foo'],
    ['a top-level spec field', (s: Record<string, any>) => (s['replicaz'] = 3), 'spec.replicaz'],
    ['a step field', (s: Record<string, any>) => (s['strategy']['canary']['steps'][1]['pausee'] = {}), 'spec.strategy.canary.steps[1].pausee'],
    ['a container field', (s: Record<string, any>) => (s['template']['spec']['containers'][0]['imagee'] = 'x'), 'spec.template.spec.containers[0].imagee'],
    ['a pod template metadata field upstream does not allow', (s: Record<string, any>) => (s['template']['metadata']['name'] = 'x'), 'spec.template.metadata.name'],
  ])('reports %s', (_name, mutate, path) => {
    const result = check(withField(mutate));
    expect(result.unknownFields).toEqual([path]);
    expect(result.errors).toEqual([]);
  });

  it('keeps free-form plugin configuration and resource quantities', () => {
    const object = withField((s) => {
      s['strategy']['canary']['trafficRouting'] = { plugins: { 'argoproj-labs/gatewayAPI': { httpRoute: 'r', namespace: 'default' } } };
      s['template']['spec']['containers'][0]['resources'] = { limits: { cpu: 0.5, memory: '64Mi' } };
    });
    const result = check(object);
    expect(result.unknownFields).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.object).toEqual(object);
  });

  it('reports a wrong type in a known field', () => {
    const result = check(withField((s) => (s['replicas'] = 'five')));
    expect(result.errors).toEqual([
      { path: 'spec.replicas', type: 'FieldValueTypeInvalid', message: 'Invalid value: "string": spec.replicas in body must be of type integer: "string"' },
    ]);
  });
});

describe('resourceInfosFromCrd', () => {
  const byResource = new Map(crdInfos.map((info) => [info.resource, info]));

  it.each([
    ['rollouts', 'Rollout', 'ro', true, true],
    ['analysistemplates', 'AnalysisTemplate', 'at', true, false],
    ['clusteranalysistemplates', 'ClusterAnalysisTemplate', 'cat', false, false],
    ['analysisruns', 'AnalysisRun', 'ar', true, false],
    ['experiments', 'Experiment', 'exp', true, false],
  ])('%s is kind %s, short name %s, namespaced=%s, status subresource=%s', (resource, kind, shortName, namespaced, status) => {
    const info = byResource.get(resource);
    expect(info).toMatchObject({ group: 'argoproj.io', version: 'v1alpha1', kind, namespaced, statusSubresource: status, source: 'crd' });
    expect(info?.shortNames).toEqual([shortName]);
    expect(info?.crdName).toBe(`${resource}.argoproj.io`);
    expect(info?.listKind).toBe(`${kind}List`);
    expect(info?.singular).toBe(kind.toLowerCase());
  });

  it('gives rollouts the upstream columns and scale paths', () => {
    const rollouts = byResource.get('rollouts');
    expect(rollouts?.printerColumns?.map((column) => [column.name, column.jsonPath])).toEqual([
      ['Desired', '.spec.replicas'],
      ['Current', '.status.replicas'],
      ['Up-to-date', '.status.updatedReplicas'],
      ['Available', '.status.availableReplicas'],
      ['Age', '.metadata.creationTimestamp'],
    ]);
    expect(rollouts?.scale).toEqual({ specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.HPAReplicas', labelSelectorPath: '.status.selector' });
  });

  it('gives analysis runs and experiments a Status column', () => {
    expect(byResource.get('analysisruns')?.printerColumns?.map((c) => c.name)).toEqual(['Status', 'Age']);
    expect(byResource.get('experiments')?.printerColumns?.map((c) => c.name)).toEqual(['Status', 'Age']);
  });

  it('uses the default Age column and skips unserved versions', () => {
    const [crd] = argoprojCrds();
    if (!crd) throw new Error('no CRDs');
    const [version] = crd.spec.versions;
    if (!version) throw new Error('no version');
    crd.spec.versions = [{ ...version, additionalPrinterColumns: [] }, { ...version, name: 'v1beta1', served: false, storage: false }];
    const infos = resourceInfosFromCrd(crd);
    expect(infos.map((info) => info.version)).toEqual(['v1alpha1']);
    expect(infos[0]?.printerColumns?.map((c) => c.name)).toEqual(['Age']);
  });
});

/** Finds nodes a real apiserver would reject as non-structural or not allowed in a CRD. */
function structuralProblems(schema: JsonSchema, path: string): string[] {
  const problems: string[] = [];
  const allowedUntyped = schema['x-kubernetes-preserve-unknown-fields'] || schema['x-kubernetes-int-or-string'];
  if (!schema.type && !allowedUntyped) problems.push(`${path}: no type`);
  for (const key of ['$ref', 'allOf', 'oneOf', 'x-kubernetes-patch-merge-key', 'x-kubernetes-patch-strategy', 'x-kubernetes-group-version-kind']) {
    if (key in schema) problems.push(`${path}: ${key}`);
  }
  if (schema.anyOf && !schema['x-kubernetes-int-or-string']) problems.push(`${path}: anyOf`);
  if (schema['x-kubernetes-list-type'] === 'map') {
    for (const key of schema['x-kubernetes-list-map-keys'] ?? []) {
      if (!schema.items?.required?.includes(key) && schema.items?.properties?.[key]?.default === undefined) problems.push(`${path}: list map key ${key} optional`);
    }
  }
  for (const [key, child] of Object.entries(schema.properties ?? {})) problems.push(...structuralProblems(child, `${path}.${key}`));
  if (schema.items) problems.push(...structuralProblems(schema.items, `${path}[]`));
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') problems.push(...structuralProblems(schema.additionalProperties, `${path}{}`));
  return problems;
}

describe('CRD schemas', () => {
  const crdResource = builtinResources.find((info) => info.resource === 'customresourcedefinitions');

  it.each(argoprojCrds().map((crd) => [crd.metadata?.name ?? '', crd] as const))('%s is a valid CustomResourceDefinition object', (_name, crd) => {
    if (!crdResource) throw new Error('customresourcedefinitions not served');
    const result = pruneAndValidateResource(crdResource, crd);
    expect(result.unknownFields).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it.each(argoprojCrds().map((crd) => [crd.metadata?.name ?? '', crd] as const))('%s is structural', (_name, crd) => {
    const schema = crd.spec.versions[0]?.schema?.openAPIV3Schema as JsonSchema;
    expect(structuralProblems(schema, '')).toEqual([]);
  });
});
