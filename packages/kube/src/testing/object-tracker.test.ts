// Tests for the fake client's API server semantics: metadata, optimistic concurrency, status isolation, patches, finalizers.
import { describe, expect, it } from 'vitest';
import { PatchType } from '../client/kube-client.js';
import { defineResourceType, Resources } from '../client/resource-type.js';
import { FakeClock } from '../clock/fake-clock.js';
import { ApiError } from '../errors/api-error.js';
import type { KubeObject } from '../types/meta.js';
import { FakeKubeClient } from './fake-client.js';
import { UnknownResourceKindError } from './object-tracker.js';

type Obj = KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

const rollout = (overrides: Partial<Obj> = {}): Obj => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'demo', namespace: 'default', labels: { app: 'demo' } },
  spec: { replicas: 3, paused: false },
  status: { phase: 'Healthy' },
  ...overrides,
});

const replicaSet = (name: string, labels: Record<string, string> = { app: 'demo' }): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, namespace: 'default', labels },
  spec: { replicas: 1 },
});

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err: unknown) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('seeding and create', () => {
  it('maps seeded objects to their resource types and stamps server metadata', async () => {
    const clock = new FakeClock();
    const client = new FakeKubeClient({ objects: [rollout(), replicaSet('demo-abc')], clock });
    const ro = await client.get<Obj>(Resources.rollouts, 'demo', 'default');
    expect(ro.metadata).toMatchObject({ uid: expect.any(String), resourceVersion: '1', generation: 1, creationTimestamp: '2026-01-01T00:00:00Z' });
    expect(ro.status).toEqual({ phase: 'Healthy' });
    expect(client.tracker.get(Resources.replicaSets, 'default', 'demo-abc')?.metadata?.resourceVersion).toBe('2');
  });

  it('refuses to seed a kind nobody registered, and accepts it once registered', () => {
    const widgets = defineResourceType('example.com', 'v1', 'widgets', 'Widget');
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    expect(() => new FakeKubeClient({ objects: [widget] })).toThrow(UnknownResourceKindError);
    const client = new FakeKubeClient({ objects: [widget], resourceTypes: [widgets] });
    expect(client.tracker.get(widgets, 'default', 'w')?.metadata?.namespace).toBe('default');
  });

  it('assigns a generated name, uid, resourceVersion, creation time and generation 1 on create', async () => {
    const clock = new FakeClock();
    const client = new FakeKubeClient({ clock, random: () => 0 });
    clock.advance(90_000);
    const created = await client.create(Resources.replicaSets, { ...replicaSet(''), metadata: { namespace: 'default', generateName: 'demo-' } });
    expect(created.metadata).toMatchObject({
      name: 'demo-bbbbb',
      uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: '2026-01-01T00:01:30Z',
    });
  });

  it.each([
    { name: 'a kind with a status subresource loses the status sent on create', type: Resources.rollouts, object: rollout(), keepsStatus: false },
    {
      name: 'a kind without a status subresource keeps it',
      type: Resources.analysisRuns,
      object: { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', metadata: { name: 'run', namespace: 'default' }, status: { phase: 'Running' } },
      keepsStatus: true,
    },
  ])('$name', async ({ type, object, keepsStatus }) => {
    const client = new FakeKubeClient();
    const created = await client.create<Obj>(type, object);
    expect(created.status !== undefined).toBe(keepsStatus);
  });

  it.each([
    {
      name: 'creating an existing object is AlreadyExists',
      act: (client: FakeKubeClient) => client.create(Resources.replicaSets, replicaSet('demo-abc')),
      expected: { code: 409, reason: 'AlreadyExists', message: 'replicasets.apps "demo-abc" already exists' },
    },
    {
      name: 'getting a missing object is NotFound',
      act: (client: FakeKubeClient) => client.get(Resources.replicaSets, 'missing', 'default'),
      expected: { code: 404, reason: 'NotFound', message: 'replicasets.apps "missing" not found' },
    },
    {
      name: 'a missing core object is named without a group',
      act: (client: FakeKubeClient) => client.get(Resources.pods, 'missing', 'default'),
      expected: { code: 404, reason: 'NotFound', message: 'pods "missing" not found' },
    },
    {
      name: 'creating without a name or generateName is Invalid',
      act: (client: FakeKubeClient) => client.create(Resources.configMaps, { metadata: { namespace: 'default' } }),
      expected: { code: 422, reason: 'Invalid', message: 'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required' },
    },
    {
      name: 'updating with a stale resourceVersion is a Conflict',
      act: (client: FakeKubeClient) =>
        client.update(Resources.replicaSets, { ...replicaSet('demo-abc'), metadata: { ...replicaSet('demo-abc').metadata, resourceVersion: '0' } }),
      expected: {
        code: 409,
        reason: 'Conflict',
        message: 'Operation cannot be fulfilled on replicasets.apps "demo-abc": the object has been modified; please apply your changes to the latest version and try again',
      },
    },
    {
      name: 'updating a missing object is NotFound',
      act: (client: FakeKubeClient) => client.update(Resources.replicaSets, replicaSet('missing')),
      expected: { code: 404, reason: 'NotFound', message: 'replicasets.apps "missing" not found' },
    },
    {
      name: 'a status update on a kind without a status subresource is NotFound',
      act: (client: FakeKubeClient) =>
        client.updateStatus(Resources.analysisRuns, { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', metadata: { name: 'run', namespace: 'default' } }),
      expected: { code: 404, reason: 'NotFound' },
    },
    {
      name: 'a call without the namespace of a namespaced kind is a BadRequest',
      act: (client: FakeKubeClient) => client.get(Resources.replicaSets, 'demo-abc'),
      expected: { code: 400, reason: 'BadRequest' },
    },
  ])('$name', async ({ act, expected }) => {
    const run = { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', metadata: { name: 'run', namespace: 'default' } };
    const client = new FakeKubeClient({ objects: [replicaSet('demo-abc'), run] });
    const error = await failureOf(act(client));
    expect({ code: error.code, reason: error.reason, ...(expected.message ? { message: error.message } : {}) }).toEqual(expected);
  });
});

describe('update', () => {
  it.each([
    { name: 'a spec change bumps generation and resourceVersion', change: (o: Obj) => ({ ...o, spec: { ...o.spec, replicas: 5 } }), generation: 2, rvChanges: true },
    { name: 'a label change keeps generation but bumps resourceVersion', change: (o: Obj) => ({ ...o, metadata: { ...o.metadata, labels: { app: 'x' } } }), generation: 1, rvChanges: true },
    { name: 'a status change through update is ignored', change: (o: Obj) => ({ ...o, status: { phase: 'Degraded' } }), generation: 1, rvChanges: false },
    { name: 'an unchanged object is not written again', change: (o: Obj) => o, generation: 1, rvChanges: false },
    { name: 'server-owned metadata cannot be changed', change: (o: Obj) => ({ ...o, metadata: { ...o.metadata, uid: 'forged', generation: 9 } }), generation: 1, rvChanges: false },
  ])('$name', async ({ change, generation, rvChanges }) => {
    const client = new FakeKubeClient({ objects: [rollout()] });
    const before = await client.get<Obj>(Resources.rollouts, 'demo', 'default');
    const after = await client.update<Obj>(Resources.rollouts, change(structuredClone(before)));
    expect(after.metadata?.generation).toBe(generation);
    expect(after.metadata?.resourceVersion !== before.metadata?.resourceVersion).toBe(rvChanges);
    expect(after.metadata?.uid).toBe(before.metadata?.uid);
    expect(after.status).toEqual({ phase: 'Healthy' });
  });

  it('changes only status through updateStatus, without bumping generation', async () => {
    const client = new FakeKubeClient({ objects: [rollout()] });
    const current = await client.get<Obj>(Resources.rollouts, 'demo', 'default');
    const after = await client.updateStatus<Obj>(Resources.rollouts, { ...current, spec: { replicas: 99 }, status: { phase: 'Paused' } });
    expect(after.status).toEqual({ phase: 'Paused' });
    expect(after.spec).toEqual({ replicas: 3, paused: false });
    expect(after.metadata?.generation).toBe(1);
  });

  it('lets a kind without a status subresource change status (and generation) through update', async () => {
    const run: Obj = { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', metadata: { name: 'run', namespace: 'default' }, status: { phase: 'Running' } };
    const client = new FakeKubeClient({ objects: [run] });
    const current = await client.get<Obj>(Resources.analysisRuns, 'run', 'default');
    const after = await client.update<Obj>(Resources.analysisRuns, { ...current, status: { phase: 'Successful' } });
    expect(after.status).toEqual({ phase: 'Successful' });
    expect(after.metadata?.generation).toBe(2);
  });

  it('accepts an update without resourceVersion as unconditional', async () => {
    const client = new FakeKubeClient({ objects: [replicaSet('demo-abc')] });
    const after = await client.update<Obj>(Resources.replicaSets, { ...replicaSet('demo-abc'), spec: { replicas: 2 } });
    expect(after.spec).toEqual({ replicas: 2 });
  });
});

describe('patch', () => {
  const deployment: Obj = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { template: { spec: { containers: [{ name: 'app', image: 'v1' }, { name: 'sidecar', image: 's1' }] } } },
  };

  it.each<{ name: string; patch: unknown; patchType: PatchType; subresource?: string; expectSpec: unknown; expectStatus: unknown; generation: number }>([
    { name: 'a merge patch changes the spec', patch: { spec: { paused: true } }, patchType: PatchType.Merge, expectSpec: { replicas: 3, paused: true }, expectStatus: { phase: 'Healthy' }, generation: 2 },
    {
      name: 'a merge patch of the status subresource changes only status',
      patch: { spec: { paused: true }, status: { phase: 'Paused' } },
      patchType: PatchType.Merge,
      subresource: 'status',
      expectSpec: { replicas: 3, paused: false },
      expectStatus: { phase: 'Paused' },
      generation: 1,
    },
    { name: 'a merge patch of the main resource ignores status', patch: { status: { phase: 'Paused' } }, patchType: PatchType.Merge, expectSpec: { replicas: 3, paused: false }, expectStatus: { phase: 'Healthy' }, generation: 1 },
    {
      name: 'a JSON patch replaces a field',
      patch: [{ op: 'test', path: '/spec/replicas', value: 3 }, { op: 'replace', path: '/spec/replicas', value: 4 }],
      patchType: PatchType.Json,
      expectSpec: { replicas: 4, paused: false },
      expectStatus: { phase: 'Healthy' },
      generation: 2,
    },
    { name: 'a patch given as JSON text is decoded', patch: '{"spec":{"replicas":1}}', patchType: PatchType.Merge, expectSpec: { replicas: 1, paused: false }, expectStatus: { phase: 'Healthy' }, generation: 2 },
  ])('$name', async ({ patch, patchType, subresource, expectSpec, expectStatus, generation }) => {
    const client = new FakeKubeClient({ objects: [rollout()] });
    const after = await client.patch<Obj>(Resources.rollouts, 'demo', 'default', patch, patchType, subresource ? { subresource } : {});
    expect({ spec: after.spec, status: after.status, generation: after.metadata?.generation }).toEqual({ spec: expectSpec, status: expectStatus, generation });
  });

  it('merges containers by name with a strategic merge patch on a built-in kind', async () => {
    const client = new FakeKubeClient({ objects: [deployment] });
    const patch = { spec: { template: { spec: { containers: [{ name: 'app', image: 'v2' }] } } } };
    const after = await client.patch<Obj>(Resources.deployments, 'web', 'default', patch, PatchType.StrategicMerge);
    expect(after.spec).toEqual({ template: { spec: { containers: [{ name: 'app', image: 'v2' }, { name: 'sidecar', image: 's1' }] } } });
  });

  it.each([
    { name: 'a strategic merge patch on a custom resource is 415', patch: { spec: {} }, patchType: PatchType.StrategicMerge, code: 415 },
    { name: 'a JSON patch whose test fails is 422', patch: [{ op: 'test', path: '/spec/replicas', value: 7 }], patchType: PatchType.Json, code: 422 },
    { name: 'a malformed JSON patch is 400', patch: [{ op: 'jump', path: '/spec' }], patchType: PatchType.Json, code: 400 },
    { name: 'a patch carrying a stale resourceVersion is a Conflict', patch: { metadata: { resourceVersion: '0' }, spec: { replicas: 1 } }, patchType: PatchType.Merge, code: 409 },
    { name: 'a merge patch of a missing object is NotFound', patch: { spec: {} }, patchType: PatchType.Merge, code: 404, name2: 'missing' },
  ])('$name', async ({ patch, patchType, code, name2 }) => {
    const client = new FakeKubeClient({ objects: [rollout()] });
    const error = await failureOf(client.patch(Resources.rollouts, name2 ?? 'demo', 'default', patch, patchType));
    expect(error.code).toBe(code);
  });

  it('creates the object with an apply patch when it is absent, then merges into it', async () => {
    const client = new FakeKubeClient();
    const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } };
    const created = await client.patch<Obj>(Resources.configMaps, 'cfg', 'default', body, PatchType.Apply, { fieldManager: 'test' });
    expect(created.metadata).toMatchObject({ name: 'cfg', namespace: 'default', resourceVersion: '1' });
    const merged = await client.patch<KubeObject & { data?: unknown }>(Resources.configMaps, 'cfg', 'default', { data: { b: '2' } }, PatchType.Apply);
    expect(merged.data).toEqual({ a: '1', b: '2' });
  });
});

describe('delete and finalizers', () => {
  it('removes an object without finalizers at once', async () => {
    const client = new FakeKubeClient({ objects: [replicaSet('demo-abc')] });
    await client.delete(Resources.replicaSets, 'demo-abc', 'default');
    expect(client.tracker.get(Resources.replicaSets, 'default', 'demo-abc')).toBeUndefined();
    expect((await failureOf(client.delete(Resources.replicaSets, 'demo-abc', 'default'))).code).toBe(404);
  });

  it('marks an object with finalizers for deletion and removes it when the last finalizer goes', async () => {
    const clock = new FakeClock();
    const finalized = { ...rollout(), metadata: { ...rollout().metadata, finalizers: ['example.com/cleanup'] } };
    const client = new FakeKubeClient({ objects: [finalized], clock });
    clock.advance(5_000);
    await client.delete(Resources.rollouts, 'demo', 'default');
    const marked = await client.get<Obj>(Resources.rollouts, 'demo', 'default');
    expect(marked.metadata?.deletionTimestamp).toBe('2026-01-01T00:00:05Z');

    const addFinalizer = { ...marked, metadata: { ...marked.metadata, finalizers: ['example.com/cleanup', 'other'] } };
    expect((await failureOf(client.update(Resources.rollouts, addFinalizer))).code).toBe(422);

    await client.update(Resources.rollouts, { ...marked, metadata: { ...marked.metadata, finalizers: [] } });
    expect(client.tracker.get(Resources.rollouts, 'default', 'demo')).toBeUndefined();
  });

  it.each([
    { name: 'a uid precondition that does not match is a Conflict', preconditions: { uid: 'other' } },
    { name: 'a resourceVersion precondition that does not match is a Conflict', preconditions: { resourceVersion: '0' } },
  ])('$name', async ({ preconditions }) => {
    const client = new FakeKubeClient({ objects: [replicaSet('demo-abc')] });
    const error = await failureOf(client.delete(Resources.replicaSets, 'demo-abc', 'default', { preconditions }));
    expect(error.reason).toBe('Conflict');
    expect(client.tracker.get(Resources.replicaSets, 'default', 'demo-abc')).toBeDefined();
  });
});

describe('deep copies', () => {
  it('never hands out or keeps aliases of stored objects', async () => {
    const client = new FakeKubeClient({ objects: [rollout()] });
    const fetched = await client.get<Obj>(Resources.rollouts, 'demo', 'default');
    (fetched.spec as Record<string, unknown>).replicas = 100;
    const input = replicaSet('demo-new');
    await client.create(Resources.replicaSets, input);
    (input.spec as Record<string, unknown>).replicas = 50;
    expect((await client.get<Obj>(Resources.rollouts, 'demo', 'default')).spec?.replicas).toBe(3);
    expect(client.tracker.get<Obj>(Resources.replicaSets, 'default', 'demo-new')?.spec?.replicas).toBe(1);
    expect(client.actions()[1]?.object).toMatchObject({ spec: { replicas: 1 } });
  });
});
