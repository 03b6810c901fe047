// Tests of trackUpdate (managedFields for create/update/patch) and defaultFieldManager.
import { describe, expect, it } from 'vitest';
import { trackUpdate, defaultFieldManager } from './track-update.js';
import { at, deployment, deploymentInfo, entryOf, t0, t1, t2 } from './testdata/fixtures.js';

type Json = Record<string, unknown>;

function create(manager: string, object: Json = deployment()): Json {
  return trackUpdate({ updated: object, manager, now: t0, apiVersion: 'apps/v1', listInfo: deploymentInfo });
}

function withReplicas(object: Json, replicas: number): Json {
  return { ...structuredClone(object), spec: { ...(object.spec as Json), replicas } };
}

describe('trackUpdate', () => {
  it('records a create as an Update entry shaped as Kubernetes writes it', () => {
    const created = create('kubectl-client-side-apply');
    expect((created.metadata as Json).managedFields).toEqual([{
      manager: 'kubectl-client-side-apply',
      operation: 'Update',
      apiVersion: 'apps/v1',
      time: t0,
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
        'f:spec': {
          'f:replicas': {},
          'f:selector': {},
          'f:template': {
            'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
            'f:spec': {
              'f:containers': {
                'k:{"name":"app"}': {
                  '.': {},
                  'f:image': {},
                  'f:name': {},
                  'f:ports': { '.': {}, 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
                },
              },
            },
          },
        },
      },
    }]);
  });

  it.each<{ name: string; run: () => Json; manager: string; owns: boolean }>([
    {
      name: 'a second manager that changes a field gains it',
      run: () => { const live = create('a'); return trackUpdate({ live, updated: withReplicas(live, 3), manager: 'b', now: t1, apiVersion: 'apps/v1', listInfo: deploymentInfo }); },
      manager: 'b',
      owns: true,
    },
    {
      name: 'the first manager loses the field the second one changed',
      run: () => { const live = create('a'); return trackUpdate({ live, updated: withReplicas(live, 3), manager: 'b', now: t1, apiVersion: 'apps/v1', listInfo: deploymentInfo }); },
      manager: 'a',
      owns: false,
    },
    {
      name: 'writing an equal value takes nothing away',
      run: () => { const live = create('a'); return trackUpdate({ live, updated: withReplicas(live, 2), manager: 'b', now: t1, apiVersion: 'apps/v1', listInfo: deploymentInfo }); },
      manager: 'a',
      owns: true,
    },
  ])('$name', ({ run, manager, owns }) => {
    const result = run();
    expect(at(entryOf(result, manager), 'fieldsV1', 'f:spec', 'f:replicas') !== undefined).toBe(owns);
  });

  it('keeps the writer\'s entry and time when it changed nothing', () => {
    const live = create('a');
    const result = trackUpdate({ live, updated: structuredClone(live), manager: 'a', now: t1, apiVersion: 'apps/v1', listInfo: deploymentInfo });
    expect(entryOf(result, 'a')?.time).toBe(t0);
  });

  it('drops a manager that lost every field', () => {
    const live = create('a', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1 } });
    const result = trackUpdate({ live, updated: withReplicas(live, 4), manager: 'b', now: t1, apiVersion: 'apps/v1', listInfo: deploymentInfo });
    expect(entryOf(result, 'a')).toBeUndefined();
    expect(entryOf(result, 'b')?.operation).toBe('Update');
  });

  it('records status writes with their subresource', () => {
    const live = create('a');
    const result = trackUpdate({
      live, updated: { ...structuredClone(live), status: { replicas: 2 } }, manager: 'rs-controller', subresource: 'status',
      now: t1, apiVersion: 'apps/v1', listInfo: deploymentInfo,
    });
    expect(entryOf(result, 'rs-controller')).toMatchObject({ operation: 'Update', subresource: 'status', fieldsV1: { 'f:status': { '.': {}, 'f:replicas': {} } } });
    expect(Object.keys(entryOf(result, 'rs-controller')!).at(-1)).toBe('subresource');
  });

  describe('a controller writing status again and again', () => {
    const writeStatus = (live: Json, status: Json, now: string): Json =>
      trackUpdate({ live, updated: { ...structuredClone(live), status }, manager: 'rs-controller', subresource: 'status', now, apiVersion: 'apps/v1', listInfo: deploymentInfo });

    it('loses the status fields it removed and keeps the ones it still sets', () => {
      const first = writeStatus(create('a'), { replicas: 2, readyReplicas: 1 }, t1);
      const second = writeStatus(first, { replicas: 3 }, t2);
      expect(entryOf(second, 'rs-controller')).toMatchObject({ time: t2, fieldsV1: { 'f:status': { '.': {}, 'f:replicas': {} } } });
    });

    it('moves only its time when it sets the same fields to new values, sharing the encoded fieldsV1', () => {
      const first = writeStatus(create('a'), { replicas: 2, readyReplicas: 1 }, t1);
      const second = writeStatus(first, { replicas: 3, readyReplicas: 2 }, t2);
      expect(entryOf(second, 'rs-controller')?.time).toBe(t2);
      expect(entryOf(second, 'rs-controller')?.fieldsV1).toEqual({ 'f:status': { '.': {}, 'f:readyReplicas': {}, 'f:replicas': {} } });
      // The same set, so the same encoded (frozen) FieldsV1: nothing was re-encoded for the second write.
      expect(entryOf(second, 'rs-controller')?.fieldsV1).toBe(entryOf(first, 'rs-controller')?.fieldsV1);
    });

    it('gives two objects of one shape, written alike in one second, one shared managedFields result', () => {
      const web = writeStatus(create('a'), { replicas: 2, readyReplicas: 1 }, t1);
      const api = writeStatus(create('a', deployment({}, { name: 'api' })), { replicas: 2, readyReplicas: 1 }, t1);
      const nextWeb = writeStatus(web, { replicas: 3, readyReplicas: 3 }, t2);
      const nextApi = writeStatus(api, { replicas: 5, readyReplicas: 4 }, t2);
      expect((nextApi.metadata as Json).managedFields).toBe((nextWeb.metadata as Json).managedFields);
      expect(entryOf(nextApi, 'rs-controller')).toMatchObject({ time: t2, fieldsV1: { 'f:status': { '.': {}, 'f:readyReplicas': {}, 'f:replicas': {} } } });
      // Another second, or other fields changed, is another result.
      const later = writeStatus(api, { replicas: 5, readyReplicas: 4 }, '2025-01-01T00:03:00Z');
      expect(entryOf(later, 'rs-controller')?.time).toBe('2025-01-01T00:03:00Z');
      const fewer = writeStatus(api, { replicas: 5 }, t2);
      expect(entryOf(fewer, 'rs-controller')?.fieldsV1).toEqual({ 'f:status': { '.': {}, 'f:replicas': {} } });
    });
  });

  it('names a write without a manager "unknown"', () => {
    expect(entryOf(create(''), 'unknown')).toBeDefined();
  });

  it('drops managedFields when the client resets them, and stays untracked afterwards', () => {
    const live = create('a');
    const reset = trackUpdate({
      live, updated: { ...structuredClone(live), metadata: { ...(live.metadata as Json), managedFields: [] } },
      manager: 'b', now: t1, apiVersion: 'apps/v1', listInfo: deploymentInfo,
    });
    expect((reset.metadata as Json).managedFields).toBeUndefined();
    const next = trackUpdate({ live: reset, updated: withReplicas(reset, 9), manager: 'c', now: t1, apiVersion: 'apps/v1', listInfo: deploymentInfo });
    expect((next.metadata as Json).managedFields).toBeUndefined();
  });

  it('keeps the live managedFields when the object cannot be tracked', () => {
    const live = create('a');
    const broken = { ...structuredClone(live), spec: { template: { spec: { containers: [{ image: 'no-name' }] } } } };
    const result = trackUpdate({ live, updated: broken, manager: 'b', now: t1, apiVersion: 'apps/v1', listInfo: deploymentInfo });
    expect((result.metadata as Json).managedFields).toEqual((live.metadata as Json).managedFields);
  });

  it('merges the oldest of more than ten Update managers into "ancient-changes"', () => {
    let live = create('m0');
    for (let i = 1; i <= 11; i++) {
      const now = `2025-01-01T00:${String(i).padStart(2, '0')}:00Z`;
      live = trackUpdate({ live, updated: { ...structuredClone(live), spec: { ...(live.spec as Json), [`f${i}`]: i } }, manager: `m${i}`, now, apiVersion: 'apps/v1', listInfo: deploymentInfo });
    }
    const managers = ((live.metadata as Json).managedFields as Json[]).map((entry) => entry.manager);
    expect(managers).toHaveLength(10);
    expect(managers).toContain('ancient-changes');
    expect(managers).not.toContain('m0');
    expect(managers).not.toContain('m1');
  });
});

describe('defaultFieldManager', () => {
  it.each([
    { userAgent: 'kubectl/v1.32.4 (linux/amd64) kubernetes/abc', manager: 'kubectl' },
    { userAgent: 'kubectl-client-side-apply/v1.32.4', manager: 'kubectl-client-side-apply' },
    { userAgent: 'aviary', manager: 'aviary' },
    { userAgent: 'bad\u0001name/1', manager: 'badname' },
    { userAgent: undefined, manager: '' },
    { userAgent: 'x'.repeat(200), manager: 'x'.repeat(128) },
  ])('turns user agent $userAgent into "$manager"', ({ userAgent, manager }) => {
    expect(defaultFieldManager(userAgent)).toBe(manager);
  });
});
