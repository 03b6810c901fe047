// The OpenAPI hook: index, hashed documents cacheable forever, stale hashes redirected, and the validate hook.
import { describe, expect, it } from 'vitest';
import { argoprojCrds, resourceInfosFromCrd } from '../crds/index.js';
import { builtinResources } from '../registry/builtin-resources.js';
import { ResourceRegistry } from '../registry/resource-registry.js';
import type { PluginContext } from '../server/plugins.js';
import { openApiIndex, openApiPathHandler, validateWithSchemas } from './index.js';

const registry = new ResourceRegistry(builtinResources);
for (const crd of argoprojCrds()) registry.replaceCrd(crd.metadata?.name ?? '', resourceInfosFromCrd(crd));
const context = { registry } as PluginContext;

function get(pathWithQuery: string) {
  const url = new URL(pathWithQuery, 'http://x');
  return openApiPathHandler({ method: 'GET', path: url.pathname, query: url.searchParams, headers: {} }, context);
}

describe('openApiPathHandler', () => {
  it('serves the index uncached', () => {
    const response = get('/openapi/v3');
    expect(response?.body).toBe(openApiIndex(registry));
    expect(response?.headers?.['Cache-Control']).toBe('no-cache, private');
  });

  it('serves a hashed document as immutable', () => {
    const url = openApiIndex(registry).paths['apis/argoproj.io/v1alpha1']?.serverRelativeURL ?? '';
    const response = get(url);
    expect(response?.headers?.['Cache-Control']).toBe('public, immutable');
    expect(JSON.parse(response?.body as string)).toHaveProperty('openapi', '3.0.0');
  });

  it('redirects a stale hash to the current document', () => {
    const response = get('/openapi/v3/api/v1?hash=OLD');
    expect(response?.statusCode).toBe(301);
    expect(response?.headers?.['Location']).toBe(openApiIndex(registry).paths['api/v1']?.serverRelativeURL);
  });

  it.each(['/openapi/v2', '/openapi/v3/apis/nope/v1', '/api/v1'])('leaves %s to others', (path) => {
    expect(get(path)).toBeUndefined();
  });
});

describe('validateWithSchemas', () => {
  const rollouts = registry.lookup('argoproj.io', 'v1alpha1', 'rollouts');
  if (!rollouts) throw new Error('rollouts not served');
  const rollout = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'demo' },
    spec: { strategy: { canary: { foo: 1 } }, selector: { matchLabels: { app: 'a' } }, template: { spec: { containers: [{ name: 'c' }] } } },
  };

  it('reports and prunes an unknown field', () => {
    const result = validateWithSchemas({ info: rollouts, operation: 'create', object: rollout, fieldValidation: 'Strict' });
    expect(result.unknownFields).toEqual(['spec.strategy.canary.foo']);
    expect(result.errors).toEqual([]);
    expect((result.object as typeof rollout).spec.strategy.canary).toEqual({});
  });

  it('passes scale bodies through', () => {
    const scale = { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'demo' }, spec: { replicas: 3 } };
    expect(validateWithSchemas({ info: rollouts, operation: 'update', subresource: 'scale', object: scale, fieldValidation: 'Strict' }).object).toBe(scale);
  });
});
