// REST semantics over HTTPS and a MemoryStore: create, get and update, with the errors Kubernetes gives.
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
const rss = '/apis/apps/v1/namespaces/default/replicasets';
const replicaSet = (name: string, replicas = 1) => ({
  metadata: { name, labels: { app: name } },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
});

describe('create', () => {
  it('fills apiVersion, kind, uid, creationTimestamp and resourceVersion, and answers 201', async () => {
    const res = await cluster.request('POST', cms, { body: { metadata: { name: 'fill' }, data: { a: 'b' } } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fill', namespace: 'default' }, data: { a: 'b' } });
    expect(res.body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Number(res.body.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(res.body.metadata.generation).toBeUndefined();
  });

  it('sets generation 1 on kinds that have one, and resets status', async () => {
    const res = await cluster.request('POST', rss, { body: { ...replicaSet('gen'), status: { replicas: 9 } } });
    expect(res.status).toBe(201);
    expect(res.body.metadata.generation).toBe(1);
    expect(res.body.status).toEqual({});
  });

  it('generates a name from generateName', async () => {
    const res = await cluster.request('POST', cms, { body: { metadata: { generateName: 'gen-' } } });
    expect(res.status).toBe(201);
    expect(res.body.metadata.name).toMatch(/^gen-[a-z0-9]{5}$/);
  });

  it('accepts YAML bodies', async () => {
    const res = await cluster.request('POST', cms, { rawBody: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  k: v\n', contentType: 'application/yaml' });
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({ k: 'v' });
  });

  it('answers AlreadyExists for a second create', async () => {
    await cluster.request('POST', cms, { body: { metadata: { name: 'twice' } } });
    const res = await cluster.request('POST', cms, { body: { metadata: { name: 'twice' } } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ reason: 'AlreadyExists', message: 'configmaps "twice" already exists', details: { name: 'twice', kind: 'configmaps' } });
  });

  it('does not store anything with dryRun=All', async () => {
    const res = await cluster.request('POST', `${cms}?dryRun=All`, { body: { metadata: { name: 'dry' } } });
    expect(res.status).toBe(201);
    expect(res.body.metadata.uid).toBeDefined();
    expect((await cluster.request('GET', `${cms}/dry`)).status).toBe(404);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"metadata": {', contentType: 'application/json' }, /json parse error/],
    ['malformed YAML', { rawBody: 'metadata:\n  name: [x\n', contentType: 'application/yaml' }, /yaml parse error/],
    ['a kind that does not match the URL', { body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } } }, /kind in the data \(Secret\) does not match the expected kind \(ConfigMap\)/],
    ['an apiVersion that does not match the URL', { body: { apiVersion: 'apps/v1', kind: 'ConfigMap', metadata: { name: 'x' } } }, /API version in the data \(apps\/v1\)/],
    ['a namespace that does not match the URL', { body: { metadata: { name: 'x', namespace: 'kube-system' } } }, /namespace of the provided object does not match/],
    ['a body that is not an object', { body: [1, 2] }, /must be a JSON or YAML object/],
  ])('answers 400 BadRequest for %s', async (_, options, message) => {
    const res = await cluster.request('POST', cms, options);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'BadRequest', code: 400 });
    expect(res.body.message).toMatch(message);
  });

  it('answers 422 Invalid with causes for a missing name', async () => {
    const res = await cluster.request('POST', cms, { body: { data: {} } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      reason: 'Invalid',
      message: 'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required',
      details: { kind: 'ConfigMap', causes: [{ reason: 'FieldValueRequired', field: 'metadata.name' }] },
    });
  });

  it('answers 422 Invalid for a bad name and bad label values', async () => {
    const res = await cluster.request('POST', rss, { body: { ...replicaSet('x'), metadata: { name: 'Bad_Name', labels: { app: 'not valid!' } } } });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/^ReplicaSet\.apps "Bad_Name" is invalid: \[metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
    expect(res.body.details).toMatchObject({ name: 'Bad_Name', group: 'apps', kind: 'ReplicaSet' });
    expect(res.body.details.causes.map((c: { field: string }) => c.field)).toEqual(['metadata.name', 'metadata.labels']);
  });

  it('answers 404 for a namespace that does not exist', async () => {
    const res = await cluster.request('POST', '/api/v1/namespaces/nowhere/configmaps', { body: { metadata: { name: 'x' } } });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ reason: 'NotFound', message: 'namespaces "nowhere" not found', details: { name: 'nowhere', kind: 'namespaces' } });
  });
});

describe('get', () => {
  it('answers NotFound shaped like Kubernetes', async () => {
    const res = await cluster.request('GET', `${rss}/missing`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'replicasets.apps "missing" not found',
      reason: 'NotFound',
      details: { name: 'missing', group: 'apps', kind: 'replicasets' },
      code: 404,
    });
  });

  it('answers JSON to a protobuf-first Accept', async () => {
    await cluster.request('POST', cms, { body: { metadata: { name: 'proto' } } });
    const res = await cluster.request('GET', `${cms}/proto`, { accept: 'application/vnd.kubernetes.protobuf,application/json' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body.metadata.name).toBe('proto');
  });

  it('serves a Table when asked, with a metadata row object', async () => {
    const res = await cluster.request('GET', `${cms}/proto`, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    expect(res.body).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1' });
    expect(res.body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Data', 'Age']);
    expect(res.body.rows[0].cells[0]).toBe('proto');
    expect(res.body.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'proto' } });
  });

  it('answers 406 to an Accept it cannot produce', async () => {
    const res = await cluster.request('GET', `${cms}/proto`, { accept: 'text/html' });
    expect(res.status).toBe(406);
  });
});

describe('update', () => {
  it('answers 409 Conflict for a stale resourceVersion', async () => {
    const created = (await cluster.request('POST', cms, { body: { metadata: { name: 'occ' } } })).body;
    const first = await cluster.request('PUT', `${cms}/occ`, { body: { ...created, data: { a: '1' } } });
    expect(first.status).toBe(200);
    const stale = await cluster.request('PUT', `${cms}/occ`, { body: { ...created, data: { a: '2' } } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on configmaps "occ": the object has been modified; please apply your changes to the latest version and try again',
      details: { name: 'occ', kind: 'configmaps' },
    });
  });

  it('rejects a name that differs from the URL', async () => {
    const res = await cluster.request('PUT', `${cms}/occ`, { body: { metadata: { name: 'other' } } });
    expect(res.status).toBe(400);
  });

  it('does not write when nothing changed', async () => {
    const created = (await cluster.request('POST', cms, { body: { metadata: { name: 'noop' }, data: { a: 'b' } } })).body;
    const res = await cluster.request('PUT', `${cms}/noop`, { body: created });
    expect(res.body.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });

  it('bumps generation only when something outside metadata and status changes', async () => {
    const created = (await cluster.request('POST', rss, { body: replicaSet('bump') })).body;
    const labelled = (await cluster.request('PUT', `${rss}/bump`, { body: { ...created, metadata: { ...created.metadata, labels: { app: 'bump', x: 'y' } } } })).body;
    expect(labelled.metadata.generation).toBe(1);
    const scaled = (await cluster.request('PUT', `${rss}/bump`, { body: { ...labelled, spec: { ...labelled.spec, replicas: 3 } } })).body;
    expect(scaled.metadata.generation).toBe(2);
    const status = await cluster.request('PUT', `${rss}/bump/status`, { body: { ...scaled, status: { replicas: 3 } } });
    expect(status.body.metadata.generation).toBe(2);
  });

  it('isolates status: the main resource ignores status, /status ignores everything else', async () => {
    const created = (await cluster.request('POST', rss, { body: replicaSet('iso') })).body;
    const main = (await cluster.request('PUT', `${rss}/iso`, { body: { ...created, spec: { ...created.spec, replicas: 2 }, status: { replicas: 7 } } })).body;
    expect(main.spec.replicas).toBe(2);
    expect(main.status).toEqual({});
    const status = (
      await cluster.request('PUT', `${rss}/iso/status`, {
        body: { ...main, metadata: { ...main.metadata, labels: { changed: 'yes' } }, spec: { ...main.spec, replicas: 5 }, status: { replicas: 2, readyReplicas: 1 } },
      })
    ).body;
    expect(status.status).toEqual({ replicas: 2, readyReplicas: 1 });
    expect(status.spec.replicas).toBe(2);
    expect(status.metadata.labels).toEqual({ app: 'iso' });
  });

  it('answers 404 when updating an absent ConfigMap', async () => {
    const res = await cluster.request('PUT', `${cms}/absent`, { body: { metadata: { name: 'absent' } } });
    expect(res.status).toBe(404);
  });
});
