// InformerFactory: one shared informer per (resource, namespace), started, synced and stopped together.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../clock/fake-clock.js';
import { HttpKubeClient } from '../client/http-kube-client.js';
import { Resources } from '../client/resource-type.js';
import { startListWatchServer, type ListWatchServer } from '../testing/list-watch-server.js';
import { Backoff } from './backoff.js';
import { InformerFactory } from './informer-factory.js';

describe('InformerFactory', () => {
  let server: ListWatchServer;
  let client: HttpKubeClient;
  let factory: InformerFactory;

  beforeEach(async () => {
    server = await startListWatchServer();
    client = new HttpKubeClient({ kubeConfig: server.kubeConfig() });
    factory = new InformerFactory({ client, clock: new FakeClock() });
  });

  afterEach(async () => {
    await factory.stop();
    await client.close();
    await server.close();
  });

  it('shares one informer per resource and namespace', () => {
    const pods = factory.forResource(Resources.pods);
    expect(factory.forResource(Resources.pods)).toBe(pods);
    expect(factory.forResource(Resources.pods, { namespace: 'team' })).not.toBe(pods);
    expect(factory.forResource(Resources.pods, { namespace: 'team' })).toBe(factory.forResource(Resources.pods, { namespace: 'team' }));
    // Cluster-scoped resources ignore the namespace.
    expect(factory.forResource(Resources.nodes, { namespace: 'team' })).toBe(factory.forResource(Resources.nodes));
  });

  it('starts, syncs and stops every informer', async () => {
    await client.create(Resources.configMaps, { metadata: { name: 'cm', namespace: 'default' } });
    await client.create(Resources.services, { metadata: { name: 'svc', namespace: 'default' } });
    const configMaps = factory.forResource(Resources.configMaps);
    const services = factory.forResource(Resources.services, { namespace: 'default' });
    factory.start();
    await factory.waitForSync();
    expect(configMaps.hasSynced() && services.hasSynced()).toBe(true);
    expect(configMaps.listKeys()).toEqual(['default/cm']);
    expect(services.listKeys()).toEqual(['default/svc']);
    expect(server.requests.filter((r) => r.method === 'GET' && !r.query.watch).map((r) => r.path).sort()).toEqual([
      '/api/v1/configmaps',
      '/api/v1/namespaces/default/services',
    ]);
    await vi.waitFor(() => expect(server.openWatches()).toBe(2));
    await factory.stop();
    await vi.waitFor(() => expect(server.openWatches()).toBe(0));
  });
});

describe('Backoff', () => {
  it('doubles from 200 ms up to 30 s and starts over after reset', () => {
    const backoff = new Backoff();
    const delays = Array.from({ length: 10 }, () => backoff.next());
    expect(delays).toEqual([200, 400, 800, 1600, 3200, 6400, 12800, 25600, 30000, 30000]);
    backoff.reset();
    expect(backoff.next()).toBe(200);
  });
});
