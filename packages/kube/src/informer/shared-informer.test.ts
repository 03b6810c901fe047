// SharedInformer against the list/watch test server: sync, events, 410 and dropped-watch recovery, resync, indexes, freezing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../clock/fake-clock.js';
import { HttpKubeClient } from '../client/http-kube-client.js';
import { PatchType } from '../client/kube-client.js';
import { Resources } from '../client/resource-type.js';
import { startListWatchServer, type ListWatchServer } from '../testing/list-watch-server.js';
import type { DeepReadonly, KubeObject, OwnerReference } from '../types/meta.js';
import { InformerStoppedError, SharedInformer, type EventHandler } from './shared-informer.js';
import { stripManagedFields } from './transforms.js';

interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
}

const configMap = (
  name: string,
  options: { namespace?: string; labels?: Record<string, string>; owner?: OwnerReference; data?: Record<string, string> } = {},
): ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name,
    namespace: options.namespace ?? 'default',
    ...(options.labels ? { labels: options.labels } : {}),
    ...(options.owner ? { ownerReferences: [options.owner] } : {}),
  },
  data: options.data ?? {},
});

/** A handler that rebuilds the cache from events alone and counts what it saw. */
function recordingHandler() {
  const state = new Map<string, string>();
  const log: string[] = [];
  const adds = new Map<string, number>();
  const keyOf = (obj: DeepReadonly<ConfigMap>): string => `${obj.metadata?.namespace}/${obj.metadata?.name}`;
  const handler: EventHandler<ConfigMap> = {
    onAdd: (obj) => {
      state.set(keyOf(obj), obj.metadata?.resourceVersion ?? '');
      adds.set(keyOf(obj), (adds.get(keyOf(obj)) ?? 0) + 1);
      log.push(`add ${obj.metadata?.name}`);
    },
    onUpdate: (old, obj) => {
      state.set(keyOf(obj), obj.metadata?.resourceVersion ?? '');
      log.push(old === obj ? `resync ${obj.metadata?.name}` : `update ${obj.metadata?.name}`);
    },
    onDelete: (obj) => {
      state.delete(keyOf(obj));
      log.push(`delete ${obj.metadata?.name}`);
    },
  };
  return { handler, state, log, adds };
}

describe('SharedInformer', () => {
  let server: ListWatchServer;
  let client: HttpKubeClient;
  let clock: FakeClock;
  let informer: SharedInformer<ConfigMap>;
  const errors: unknown[] = [];

  const newInformer = (options: { namespace?: string; resyncPeriodMs?: number } = {}): SharedInformer<ConfigMap> =>
    new SharedInformer<ConfigMap>({ client, type: Resources.configMaps, clock, onError: (err) => errors.push(err), ...options });

  /** The server's state as `ns/name → resourceVersion`. */
  const serverState = async (): Promise<Map<string, string>> => {
    const list = await client.list<ConfigMap>(Resources.configMaps);
    return new Map(list.items.map((item) => [`${item.metadata?.namespace}/${item.metadata?.name}`, item.metadata?.resourceVersion ?? '']));
  };
  /** The informer's own list requests (it pages with limit=500; the test's checks do not). */
  const listRequests = (): number => server.requests.filter((r) => r.query.limit === '500').length;

  beforeEach(async () => {
    errors.length = 0;
    server = await startListWatchServer();
    client = new HttpKubeClient({ kubeConfig: server.kubeConfig() });
    clock = new FakeClock();
  });

  afterEach(async () => {
    await informer?.stop();
    await client.close();
    await server.close();
  });

  it('caches each listed and watched object through the transform, e.g. without managedFields', async () => {
    const withFields = (name: string): ConfigMap => ({
      ...configMap(name),
      metadata: { ...configMap(name).metadata, managedFields: [{ manager: 'kubectl', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: {} }] },
    });
    await client.create(Resources.configMaps, withFields('a'));
    informer = new SharedInformer<ConfigMap>({ client, type: Resources.configMaps, clock, onError: (err) => errors.push(err), transform: stripManagedFields });
    informer.start();
    await informer.waitForSync();
    expect(informer.get('default', 'a')?.metadata?.managedFields).toBeUndefined();
    expect(informer.get('default', 'a')?.metadata?.name).toBe('a');
    await vi.waitFor(() => expect(server.openWatches()).toBe(1));
    await client.create(Resources.configMaps, withFields('b'));
    await vi.waitFor(() => expect(informer.get('default', 'b')).toBeDefined());
    expect(informer.get('default', 'b')?.metadata?.managedFields).toBeUndefined();
  });

  it('lists, then delivers adds, updates and deletes from the watch', async () => {
    await client.create(Resources.configMaps, configMap('a'));
    await client.create(Resources.configMaps, configMap('b'));
    informer = newInformer();
    const recorder = recordingHandler();
    informer.addEventHandler(recorder.handler);
    expect(informer.hasSynced()).toBe(false);
    informer.start();
    await informer.waitForSync();
    expect(informer.hasSynced()).toBe(true);
    expect(recorder.log).toEqual(['add a', 'add b']);
    expect(informer.lastSyncResourceVersion).toBe('2');

    await vi.waitFor(() => expect(server.openWatches()).toBe(1));
    await client.create(Resources.configMaps, configMap('c'));
    await client.patch(Resources.configMaps, 'a', 'default', { data: { x: '1' } }, PatchType.Merge);
    await client.delete(Resources.configMaps, 'b', 'default');
    await vi.waitFor(() => expect(recorder.log).toHaveLength(5));
    expect(recorder.log.slice(2)).toEqual(['add c', 'update a', 'delete b']);
    expect(informer.get('default', 'a')?.data).toEqual({ x: '1' });
    expect(informer.getByKey('default/b')).toBeUndefined();
    expect(informer.listKeys().sort()).toEqual(['default/a', 'default/c']);
    expect(informer.lastSyncResourceVersion).toBe(String(server.resourceVersion()));
    expect(server.requests.find((r) => r.query.watch)?.query).toMatchObject({ resourceVersion: '2', allowWatchBookmarks: 'true' });
    // List items arrive without kind; the informer fills it in.
    expect(informer.get('default', 'c')).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1' });
  });

  it.each([
    ['an HTTP 410 on the watch request', 'status'],
    ['an ERROR event with code 410', 'event'],
  ] as const)('recovers from %s by re-listing, with no lost or duplicated final state', async (_name, goneAs) => {
    for (const name of ['a', 'b', 'c']) await client.create(Resources.configMaps, configMap(name));
    informer = newInformer();
    const recorder = recordingHandler();
    informer.addEventHandler(recorder.handler);
    informer.start();
    await informer.waitForSync();
    await vi.waitFor(() => expect(server.openWatches()).toBe(1));

    // Cut the watch; while the informer backs off, change things and forget the history it would need.
    server.dropWatches();
    await vi.waitFor(() => expect(clock.pendingTimers()).toBe(1));
    await client.patch(Resources.configMaps, 'a', 'default', { data: { v: '2' } }, PatchType.Merge);
    await client.delete(Resources.configMaps, 'b', 'default');
    await client.create(Resources.configMaps, configMap('d'));
    server.compactHistory({ as: goneAs });
    clock.advance(200);

    await vi.waitFor(() => expect(listRequests()).toBe(2));
    await vi.waitFor(() => expect(server.openWatches()).toBe(1));
    await client.create(Resources.configMaps, configMap('e'));
    await vi.waitFor(() => expect(recorder.state.has('default/e')).toBe(true));

    const expected = await serverState();
    expect(recorder.state).toEqual(expected);
    expect(new Map(informer.list().map((o) => [`${o.metadata?.namespace}/${o.metadata?.name}`, o.metadata?.resourceVersion]))).toEqual(expected);
    expect([...recorder.adds.values()].every((count) => count === 1)).toBe(true);
    // c did not change, so the re-list raised no event for it.
    expect(recorder.log.slice(3)).toEqual(['update a', 'add d', 'delete b', 'add e']);
  });

  it('recovers from a dropped watch by re-watching from the last resourceVersion, without re-listing', async () => {
    await client.create(Resources.configMaps, configMap('a'));
    informer = newInformer();
    const recorder = recordingHandler();
    informer.addEventHandler(recorder.handler);
    informer.start();
    await informer.waitForSync();
    await vi.waitFor(() => expect(server.openWatches()).toBe(1));

    server.dropWatches();
    await vi.waitFor(() => expect(clock.pendingTimers()).toBe(1));
    await client.create(Resources.configMaps, configMap('b'));
    await client.delete(Resources.configMaps, 'a', 'default');
    clock.advance(200);

    await vi.waitFor(() => expect(recorder.log).toEqual(['add a', 'add b', 'delete a']));
    expect(listRequests()).toBe(1);
    expect(server.requests.filter((r) => r.query.watch).map((r) => r.query.resourceVersion)).toEqual(['1', '1']);
    expect(errors).toHaveLength(1);
    expect(recorder.state).toEqual(await serverState());
  });

  it('backs off exponentially while the server is down, then syncs', async () => {
    await server.close();
    informer = newInformer();
    informer.start();
    await vi.waitFor(() => expect(clock.pendingTimers()).toBe(1));
    const first = clock.nextTimerAt()! - clock.now();
    clock.advance(first);
    await vi.waitFor(() => expect(errors).toHaveLength(2));
    expect([first, clock.nextTimerAt()! - clock.now()]).toEqual([200, 400]);
    const stopped = informer.waitForSync();
    await informer.stop();
    await expect(stopped).rejects.toBeInstanceOf(InformerStoppedError);
    server = await startListWatchServer();
  });

  it('tracks bookmark resourceVersions', async () => {
    informer = newInformer({ namespace: 'default' });
    informer.start();
    await informer.waitForSync();
    await vi.waitFor(() => expect(server.openWatches()).toBe(1));
    await client.create(Resources.configMaps, configMap('elsewhere', { namespace: 'other' }));
    server.sendBookmarks();
    await vi.waitFor(() => expect(informer.lastSyncResourceVersion).toBe('1'));
    expect(informer.list()).toEqual([]);
  });

  it('resyncs every object to every handler on the resync period', async () => {
    await client.create(Resources.configMaps, configMap('a'));
    await client.create(Resources.configMaps, configMap('b'));
    informer = newInformer({ resyncPeriodMs: 30_000 });
    const recorder = recordingHandler();
    informer.addEventHandler(recorder.handler);
    informer.start();
    await informer.waitForSync();
    clock.advance(29_999);
    expect(recorder.log).toEqual(['add a', 'add b']);
    clock.advance(1);
    expect(recorder.log).toEqual(['add a', 'add b', 'resync a', 'resync b']);
    clock.advance(30_000);
    expect(recorder.log).toHaveLength(6);
  });

  it('replays existing objects to a late handler and stops calling an unsubscribed one', async () => {
    await client.create(Resources.configMaps, configMap('a'));
    informer = newInformer();
    informer.start();
    await informer.waitForSync();
    const late = recordingHandler();
    const unsubscribe = informer.addEventHandler(late.handler);
    expect(late.log).toEqual(['add a']);
    unsubscribe();
    await client.create(Resources.configMaps, configMap('b'));
    await vi.waitFor(() => expect(informer.get('default', 'b')).toBeDefined());
    expect(late.log).toEqual(['add a']);
  });

  it('keeps the built-in and custom indexes up to date', async () => {
    const owner: OwnerReference = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'uid-1', controller: true };
    await client.create(Resources.configMaps, configMap('a', { labels: { app: 'demo', tier: 'web' }, owner }));
    await client.create(Resources.configMaps, configMap('b', { labels: { app: 'demo' } }));
    await client.create(Resources.configMaps, configMap('c', { namespace: 'other', labels: { app: 'other' } }));
    informer = newInformer();
    informer.start();
    await informer.waitForSync();
    informer.addIndexer('by-tier', (obj) => (obj.metadata?.labels?.tier ? [obj.metadata.labels.tier] : []));

    const names = (objs: readonly DeepReadonly<ConfigMap>[]): string[] => objs.map((o) => o.metadata?.name ?? '').sort();
    expect(names(informer.list('default'))).toEqual(['a', 'b']);
    expect(names(informer.byIndex('namespace', 'other'))).toEqual(['c']);
    expect(names(informer.byIndex('label', 'app=demo'))).toEqual(['a', 'b']);
    expect(names(informer.byIndex('controller', 'uid-1'))).toEqual(['a']);
    expect(names(informer.byIndex('by-tier', 'web'))).toEqual(['a']);

    await client.patch(Resources.configMaps, 'a', 'default', { metadata: { labels: { app: 'moved', tier: null } } }, PatchType.Merge);
    await vi.waitFor(() => expect(names(informer.byIndex('label', 'app=moved'))).toEqual(['a']));
    expect(names(informer.byIndex('label', 'app=demo'))).toEqual(['b']);
    expect(names(informer.byIndex('by-tier', 'web'))).toEqual([]);
    expect(() => informer.byIndex('nope', 'x')).toThrow(/no index named "nope"/);
  });

  it('hands out deep-frozen objects', async () => {
    await client.create(Resources.configMaps, configMap('a', { labels: { app: 'demo' }, data: { k: 'v' } }));
    informer = newInformer();
    informer.start();
    await informer.waitForSync();
    const cached = informer.get('default', 'a')!;
    expect(Object.isFrozen(cached)).toBe(true);
    expect(() => {
      // @ts-expect-error cached objects are DeepReadonly
      cached.metadata!.labels!.app = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error cached objects are DeepReadonly
      cached.data!.k = 'changed';
    }).toThrow(TypeError);
    const copy = structuredClone(cached) as ConfigMap;
    copy.data!.k = 'fine';
    expect(informer.get('default', 'a')?.data?.k).toBe('v');
  });

  it('keeps the cached version\'s unchanged parts when an update arrives, and only those', async () => {
    await client.create(Resources.configMaps, configMap('a', { labels: { app: 'demo' }, data: { k: 'v', other: 'w' } }));
    informer = newInformer();
    informer.start();
    await informer.waitForSync();
    await vi.waitFor(() => expect(server.openWatches()).toBe(1));
    const before = informer.get('default', 'a')!;
    await client.patch(Resources.configMaps, 'a', 'default', { data: { k: 'changed' } }, PatchType.Merge);
    await vi.waitFor(() => expect(informer.get('default', 'a')?.data?.k).toBe('changed'));
    const after = informer.get('default', 'a')!;
    expect(after).not.toBe(before);
    expect(after.metadata).not.toBe(before.metadata); // its resourceVersion moved
    expect(after.metadata?.labels).toBe(before.metadata?.labels);
    expect(after.data).not.toBe(before.data);
    expect(after.data).toEqual({ k: 'changed', other: 'w' });
    expect(before.data).toEqual({ k: 'v', other: 'w' });
    expect(Object.isFrozen(after.data)).toBe(true);
  });

  it('keeps going when a handler throws', async () => {
    informer = newInformer();
    const good = recordingHandler();
    informer.addEventHandler({ onAdd: () => { throw new Error('boom'); } });
    informer.addEventHandler(good.handler);
    informer.start();
    await informer.waitForSync();
    await vi.waitFor(() => expect(server.openWatches()).toBe(1));
    await client.create(Resources.configMaps, configMap('a'));
    await vi.waitFor(() => expect(good.log).toEqual(['add a']));
    expect(errors.map((err) => (err as Error).message)).toEqual(['boom']);
  });
});
