// The service proxy over FakeKubeClient with real TCP: traffic split, readiness, endpoint changes, node ports, load balancers, shutdown.
import net from 'node:net';
import { Resources, type Endpoints, type Service } from '@aviary/kube';
import { FakeKubeClient } from '@aviary/kube/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startServiceProxy, type ServiceProxy } from './service-proxy.js';
import {
  countColors,
  fetchText,
  makeEndpoints,
  makeService,
  probeConnection,
  startColorServer,
  waitFor,
  type ColorServer,
} from './testdata/proxy-test-kit.js';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Harness {
  client: FakeKubeClient;
  proxy: ServiceProxy;
  logs: string[];
}

function startHarness(options: { bindRetryMs?: number } = {}): Harness {
  const client = new FakeKubeClient();
  const logs: string[] = [];
  const proxy = startServiceProxy({ client, log: (message) => logs.push(message), bindRetryMs: options.bindRetryMs });
  cleanups.push(() => proxy.stop());
  return { client, proxy, logs };
}

async function startServers(specs: readonly (readonly [ip: string, color: string])[]): Promise<ColorServer[]> {
  const servers = await Promise.all(specs.map(([ip, color]) => startColorServer(ip, color)));
  cleanups.push(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });
  return servers;
}

/** Waits until the listener at `address` is bound and routes to `backends` endpoints. */
function waitForListener(proxy: ServiceProxy, address: string, backends: number): Promise<void> {
  return waitFor(() => proxy.listeners().some((info) => info.address === address && info.listening && info.backends.length === backends), `${address} with ${backends} backends`);
}

const fiveColors = [
  ['127.0.20.1', 'blue'],
  ['127.0.20.2', 'blue'],
  ['127.0.20.3', 'blue'],
  ['127.0.20.4', 'blue'],
  ['127.0.20.5', 'yellow'],
] as const;

describe('service proxy traffic', () => {
  it('splits 1,000 fresh connections by pod count: 4 blue and 1 yellow give yellow 20% ± 4%', async () => {
    const { client, proxy } = startHarness();
    const servers = await startServers(fiveColors);
    await client.create(Resources.services, makeService('demo', { clusterIP: '127.96.200.1', ports: [{ name: 'http', port: 20080, targetPort: 8080 }] }));
    await client.create(Resources.endpoints, makeEndpoints('demo', servers));
    await waitForListener(proxy, '127.96.200.1:20080', 5);

    const counts = await countColors('127.96.200.1', 20080, 1000);

    const yellow = counts.yellow ?? 0;
    expect(yellow / 1000).toBeGreaterThanOrEqual(0.16);
    expect(yellow / 1000).toBeLessThanOrEqual(0.24);
    // Round-robin makes the split exact, and every pod server saw its share.
    expect(counts).toEqual({ blue: 800, yellow: 200 });
    expect(servers.map((server) => server.hits)).toEqual([200, 200, 200, 200, 200]);
  });

  it('sends nothing to a not-ready address', async () => {
    const { client, proxy } = startHarness();
    const [blue, yellow] = await startServers([['127.0.20.1', 'blue'], ['127.0.20.5', 'yellow']]);
    if (!blue || !yellow) throw new Error('servers did not start');
    await client.create(Resources.services, makeService('ready', { clusterIP: '127.96.200.2', ports: [{ name: 'http', port: 20081 }] }));
    await client.create(Resources.endpoints, makeEndpoints('ready', [blue, { ...yellow, ready: false }]));
    await waitForListener(proxy, '127.96.200.2:20081', 1);

    expect(await countColors('127.96.200.2', 20081, 40, 4)).toEqual({ blue: 40 });
    expect(yellow.hits).toBe(0);
  });

  it('follows endpoint changes: traffic moves to the new set', async () => {
    const { client, proxy } = startHarness();
    const [blue, yellow] = await startServers([['127.0.20.1', 'blue'], ['127.0.20.5', 'yellow']]);
    if (!blue || !yellow) throw new Error('servers did not start');
    await client.create(Resources.services, makeService('moving', { clusterIP: '127.96.200.3', ports: [{ name: 'http', port: 20082 }] }));
    await client.create(Resources.endpoints, makeEndpoints('moving', [blue]));
    await waitForListener(proxy, '127.96.200.3:20082', 1);
    expect(await countColors('127.96.200.3', 20082, 10, 2)).toEqual({ blue: 10 });

    const stored = await client.get<Endpoints>(Resources.endpoints, 'moving', 'default');
    await client.update(Resources.endpoints, { ...makeEndpoints('moving', [yellow]), metadata: stored.metadata });
    await waitFor(() => proxy.listeners().some((info) => info.backends.includes(`127.0.20.5:${yellow.port}`)), 'the yellow backend');

    expect(await countColors('127.96.200.3', 20082, 10, 2)).toEqual({ yellow: 10 });
  });

  it('closes a connection at once when the Service has no ready endpoints', async () => {
    const { client, proxy } = startHarness();
    await client.create(Resources.services, makeService('empty', { clusterIP: '127.96.200.4', ports: [{ name: 'http', port: 20083 }] }));
    await waitForListener(proxy, '127.96.200.4:20083', 0);

    expect(await probeConnection('127.96.200.4', 20083)).toBe('reset');
  });

  it('uses the subset port named like the Service port, for each port of a two-port Service', async () => {
    const { client, proxy } = startHarness();
    const [web, admin] = await startServers([['127.0.20.1', 'web'], ['127.0.20.2', 'admin']]);
    if (!web || !admin) throw new Error('servers did not start');
    const ports = [{ name: 'web', port: 20084 }, { name: 'admin', port: 20085 }];
    await client.create(Resources.services, makeService('two', { clusterIP: '127.96.200.5', ports }));
    const endpoints = makeEndpoints('two', [web], 'web');
    endpoints.subsets?.push(...(makeEndpoints('two', [admin], 'admin').subsets ?? []));
    await client.create(Resources.endpoints, endpoints);
    await waitForListener(proxy, '127.96.200.5:20085', 1);

    expect(await fetchText('127.96.200.5', 20084)).toBe('web');
    expect(await fetchText('127.96.200.5', 20085)).toBe('admin');
  });
});

describe('service proxy node ports and load balancers', () => {
  it('serves a NodePort Service on its cluster IP and on 127.0.0.1:nodePort', async () => {
    const { client, proxy } = startHarness();
    const [blue] = await startServers([['127.0.20.1', 'blue']]);
    if (!blue) throw new Error('server did not start');
    await client.create(Resources.services, makeService('np', { type: 'NodePort', clusterIP: '127.96.200.10', ports: [{ name: 'http', port: 20090, nodePort: 31871 }] }));
    await client.create(Resources.endpoints, makeEndpoints('np', [blue]));
    await waitForListener(proxy, '127.0.0.1:31871', 1);

    expect(await fetchText('127.0.0.1', 31871)).toBe('blue');
    expect(await fetchText('127.96.200.10', 20090)).toBe('blue');
    expect(proxy.listeners().map((info) => `${info.role} ${info.address}`).sort()).toEqual(['clusterIP 127.96.200.10:20090', 'nodePort 127.0.0.1:31871']);
  });

  it('serves a LoadBalancer Service on 127.0.0.1:port and writes its ingress status', async () => {
    const { client, proxy } = startHarness();
    const [blue] = await startServers([['127.0.20.1', 'blue']]);
    if (!blue) throw new Error('server did not start');
    await client.create(Resources.services, makeService('lb', { type: 'LoadBalancer', clusterIP: '127.96.200.11', ports: [{ name: 'http', port: 20091, nodePort: 31872 }] }));
    await client.create(Resources.endpoints, makeEndpoints('lb', [blue]));
    await waitForListener(proxy, '127.0.0.1:20091', 1);
    await waitFor(async () => (await client.get<Service>(Resources.services, 'lb', 'default')).status?.loadBalancer?.ingress !== undefined, 'the ingress status');

    const stored = await client.get<Service>(Resources.services, 'lb', 'default');
    expect(stored.status?.loadBalancer).toEqual({ ingress: [{ ip: '127.0.0.1', ipMode: 'VIP' }] });
    expect(client.writeActions().filter((action) => action.resource === 'services').map((action) => `${action.verb} ${action.subresource ?? ''}`)).toEqual(['create ', 'update status']);
    expect(await fetchText('127.0.0.1', 20091)).toBe('blue');
    expect(await fetchText('127.0.0.1', 31872)).toBe('blue');

    // Switching to ClusterIP removes the node-address listeners and the ingress the proxy wrote.
    await client.update(Resources.services, { ...stored, spec: { ...stored.spec, type: 'ClusterIP', ports: [{ name: 'http', port: 20091 }] } });
    await waitFor(() => proxy.listeners().length === 1, 'only the cluster IP listener');
    await waitFor(async () => (await client.get<Service>(Resources.services, 'lb', 'default')).status?.loadBalancer?.ingress === undefined, 'the ingress cleared');
    expect(await probeConnection('127.0.0.1', 20091)).toBe('refused');
  });

  it('leaves a LoadBalancer with a loadBalancerClass to its own implementation', async () => {
    const { client, proxy } = startHarness();
    await client.create(Resources.services, makeService('classy', { type: 'LoadBalancer', loadBalancerClass: 'example.com/lb', clusterIP: '127.96.200.12', ports: [{ name: 'http', port: 20092, nodePort: 31873 }] }));
    await waitForListener(proxy, '127.0.0.1:31873', 0);

    expect(proxy.listeners().map((info) => info.role).sort()).toEqual(['clusterIP', 'nodePort']);
    expect(client.writeActions().map((action) => action.verb)).toEqual(['create']);
  });
});

describe('service proxy lifecycle', () => {
  it('closes the listeners of a deleted Service, and listens again when it comes back', async () => {
    const { client, proxy } = startHarness();
    const [blue] = await startServers([['127.0.20.1', 'blue']]);
    if (!blue) throw new Error('server did not start');
    await client.create(Resources.services, makeService('gone', { clusterIP: '127.96.200.20', ports: [{ name: 'http', port: 20100 }] }));
    await client.create(Resources.endpoints, makeEndpoints('gone', [blue]));
    await waitForListener(proxy, '127.96.200.20:20100', 1);

    await client.delete(Resources.services, 'gone', 'default');
    await waitFor(() => proxy.listeners().length === 0, 'the listeners closed');
    expect(await probeConnection('127.96.200.20', 20100)).toBe('refused');

    await client.create(Resources.services, makeService('gone', { clusterIP: '127.96.200.20', ports: [{ name: 'http', port: 20100 }] }));
    await waitForListener(proxy, '127.96.200.20:20100', 1);
    expect(await fetchText('127.96.200.20', 20100)).toBe('blue');
  });

  it('follows a port change: the old port closes, the new one opens', async () => {
    const { client, proxy } = startHarness();
    const [blue] = await startServers([['127.0.20.1', 'blue']]);
    if (!blue) throw new Error('server did not start');
    await client.create(Resources.services, makeService('moved', { clusterIP: '127.96.200.21', ports: [{ name: 'http', port: 20101 }] }));
    await client.create(Resources.endpoints, makeEndpoints('moved', [blue]));
    await waitForListener(proxy, '127.96.200.21:20101', 1);

    const stored = await client.get<Service>(Resources.services, 'moved', 'default');
    await client.update(Resources.services, { ...stored, spec: { ...stored.spec, ports: [{ name: 'http', port: 20102 }] } });
    await waitForListener(proxy, '127.96.200.21:20102', 1);

    expect(await fetchText('127.96.200.21', 20102)).toBe('blue');
    expect(await probeConnection('127.96.200.21', 20101)).toBe('refused');
  });

  it('keeps an established connection when endpoints change but its pod is still there', async () => {
    const { client, proxy } = startHarness();
    const [blue, yellow] = await startServers([['127.0.20.1', 'blue'], ['127.0.20.5', 'yellow']]);
    if (!blue || !yellow) throw new Error('servers did not start');
    await client.create(Resources.services, makeService('steady', { clusterIP: '127.96.200.22', ports: [{ name: 'http', port: 20103 }] }));
    await client.create(Resources.endpoints, makeEndpoints('steady', [blue]));
    await waitForListener(proxy, '127.96.200.22:20103', 1);
    const socket = await connect('127.96.200.22', 20103);
    expect(await roundTrip(socket)).toContain('blue');

    const stored = await client.get<Endpoints>(Resources.endpoints, 'steady', 'default');
    await client.update(Resources.endpoints, { ...makeEndpoints('steady', [blue, yellow]), metadata: stored.metadata });
    await waitForListener(proxy, '127.96.200.22:20103', 2);

    expect(await roundTrip(socket)).toContain('blue');
    socket.destroy();
  });

  it('passes a half-closed request through and still delivers the reply', async () => {
    const { client, proxy } = startHarness();
    const echo = await startUppercaseServer('127.0.20.6');
    await client.create(Resources.services, makeService('half', { clusterIP: '127.96.200.23', ports: [{ name: 'tcp', port: 20104 }] }));
    await client.create(Resources.endpoints, makeEndpoints('half', [echo], 'tcp'));
    await waitForListener(proxy, '127.96.200.23:20104', 1);

    const socket = await connect('127.96.200.23', 20104);
    const reply = collect(socket);
    socket.end('hello through the proxy');

    expect(await reply).toBe('HELLO THROUGH THE PROXY');
  });

  it('stop() closes every listener and every relayed connection', async () => {
    const { client, proxy } = startHarness();
    const [blue] = await startServers([['127.0.20.1', 'blue']]);
    if (!blue) throw new Error('server did not start');
    await client.create(Resources.services, makeService('stopping', { type: 'NodePort', clusterIP: '127.96.200.24', ports: [{ name: 'http', port: 20105, nodePort: 31874 }] }));
    await client.create(Resources.endpoints, makeEndpoints('stopping', [blue]));
    await waitForListener(proxy, '127.0.0.1:31874', 1);
    const socket = await connect('127.96.200.24', 20105);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);

    await proxy.stop();

    await closed;
    expect(proxy.listeners()).toEqual([]);
    expect(await probeConnection('127.96.200.24', 20105)).toBe('refused');
    expect(await probeConnection('127.0.0.1', 31874)).toBe('refused');
  });
});

describe('service proxy warnings', () => {
  it('warns once when an address is taken, and binds once it is free', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen({ host: '127.96.200.30', port: 20110 }, () => resolve()));
    const { client, proxy, logs } = startHarness({ bindRetryMs: 30 });
    const [blue] = await startServers([['127.0.20.1', 'blue']]);
    if (!blue) throw new Error('server did not start');
    await client.create(Resources.services, makeService('busy', { clusterIP: '127.96.200.30', ports: [{ name: 'http', port: 20110 }] }));
    await client.create(Resources.endpoints, makeEndpoints('busy', [blue]));
    await waitFor(() => logs.length > 0, 'a warning');
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(logs).toEqual(['service proxy: cannot listen on 127.96.200.30:20110 for default/busy port http (clusterIP): EADDRINUSE (another process (or Service) already listens there); retrying every 30ms']);
    expect(proxy.listeners()[0]?.listening).toBe(false);

    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    await waitForListener(proxy, '127.96.200.30:20110', 1);
    expect(await fetchText('127.96.200.30', 20110)).toBe('blue');
    expect(logs[1]).toBe('service proxy: now listening on 127.96.200.30:20110 for default/busy port http (clusterIP)');
  });

  it('logs a UDP port once per Service and still serves its TCP ports', async () => {
    const { client, proxy, logs } = startHarness();
    await client.create(Resources.services, makeService('dns', { clusterIP: '127.96.200.31', ports: [{ name: 'dns', port: 20053, protocol: 'UDP' }, { name: 'dns-tcp', port: 20053 }] }));
    await waitForListener(proxy, '127.96.200.31:20053', 0);
    await client.create(Resources.endpoints, makeEndpoints('dns', [], 'dns-tcp'));
    const stored = await client.get<Service>(Resources.services, 'dns', 'default');
    await client.update(Resources.services, { ...stored, metadata: { ...stored.metadata, labels: { touched: 'yes' } } });
    await waitFor(async () => (await client.get<Service>(Resources.services, 'dns', 'default')).metadata?.labels?.touched === 'yes', 'the update');
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(logs).toEqual(['service proxy: default/dns has UDP/20053 ports; only TCP is proxied on the embedded cluster']);
  });
});

function connect(host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** One keep-alive HTTP request on an open socket; resolves with the raw response. */
function roundTrip(socket: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('data', (chunk) => resolve(chunk.toString('utf8')));
    socket.once('error', reject);
    socket.write('GET /color HTTP/1.1\r\nHost: demo\r\nConnection: keep-alive\r\n\r\n');
  });
}

function collect(socket: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.once('end', () => resolve(text));
    socket.once('error', reject);
  });
}

/** A raw TCP server that reads until the client half-closes, then answers in upper case and closes. */
async function startUppercaseServer(ip: string): Promise<{ ip: string; port: number }> {
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.once('end', () => socket.end(text.toUpperCase()));
  });
  await new Promise<void>((resolve) => server.listen({ host: ip, port: 0 }, () => resolve()));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { ip, port: (server.address() as net.AddressInfo).port };
}
