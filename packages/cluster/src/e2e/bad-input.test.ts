// Issue acceptance: bad input gets a 4xx Kubernetes Status with a clear message — never a 500, a hang or a crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type RequestOptions, type TestCluster } from '../server/testing/test-cluster.js';

const configMaps = '/api/v1/namespaces/default/configmaps';
const rollouts = '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts';

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
  const seeded = await cluster.request('POST', configMaps, { body: { metadata: { name: 'existing' }, data: { a: '1' } } });
  expect(seeded.status).toBe(201);
});
afterAll(() => cluster?.close());

interface Case {
  method: string;
  path: string;
  options: RequestOptions;
  code: number;
  reason: string;
  message: RegExp;
}

const cases: [string, Case][] = [
  ['malformed JSON', { method: 'POST', path: configMaps, options: { rawBody: '{"metadata": {"name": ', contentType: 'application/json' }, code: 400, reason: 'BadRequest', message: /json|unexpected end/i }],
  ['malformed YAML', { method: 'POST', path: configMaps, options: { rawBody: 'metadata:\n  name: [unclosed\n', contentType: 'application/yaml' }, code: 400, reason: 'BadRequest', message: /yaml/i }],
  ['a body that is not an object', { method: 'POST', path: configMaps, options: { rawBody: '[1,2,3]', contentType: 'application/json' }, code: 400, reason: 'BadRequest', message: /object/i }],
  ['an empty body', { method: 'POST', path: configMaps, options: { rawBody: '', contentType: 'application/json' }, code: 400, reason: 'BadRequest', message: /.+/ }],
  [
    'a kind that does not match the URL',
    { method: 'POST', path: configMaps, options: { body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } } }, code: 400, reason: 'BadRequest', message: /Secret|kind/ },
  ],
  [
    'an apiVersion that does not match the URL',
    { method: 'POST', path: configMaps, options: { body: { apiVersion: 'apps/v1', kind: 'ConfigMap', metadata: { name: 'x' } } }, code: 400, reason: 'BadRequest', message: /apps\/v1/ },
  ],
  ['a missing name', { method: 'POST', path: configMaps, options: { body: { metadata: {} } }, code: 422, reason: 'Invalid', message: /metadata\.name/ }],
  ['an invalid name', { method: 'POST', path: configMaps, options: { body: { metadata: { name: 'Not_Valid' } } }, code: 422, reason: 'Invalid', message: /metadata\.name/ }],
  [
    'an invalid label value',
    { method: 'POST', path: configMaps, options: { body: { metadata: { name: 'x', labels: { app: 'bad value!' } } } }, code: 422, reason: 'Invalid', message: /metadata\.labels/ },
  ],
  [
    'a body over the size limit',
    { method: 'POST', path: configMaps, options: { rawBody: JSON.stringify({ metadata: { name: 'big' }, data: { blob: 'x'.repeat(4 * 1024 * 1024) } }), contentType: 'application/json' }, code: 413, reason: 'RequestEntityTooLarge', message: /too large|limit/i },
  ],
  [
    'a stale resourceVersion',
    { method: 'PUT', path: `${configMaps}/existing`, options: { body: { metadata: { name: 'existing', resourceVersion: '1' }, data: { a: '2' } } }, code: 409, reason: 'Conflict', message: /the object has been modified/ },
  ],
  [
    'a resourceVersion that is not a number',
    { method: 'PUT', path: `${configMaps}/existing`, options: { body: { metadata: { name: 'existing', resourceVersion: 'abc' }, data: {} } }, code: 400, reason: 'BadRequest', message: /resourceVersion/ },
  ],
  [
    'a JSON patch with an unknown operation',
    { method: 'PATCH', path: `${configMaps}/existing`, options: { rawBody: '[{"op":"frobnicate","path":"/data/a"}]', contentType: 'application/json-patch+json' }, code: 400, reason: 'BadRequest', message: /frobnicate|op/ },
  ],
  [
    'a JSON patch whose test fails',
    { method: 'PATCH', path: `${configMaps}/existing`, options: { rawBody: '[{"op":"test","path":"/data/a","value":"nope"}]', contentType: 'application/json-patch+json' }, code: 422, reason: 'Invalid', message: /test/ },
  ],
  ['an unsupported patch type', { method: 'PATCH', path: `${configMaps}/existing`, options: { rawBody: '{}', contentType: 'text/plain' }, code: 415, reason: 'UnsupportedMediaType', message: /unknown format - accepted media types include/ }],
  [
    'a strategic merge patch on a custom resource',
    { method: 'PATCH', path: `${rollouts}/missing`, options: { rawBody: '{}', contentType: 'application/strategic-merge-patch+json' }, code: 415, reason: 'UnsupportedMediaType', message: /accepted media types include: application\/json-patch\+json, application\/merge-patch\+json, application\/apply-patch\+yaml$/ },
  ],
  [
    'a Rollout whose replicas is a string',
    { method: 'POST', path: rollouts, options: { body: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'typed' }, spec: { replicas: 'five', strategy: { canary: {} }, selector: { matchLabels: { a: 'b' } } } } }, code: 422, reason: 'Invalid', message: /spec\.replicas/ },
  ],
  ['an unknown resource', { method: 'GET', path: '/api/v1/namespaces/default/widgets', options: {}, code: 404, reason: 'NotFound', message: /.+/ }],
  ['an invalid label selector', { method: 'GET', path: `${configMaps}?labelSelector=a%3D%3D%3Db`, options: {}, code: 400, reason: 'BadRequest', message: /unable to parse requirement/ }],
  ['a missing token', { method: 'GET', path: configMaps, options: { token: null }, code: 401, reason: 'Unauthorized', message: /Unauthorized/ }],
];

describe('bad input', () => {
  it.each(cases)('%s gets a clear 4xx Status', async (_name, c) => {
    const res = await cluster.request(c.method, c.path, c.options);
    expect(res.status).toBe(c.code);
    expect(res.body).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: c.code, reason: c.reason });
    expect(res.body.message).toMatch(c.message);
  });

  it('keeps serving after every bad request, and loses nothing', async () => {
    const existing = await cluster.request('GET', `${configMaps}/existing`);
    expect(existing.status).toBe(200);
    expect(existing.body.data).toEqual({ a: '1' });
  });
});
