// HttpKubeClient against the in-test list/watch server: CRUD, patches, query parameters, errors and watch streams.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, isAlreadyExists, isConflict, isGone, isNotFound, isUnauthorized } from '../errors/api-error.js';
import { startListWatchServer, type ListWatchServer } from '../testing/list-watch-server.js';
import type { KubeObject, WatchEvent } from '../types/meta.js';
import { HttpKubeClient } from './http-kube-client.js';
import { PatchType } from './kube-client.js';
import { Resources } from './resource-type.js';

interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
}

const configMap = (name: string, data: Record<string, string> = {}, labels?: Record<string, string>): ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) },
  data,
});

/** Collects a watch's events and its single close. */
function recordWatch<T extends KubeObject>() {
  const events: WatchEvent<T>[] = [];
  const closes: unknown[] = [];
  return {
    events,
    closes,
    handlers: { onEvent: (event: WatchEvent<T>) => events.push(event), onClose: (err?: unknown) => closes.push(err ?? 'clean') },
  };
}

describe('HttpKubeClient', () => {
  let server: ListWatchServer;
  let client: HttpKubeClient;

  beforeEach(async () => {
    server = await startListWatchServer();
    client = new HttpKubeClient({ kubeConfig: server.kubeConfig() });
  });

  afterEach(async () => {
    await client.close();
    await server.close();
  });

  it('creates, gets, lists, updates and deletes an object', async () => {
    const created = await client.create(Resources.configMaps, configMap('one', { a: '1' }));
    expect(created.metadata?.uid).toBeTruthy();
    expect(await client.get<ConfigMap>(Resources.configMaps, 'one', 'default')).toMatchObject({ data: { a: '1' } });

    const updated = await client.update(Resources.configMaps, { ...created, data: { a: '2' } });
    expect(Number(updated.metadata?.resourceVersion)).toBeGreaterThan(Number(created.metadata?.resourceVersion));

    const list = await client.list<ConfigMap>(Resources.configMaps, { namespace: 'default' });
    expect(list.items.map((item) => item.data)).toEqual([{ a: '2' }]);
    expect(list.metadata.resourceVersion).toBe(updated.metadata?.resourceVersion);

    await client.delete(Resources.configMaps, 'one', 'default');
    await expect(client.get(Resources.configMaps, 'one', 'default')).rejects.toSatisfy(isNotFound);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v1/namespaces/default/configmaps',
      'GET /api/v1/namespaces/default/configmaps/one',
      'PUT /api/v1/namespaces/default/configmaps/one',
      'GET /api/v1/namespaces/default/configmaps',
      'DELETE /api/v1/namespaces/default/configmaps/one',
      'GET /api/v1/namespaces/default/configmaps/one',
    ]);
  });

  it('turns a 404 into an ApiError carrying the server Status', async () => {
    const err: unknown = await client.get(Resources.configMaps, 'missing', 'default').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const apiError = err as ApiError;
    expect(apiError.code).toBe(404);
    expect(apiError.reason).toBe('NotFound');
    expect(apiError.status.details?.name).toBe('missing');
  });

  it('turns 409s into AlreadyExists and Conflict ApiErrors', async () => {
    const created = await client.create(Resources.configMaps, configMap('dup'));
    await expect(client.create(Resources.configMaps, configMap('dup'))).rejects.toSatisfy(isAlreadyExists);
    await client.update(Resources.configMaps, { ...created, data: { b: '1' } });
    const stale = client.update(Resources.configMaps, { ...created, data: { b: '2' } });
    await expect(stale).rejects.toSatisfy((err: unknown) => isConflict(err) && (err as ApiError).code === 409);
  });

  it('sends the patch type as Content-Type and the write options as query parameters', async () => {
    await client.create(Resources.configMaps, configMap('p', { keep: 'x', drop: 'y' }));
    const patched = await client.patch<ConfigMap>(Resources.configMaps, 'p', 'default', { data: { drop: null, add: 'z' } }, PatchType.Merge, {
      dryRun: true,
      fieldValidation: 'Strict',
    });
    expect(patched.data).toEqual({ keep: 'x', add: 'z' });
    // The test server only does merge patches; the request still shows what the client sent.
    const apply = client.patch(Resources.configMaps, 'p', 'default', { data: { k: 'v' } }, PatchType.Apply, { force: true });
    await expect(apply).rejects.toMatchObject({ code: 415 });
    const jsonPatch = client.patch(Resources.configMaps, 'p', 'default', [{ op: 'remove', path: '/data/keep' }], PatchType.Json);
    await expect(jsonPatch).rejects.toMatchObject({ code: 415 });

    const patches = server.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => [r.contentType, r.query])).toEqual([
      ['application/merge-patch+json', { dryRun: 'All', fieldValidation: 'Strict' }],
      ['application/apply-patch+yaml', { fieldManager: 'aviary', force: 'true' }],
      ['application/json-patch+json', {}],
    ]);
  });

  it('passes list selectors and reports 401 for a bad token', async () => {
    await client.create(Resources.configMaps, configMap('red', {}, { color: 'red' }));
    await client.create(Resources.configMaps, configMap('blue', {}, { color: 'blue' }));
    const reds = await client.list(Resources.configMaps, { labelSelector: 'color=red' });
    expect(reds.items.map((item) => item.metadata?.name)).toEqual(['red']);
    expect(server.requests.at(-1)?.query).toEqual({ labelSelector: 'color=red' });

    const good = server.kubeConfig();
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: good.getClusters(),
      contexts: good.getContexts(),
      users: [{ name: 'list-watch-server', token: 'wrong' }],
      currentContext: good.getCurrentContext(),
    });
    const badClient = new HttpKubeClient({ kubeConfig });
    await expect(badClient.list(Resources.configMaps)).rejects.toSatisfy(isUnauthorized);
    await badClient.close();
  });

  it('rejects with the network error itself when the server is unreachable', async () => {
    const kubeConfig = server.kubeConfig();
    await server.close();
    const err: unknown = await new HttpKubeClient({ kubeConfig }).list(Resources.configMaps).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(ApiError);
    expect((err as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
    server = await startListWatchServer();
  });

  it('watches from a resourceVersion and closes cleanly on stop()', async () => {
    const first = await client.create(Resources.configMaps, configMap('w1'));
    const recorder = recordWatch<ConfigMap>();
    const handle = await client.watch(Resources.configMaps, { namespace: 'default', resourceVersion: first.metadata?.resourceVersion, allowWatchBookmarks: true }, recorder.handlers);
    await client.create(Resources.configMaps, configMap('w2'));
    await client.patch(Resources.configMaps, 'w2', 'default', { data: { x: '1' } }, PatchType.Merge);
    await client.delete(Resources.configMaps, 'w1', 'default');
    server.sendBookmarks();
    await vi.waitFor(() => expect(recorder.events).toHaveLength(4));
    expect(recorder.events.map((e) => `${e.type} ${e.object.metadata?.name ?? e.object.metadata?.resourceVersion}`)).toEqual([
      'ADDED w2',
      'MODIFIED w2',
      'DELETED w1',
      `BOOKMARK ${server.resourceVersion()}`,
    ]);
    expect(server.requests.find((r) => r.query.watch)?.query).toEqual({ watch: 'true', resourceVersion: first.metadata?.resourceVersion, allowWatchBookmarks: 'true' });
    handle.stop();
    handle.stop();
    expect(recorder.closes).toEqual(['clean']);
  });

  it('rejects a watch from a compacted resourceVersion with 410 Gone', async () => {
    await client.create(Resources.configMaps, configMap('a'));
    await client.create(Resources.configMaps, configMap('b'));
    server.compactHistory();
    const recorder = recordWatch();
    await expect(client.watch(Resources.configMaps, { resourceVersion: '1' }, recorder.handlers)).rejects.toSatisfy(isGone);
    expect(recorder.closes).toEqual([]);
  });

  it('reports a dropped watch connection as an error close, once', async () => {
    const recorder = recordWatch();
    await client.watch(Resources.configMaps, { resourceVersion: '0' }, recorder.handlers);
    await vi.waitFor(() => expect(server.openWatches()).toBe(1));
    expect(server.dropWatches()).toBe(1);
    await vi.waitFor(() => expect(recorder.closes).toHaveLength(1));
    expect(recorder.closes[0]).toBeInstanceOf(Error);
  });

  it('reports a server that ends the stream as a clean close', async () => {
    const recorder = recordWatch();
    await client.watch(Resources.configMaps, { resourceVersion: '0', timeoutSeconds: 0.05 }, recorder.handlers);
    await vi.waitFor(() => expect(recorder.closes).toEqual(['clean']));
  });
});

describe('HttpKubeClient watch parsing', () => {
  it('reassembles an event split across chunks, even inside a multi-byte character', async () => {
    const line = Buffer.from(`${JSON.stringify({ type: 'ADDED', object: { metadata: { name: 'héllo-☃' } } })}\n`, 'utf8');
    const snowman = line.indexOf(Buffer.from('☃', 'utf8'));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const raw = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(line.subarray(0, snowman + 1));
      void released.then(() => {
        res.write(Buffer.concat([line.subarray(snowman + 1), Buffer.from('{"type":"DELETED","object":{"metadata":{"name":"b"}}}')]));
        res.end('\n');
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'raw', server: `http://127.0.0.1:${(raw.address() as AddressInfo).port}`, skipTLSVerify: true }],
      users: [{ name: 'raw' }],
      contexts: [{ name: 'raw', cluster: 'raw', user: 'raw' }],
      currentContext: 'raw',
    });
    const client = new HttpKubeClient({ kubeConfig });
    const recorder = recordWatch();
    await client.watch(Resources.configMaps, {}, recorder.handlers);
    // Give the first half time to arrive on its own before sending the rest.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(recorder.events).toEqual([]);
    release();
    await vi.waitFor(() => expect(recorder.closes).toEqual(['clean']));
    expect(recorder.events.map((e) => `${e.type} ${e.object.metadata?.name}`)).toEqual(['ADDED héllo-☃', 'DELETED b']);
    await client.close();
    await new Promise((resolve) => raw.close(resolve));
  });
});
