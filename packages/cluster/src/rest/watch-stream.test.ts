// Watch over HTTPS: replay from a resourceVersion, initial events, selector transitions, 410 for compacted
// history, bookmarks and timeouts on a fake clock, Table events, and ending slow readers.
import { FakeClock } from '@aviary/kube';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../storage/memory-store.js';
import { startTestCluster, type TestCluster } from '../server/testing/test-cluster.js';

let cluster: TestCluster;
const clock = new FakeClock();
beforeAll(async () => {
  cluster = await startTestCluster({ clock, store: new MemoryStore({ historyCapacity: 50 }) });
});
afterAll(async () => {
  await cluster.close();
});

const cms = '/api/v1/namespaces/default/configmaps';
const summary = (events: { type: string; object: any }[]) => events.map((e) => `${e.type} ${e.object?.metadata?.name ?? ''}`);

describe('watch', () => {
  it('streams changes after a resourceVersion, starting with headers before any event', async () => {
    const list = (await cluster.request('GET', cms)).body;
    const watch = cluster.watch(`${cms}?watch=true&resourceVersion=${list.metadata.resourceVersion}`);
    expect(await watch.status).toBe(200);
    await cluster.request('POST', cms, { body: { metadata: { name: 'w1' } } });
    await cluster.request('PATCH', `${cms}/w1`, { contentType: 'application/merge-patch+json', body: { data: { a: 'b' } } });
    await cluster.request('DELETE', `${cms}/w1`);
    await watch.waitFor((events) => events.length >= 3);
    expect(summary(watch.events)).toEqual(['ADDED w1', 'MODIFIED w1', 'DELETED w1']);
    expect(watch.events[0]?.object).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap' });
    watch.close();
  });

  it('replays history when the resourceVersion is in the past', async () => {
    const start = (await cluster.request('GET', cms)).body.metadata.resourceVersion;
    await cluster.request('POST', cms, { body: { metadata: { name: 'past' } } });
    const watch = cluster.watch(`${cms}?watch=1&resourceVersion=${start}`);
    await watch.waitFor((events) => events.length >= 1);
    expect(summary(watch.events)).toEqual(['ADDED past']);
    watch.close();
  });

  it('sends the current objects as ADDED when no resourceVersion is given', async () => {
    await cluster.request('POST', '/api/v1/namespaces', { body: { metadata: { name: 'initial' } } });
    await cluster.request('POST', '/api/v1/namespaces/initial/configmaps', { body: { metadata: { name: 'i1' } } });
    const watch = cluster.watch('/api/v1/namespaces/initial/configmaps?watch=true');
    await watch.waitFor((events) => events.length >= 1);
    await cluster.request('POST', '/api/v1/namespaces/initial/configmaps', { body: { metadata: { name: 'i2' } } });
    await watch.waitFor((events) => events.length >= 2);
    expect(summary(watch.events)).toEqual(['ADDED i1', 'ADDED i2']);
    watch.close();
  });

  it('turns selector transitions into ADDED and DELETED', async () => {
    const rv = (await cluster.request('GET', cms)).body.metadata.resourceVersion;
    const watch = cluster.watch(`${cms}?watch=true&resourceVersion=${rv}&labelSelector=team%3Dblue`);
    await cluster.request('POST', cms, { body: { metadata: { name: 'sel', labels: { team: 'red' } } } });
    await cluster.request('PATCH', `${cms}/sel`, { contentType: 'application/merge-patch+json', body: { metadata: { labels: { team: 'blue' } } } });
    await cluster.request('PATCH', `${cms}/sel`, { contentType: 'application/merge-patch+json', body: { data: { x: '1' } } });
    await cluster.request('PATCH', `${cms}/sel`, { contentType: 'application/merge-patch+json', body: { metadata: { labels: { team: 'green' } } } });
    await watch.waitFor((events) => events.length >= 3);
    expect(summary(watch.events)).toEqual(['ADDED sel', 'MODIFIED sel', 'DELETED sel']);
    watch.close();
  });

  it('watches one object by name on the item URL', async () => {
    const rv = (await cluster.request('GET', cms)).body.metadata.resourceVersion;
    const watch = cluster.watch(`${cms}?watch=true&resourceVersion=${rv}&fieldSelector=metadata.name%3Done`);
    await cluster.request('POST', cms, { body: { metadata: { name: 'other' } } });
    await cluster.request('POST', cms, { body: { metadata: { name: 'one' } } });
    await watch.waitFor((events) => events.length >= 1);
    expect(summary(watch.events)).toEqual(['ADDED one']);
    watch.close();
  });

  it('sends an ERROR event with 410 when the resourceVersion is older than the history', async () => {
    for (let i = 0; i < 60; i++) await cluster.request('POST', cms, { body: { metadata: { name: `fill-${i}` } } });
    const watch = cluster.watch(`${cms}?watch=true&resourceVersion=1`);
    await watch.ended;
    expect(watch.events).toHaveLength(1);
    expect(watch.events[0]).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
    expect(watch.events[0]?.object.message).toMatch(/^too old resource version: 1 \(\d+\)$/);
  });

  it('answers 400 for a malformed resourceVersion', async () => {
    const res = await cluster.request('GET', `${cms}?watch=true&resourceVersion=abc`);
    expect(res.status).toBe(400);
  });

  it('sends bookmarks when allowed, and ends at timeoutSeconds', async () => {
    const rv = (await cluster.request('GET', cms)).body.metadata.resourceVersion;
    const watch = cluster.watch(`${cms}?watch=true&resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=150`);
    await watch.status;
    clock.advance(60_000);
    await watch.waitFor((events) => events.length >= 1);
    expect(watch.events[0]).toMatchObject({ type: 'BOOKMARK', object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { resourceVersion: rv } } });
    clock.advance(90_000);
    await watch.ended;
    expect(watch.events.filter((e) => e.type === 'BOOKMARK')).toHaveLength(2);
  });

  it('streams Table events with column definitions in the first event only', async () => {
    const rv = (await cluster.request('GET', cms)).body.metadata.resourceVersion;
    const watch = cluster.watch(`${cms}?watch=true&resourceVersion=${rv}`, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    await cluster.request('POST', cms, { body: { metadata: { name: 't1' } } });
    await cluster.request('POST', cms, { body: { metadata: { name: 't2' } } });
    await watch.waitFor((events) => events.length >= 2);
    const [first, second] = watch.events;
    expect(first?.object.kind).toBe('Table');
    expect(first?.object.columnDefinitions.length).toBeGreaterThan(0);
    expect(second?.object.columnDefinitions).toEqual([]);
    expect(second?.object.rows[0].cells[0]).toBe('t2');
    watch.close();
  });
});

describe('slow watchers', () => {
  it('ends a watch whose unsent bytes pass the limit', async () => {
    const store = new MemoryStore();
    const small = await startTestCluster({ store, watch: { maxBufferedBytes: 1024 * 1024 } });
    try {
      const https = await import('node:https');
      const rv = (await small.request('GET', cms)).body.metadata.resourceVersion;
      const ended = new Promise<number>((resolve, reject) => {
        const req = https.request(
          `${small.server.url}${cms}?watch=true&resourceVersion=${rv}`,
          { headers: { authorization: `Bearer ${small.server.token}` }, agent: new https.Agent({ ca: small.server.caCertPem }) },
          (res) => {
            res.pause();
            let bytes = 0;
            setTimeout(() => {
              res.on('data', (chunk: Buffer) => (bytes += chunk.length));
              res.on('end', () => resolve(bytes));
              res.resume();
            }, 500);
          },
        );
        req.on('error', reject);
        req.end();
      });
      await new Promise((r) => setTimeout(r, 100));
      const value = 'x'.repeat(256 * 1024);
      // 16 MiB of events against a 1 MiB limit: the watch must end rather than buffer them all.
      for (let i = 0; i < 64; i++) small.server.objects.create(small.server.registry.lookup('', 'v1', 'configmaps')!, 'default', { metadata: { name: `big-${i}` }, data: { v: value } });
      const received = await ended;
      expect(received).toBeGreaterThan(0);
      expect(received).toBeLessThan(10 * 1024 * 1024);
    } finally {
      await small.close();
    }
  });
});
