// Tests for FakeKubeClient: list and watch filtering, watch ordering, the action log and reactors.
import { describe, expect, it } from 'vitest';
import { PatchType, type KubeClient } from '../client/kube-client.js';
import { Resources } from '../client/resource-type.js';
import { ApiError, isConflict } from '../errors/api-error.js';
import type { KubeObject, WatchEvent } from '../types/meta.js';
import { conflictError, describeAction, FakeKubeClient } from './fake-client.js';

type Obj = KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

const pod = (name: string, options: { namespace?: string; labels?: Record<string, string>; phase?: string } = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: options.namespace ?? 'default', labels: options.labels ?? { app: 'demo' } },
  status: { phase: options.phase ?? 'Running' },
});

const rollout: Obj = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'demo', namespace: 'default' },
  spec: { replicas: 2, template: { metadata: { labels: { app: 'demo' } } } },
};

/** Collects watch events and the close, and lets the test wait for the microtask deliveries. */
function recorder(): { events: WatchEvent[]; closed: unknown[]; handlers: { onEvent: (e: WatchEvent) => void; onClose: (err?: unknown) => void } } {
  const events: WatchEvent[] = [];
  const closed: unknown[] = [];
  return { events, closed, handlers: { onEvent: (event) => events.push(event), onClose: (err) => closed.push(err ?? 'clean') } };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const summary = (events: WatchEvent[]): string[] => events.map((e) => `${e.type} ${e.object.metadata?.name ?? (e.object as { reason?: string }).reason}`);

describe('list', () => {
  const objects = [
    pod('a', { labels: { app: 'demo', track: 'canary' } }),
    pod('b', { phase: 'Pending' }),
    pod('c', { namespace: 'other' }),
    pod('d', { labels: { app: 'other' } }),
  ];
  it.each([
    { name: 'all namespaces when none is given', options: {}, names: ['a', 'b', 'd', 'c'] },
    { name: 'one namespace', options: { namespace: 'other' }, names: ['c'] },
    { name: 'a label selector', options: { namespace: 'default', labelSelector: 'app=demo' }, names: ['a', 'b'] },
    { name: 'a set-based label selector', options: { labelSelector: 'app in (demo),!track' }, names: ['b', 'c'] },
    { name: 'a field selector on status', options: { fieldSelector: 'status.phase=Pending' }, names: ['b'] },
    { name: 'a field selector on the name', options: { fieldSelector: 'metadata.name!=a,metadata.namespace=default' }, names: ['b', 'd'] },
  ])('filters by $name', async ({ options, names }) => {
    const client = new FakeKubeClient({ objects });
    const list = await client.list(Resources.pods, options);
    expect(list.items.map((item) => item.metadata?.name)).toEqual(names);
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'PodList', metadata: { resourceVersion: '4' } });
  });

  it('pages with limit and continue', async () => {
    const client = new FakeKubeClient({ objects });
    const first = await client.list(Resources.pods, { limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.metadata.remainingItemCount).toBe(1);
    const second = await client.list(Resources.pods, { limit: 3, continue: first.metadata.continue });
    expect(second.items.map((item) => item.metadata?.name)).toEqual(['c']);
    expect(second.metadata.continue).toBeUndefined();
  });

  it('rejects a selector that does not parse with 400', async () => {
    const client = new FakeKubeClient({ objects });
    await expect(client.list(Resources.pods, { labelSelector: 'app in (' })).rejects.toMatchObject({ code: 400, reason: 'BadRequest' });
  });
});

describe('watch', () => {
  it('misses nothing written between a list and a watch from its resourceVersion', async () => {
    const client = new FakeKubeClient({ objects: [pod('a')] });
    const list = await client.list(Resources.pods, { namespace: 'default' });
    await client.create(Resources.pods, pod('b'));
    await client.delete(Resources.pods, 'a', 'default');
    const { events, handlers } = recorder();
    await client.watch(Resources.pods, { namespace: 'default', resourceVersion: list.metadata.resourceVersion }, handlers);
    await client.create(Resources.pods, pod('c'));
    await settle();
    expect(summary(events)).toEqual(['ADDED b', 'DELETED a', 'ADDED c']);
  });

  it('sends the current objects first when started without a resourceVersion', async () => {
    const client = new FakeKubeClient({ objects: [pod('a'), pod('b', { namespace: 'other' })] });
    const { events, handlers } = recorder();
    await client.watch(Resources.pods, { namespace: 'default' }, handlers);
    await client.patch(Resources.pods, 'a', 'default', { metadata: { annotations: { x: 'y' } } }, PatchType.Merge);
    await settle();
    expect(summary(events)).toEqual(['ADDED a', 'MODIFIED a']);
  });

  it('turns relabelling into ADDED and DELETED for a selector watch', async () => {
    const client = new FakeKubeClient({ objects: [pod('a', { labels: { app: 'other' } })] });
    const { events, handlers } = recorder();
    const list = await client.list(Resources.pods, { namespace: 'default' });
    await client.watch(Resources.pods, { namespace: 'default', labelSelector: 'app=demo', resourceVersion: list.metadata.resourceVersion }, handlers);
    await client.patch(Resources.pods, 'a', 'default', { metadata: { labels: { app: 'demo' } } }, PatchType.Merge);
    await client.patch(Resources.pods, 'a', 'default', { metadata: { annotations: { n: '1' } } }, PatchType.Merge);
    await client.patch(Resources.pods, 'a', 'default', { metadata: { labels: { app: 'gone' } } }, PatchType.Merge);
    await settle();
    expect(summary(events)).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']);
  });

  it('delivers an event before the write that caused it resolves to its caller', async () => {
    const client = new FakeKubeClient();
    const { events, handlers } = recorder();
    await client.watch(Resources.pods, { namespace: 'default', resourceVersion: '0' }, handlers);
    await client.create(Resources.pods, pod('a'));
    expect(summary(events)).toEqual(['ADDED a']);
  });

  it('closes cleanly on stop and delivers nothing afterwards', async () => {
    const client = new FakeKubeClient();
    const { events, closed, handlers } = recorder();
    const handle = await client.watch(Resources.pods, { namespace: 'default', resourceVersion: '0' }, handlers);
    handle.stop();
    await client.create(Resources.pods, pod('a'));
    await settle();
    expect(events).toEqual([]);
    expect(closed).toEqual(['clean']);
    expect(client.tracker.openWatchCount()).toBe(0);
  });

  it('answers a watch from compacted history with an ERROR 410 event and a close', async () => {
    const client = new FakeKubeClient({ historyLimit: 2 });
    for (const name of ['a', 'b', 'c', 'd']) await client.create(Resources.pods, pod(name));
    const { events, closed, handlers } = recorder();
    await client.watch(Resources.pods, { namespace: 'default', resourceVersion: '1' }, handlers);
    await settle();
    expect(events.map((e) => [e.type, (e.object as { code?: number }).code])).toEqual([['ERROR', 410]]);
    expect(closed).toEqual(['clean']);
  });

  it('lets a test drop every watch with an error', async () => {
    const client = new FakeKubeClient();
    const { closed, handlers } = recorder();
    await client.watch(Resources.pods, { namespace: 'default', resourceVersion: '0' }, handlers);
    expect(client.tracker.closeWatches(new Error('connection reset'))).toBe(1);
    await settle();
    expect(closed).toEqual([new Error('connection reset')]);
  });
});

/** A tiny sync in the style of a controller: read the rollout, create its ReplicaSet, report status. */
async function syncRollout(client: KubeClient, key: string): Promise<void> {
  const [namespace, name] = key.split('/') as [string, string];
  const ro = await client.get<Obj>(Resources.rollouts, name, namespace);
  const replicaSets = await client.list(Resources.replicaSets, { namespace, labelSelector: 'app=demo' });
  if (replicaSets.items.length === 0) {
    await client.create(Resources.replicaSets, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { generateName: `${name}-`, namespace, labels: { app: 'demo' } },
      spec: { replicas: ro.spec?.replicas },
    });
  }
  await client.patch(Resources.rollouts, name, namespace, { status: { replicas: ro.spec?.replicas, phase: 'Progressing' } }, PatchType.Merge, { subresource: 'status' });
}

describe('action log', () => {
  it('records that this sync created a ReplicaSet, then patched the rollout status', async () => {
    const client = new FakeKubeClient({ objects: [rollout] });
    await syncRollout(client, 'default/demo');
    expect(client.actions().map((action) => describeAction(action))).toEqual(['get rollouts', 'list replicasets', 'create replicasets', 'patch rollouts/status']);
    expect(client.writeActions()).toMatchObject([
      { verb: 'create', resource: 'replicasets', namespace: 'default', object: { spec: { replicas: 2 } } },
      { verb: 'patch', resource: 'rollouts', subresource: 'status', name: 'demo', patchType: PatchType.Merge, patch: { status: { phase: 'Progressing' } } },
    ]);
    expect(client.actions()[1]).toMatchObject({ verb: 'list', labelSelector: 'app=demo' });
    expect(client.tracker.get<Obj>(Resources.rollouts, 'default', 'demo')?.status).toEqual({ replicas: 2, phase: 'Progressing' });
  });

  it('records that a second sync only patched the status, after clearActions', async () => {
    const client = new FakeKubeClient({ objects: [rollout] });
    await syncRollout(client, 'default/demo');
    client.clearActions();
    await syncRollout(client, 'default/demo');
    expect(client.writeActions().map((action) => describeAction(action, { withName: true }))).toEqual(['patch rollouts/status default/demo']);
  });
});

describe('reactors', () => {
  it.each([
    { name: 'an exact verb and resource', verb: 'patch' as const, resource: 'rollouts' },
    { name: 'a wildcard verb', verb: '*' as const, resource: 'rollouts' },
    { name: 'a wildcard resource', verb: 'patch' as const, resource: '*' },
  ])('injects an error for $name, after logging the action', async ({ verb, resource }) => {
    const client = new FakeKubeClient({ objects: [rollout] });
    client.prependReactor(verb, resource, (action) =>
      action.verb === 'patch' ? { handled: true, error: conflictError(Resources.rollouts, action.name ?? '') } : { handled: false },
    );
    const error = await client.patch(Resources.rollouts, 'demo', 'default', { spec: {} }, PatchType.Merge).catch((err: unknown) => err);
    expect(isConflict(error)).toBe(true);
    expect((error as ApiError).message).toContain('Operation cannot be fulfilled on rollouts.argoproj.io "demo"');
    expect(client.actions().map((action) => describeAction(action))).toEqual(['patch rollouts']);
    expect(client.tracker.get(Resources.rollouts, 'default', 'demo')?.metadata?.resourceVersion).toBe('1');
  });

  it('falls through reactors that do not handle the action, and prefers the latest prepended', async () => {
    const client = new FakeKubeClient({ objects: [rollout] });
    const seen: string[] = [];
    client.prependReactor('get', 'rollouts', () => (seen.push('first'), { handled: true, result: { metadata: { name: 'from-first' } } }));
    client.prependReactor('get', 'rollouts', () => (seen.push('second'), { handled: false }));
    client.prependReactor('get', 'replicasets', () => (seen.push('other resource'), { handled: true }));
    const answer = await client.get(Resources.rollouts, 'demo', 'default');
    expect(answer.metadata?.name).toBe('from-first');
    expect(seen).toEqual(['second', 'first']);
  });

  it('returns a copy of a reactor result', async () => {
    const canned = { metadata: { name: 'canned' } };
    const client = new FakeKubeClient();
    client.prependReactor('get', '*', () => ({ handled: true, result: canned }));
    const answer = await client.get(Resources.configMaps, 'x', 'default');
    (answer.metadata as { name: string }).name = 'changed';
    expect(canned.metadata.name).toBe('canned');
  });
});

describe('watch reactors', () => {
  it('can refuse a watch with an error, or answer it with a handle of its own', async () => {
    const client = new FakeKubeClient();
    client.prependReactor('watch', 'pods', () => ({ handled: true, error: new ApiError({ code: 403, reason: 'Forbidden', message: 'no' }) }));
    await expect(client.watch(Resources.pods, { namespace: 'default' }, recorder().handlers)).rejects.toMatchObject({ code: 403 });
    let stopped = false;
    client.prependReactor('watch', 'pods', () => ({ handled: true, result: { stop: () => (stopped = true) } }));
    (await client.watch(Resources.pods, { namespace: 'default' }, recorder().handlers)).stop();
    expect(stopped).toBe(true);
  });
});
