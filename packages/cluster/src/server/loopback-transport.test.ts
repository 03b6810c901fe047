// The in-process client (ApiServer.loopbackClient): the same answers as over HTTPS — objects, Status errors, field
// managers, watches that replay, stop and end with the server — and nothing once the server is closed.
import { ApiError, createKubeClient, Resources, type KubeObject, type WatchEvent } from '@aviary/kube';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LoopbackClosedError, LoopbackTransport } from './loopback-transport.js';
import { startTestCluster, type TestCluster } from './testing/test-cluster.js';

let cluster: TestCluster;
beforeEach(async () => {
  cluster = await startTestCluster();
});
afterEach(async () => {
  await cluster.close();
});

type ConfigMap = KubeObject & { data?: Record<string, string> };
const configMap = (name: string, data: Record<string, string>): ConfigMap => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data });

/** Collects a watch's events; `closed` resolves with the error it closed with (undefined: a clean end). */
function collect(): { events: WatchEvent<KubeObject>[]; closed: Promise<unknown>; handlers: { onEvent(e: WatchEvent<KubeObject>): void; onClose(err?: unknown): void } } {
  const events: WatchEvent<KubeObject>[] = [];
  let close!: (err: unknown) => void;
  const closed = new Promise<unknown>((resolve) => (close = resolve));
  return { events, closed, handlers: { onEvent: (e) => events.push(e), onClose: (err) => close(err) } };
}

async function until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('ApiServer.loopbackClient', () => {
  it('answers as the HTTPS client does: the same object, the same managedFields, the same Status errors', async () => {
    const loopback = cluster.server.loopbackClient();
    const { client: https } = createKubeClient({ kubeconfig: cluster.server.kubeconfigPath });
    try {
      const created = await loopback.create(Resources.configMaps, configMap('one', { a: '1' }));
      expect(created.metadata?.managedFields?.[0]).toMatchObject({ manager: 'aviary', operation: 'Update' });
      const patched = await loopback.patch<ConfigMap>(Resources.configMaps, 'one', 'default', { data: { b: '2' } }, 'application/merge-patch+json');
      expect(patched.data).toEqual({ a: '1', b: '2' });
      expect(await https.get(Resources.configMaps, 'one', 'default')).toEqual(patched);
      const failure = await loopback.get(Resources.configMaps, 'absent', 'default').catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(ApiError);
      expect((failure as ApiError).status).toMatchObject({ kind: 'Status', code: 404, reason: 'NotFound' });
      const invalid = await loopback.create(Resources.configMaps, configMap('Bad_Name', {})).catch((err: unknown) => err);
      expect((invalid as ApiError).status).toMatchObject({ code: 422, reason: 'Invalid' });
    } finally {
      await https.close();
    }
  });

  it('names the user agent as the default field manager', async () => {
    const client = cluster.server.loopbackClient({ userAgent: 'kubelet/v1.32' });
    const created = await client.create(Resources.configMaps, configMap('agent', {}));
    expect(created.metadata?.managedFields?.[0]?.manager).toBe('kubelet');
  });

  it('watches: replays from a resourceVersion, delivers later writes in order, and stops cleanly', async () => {
    const client = cluster.server.loopbackClient();
    const first = await client.create(Resources.configMaps, configMap('w1', {}));
    const seen = collect();
    const handle = await client.watch(Resources.configMaps, { namespace: 'default', resourceVersion: '1' }, seen.handlers);
    await client.create(Resources.configMaps, configMap('w2', {}));
    await client.delete(Resources.configMaps, 'w1', 'default');
    await until(() => seen.events.length >= 3);
    expect(seen.events.map((e) => `${e.type} ${e.object.metadata?.name}`)).toEqual(['ADDED w1', 'ADDED w2', 'DELETED w1']);
    expect(seen.events[0]?.object.metadata?.resourceVersion).toBe(first.metadata?.resourceVersion);
    handle.stop();
    expect(await seen.closed).toBeUndefined();
    await client.create(Resources.configMaps, configMap('w3', {}));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.events).toHaveLength(3);
  });

  it('rejects a watch the server refuses with its Status', async () => {
    const client = cluster.server.loopbackClient();
    const failure = await client.watch(Resources.configMaps, { namespace: 'default', resourceVersion: 'x' }, collect().handlers).catch((err: unknown) => err);
    expect((failure as ApiError).status).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('ends open watches when the server closes, and fails every call after', async () => {
    const client = cluster.server.loopbackClient();
    const seen = collect();
    await client.watch(Resources.configMaps, { namespace: 'default' }, seen.handlers);
    await cluster.server.close();
    expect(await seen.closed).toBeInstanceOf(Error);
    await expect(client.list(Resources.configMaps, { namespace: 'default' })).rejects.toBeInstanceOf(LoopbackClosedError);
  });

  it('hands a call to the router after the socket reads already waiting, not ahead of them', async () => {
    const seen: string[] = [];
    const transport = new LoopbackTransport({
      token: 't',
      handler: (req, res) => {
        seen.push(`${req.method} ${req.url}`);
        res.end('{}');
      },
    });
    const answered = transport.request({ method: 'GET', path: '/api/v1/namespaces' });
    expect(seen).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['GET /api/v1/namespaces']);
    expect(await answered).toEqual({ statusCode: 200, body: '{}' });
  });
});
