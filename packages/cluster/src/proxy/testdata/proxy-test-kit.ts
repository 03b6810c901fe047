// Helpers for the service proxy tests: tiny color HTTP servers on pod-like loopback addresses, objects, polling.
import http from 'node:http';
import net from 'node:net';
import type { EndpointAddress, Endpoints, EndpointSubset, Service, ServiceSpec } from '@aviary/kube';

export interface ColorServer {
  readonly ip: string;
  readonly port: number;
  readonly color: string;
  /** Requests this server has answered. */
  hits: number;
  close(): Promise<void>;
}

/** An HTTP server on `ip` (ephemeral port) answering every request with its color, like rollouts-demo's /color. */
export async function startColorServer(ip: string, color: string): Promise<ColorServer> {
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    state.hits++;
    res.setHeader('content-type', 'text/plain');
    res.end(color);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: ip, port: 0 }, () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  const state: ColorServer = {
    ip,
    port: address.port,
    color,
    hits: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return state;
}

/** GET over a fresh connection (no agent, so no keep-alive); resolves with the body. */
export function fetchText(host: string, port: number, path = '/color'): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port, path, agent: false, timeout: 2000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${host}:${port}${path} timed out`)));
    req.on('error', reject);
  });
}

/** Sends `count` requests, `concurrency` at a time, and counts the answers. */
export async function countColors(host: string, port: number, count: number, concurrency = 10): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let sent = 0;
  const worker = async (): Promise<void> => {
    while (sent < count) {
      sent++;
      const color = await fetchText(host, port);
      counts[color] = (counts[color] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  return counts;
}

/** How a connection attempt ended: `refused`, `reset` (accepted, then closed with nothing), or `open`. */
export function probeConnection(host: string, port: number): Promise<'refused' | 'reset' | 'open'> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let connected = false;
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('open');
    }, 300);
    socket.once('connect', () => (connected = true));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(err.code === 'ECONNREFUSED' && !connected ? 'refused' : 'reset');
    });
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(connected ? 'reset' : 'refused');
    });
  });
}

/** Polls `check` every 10 ms until it returns true; fails after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function makeService(name: string, spec: ServiceSpec): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: name }, ...spec } };
}

export interface EndpointTarget {
  readonly ip: string;
  readonly port: number;
  readonly ready?: boolean;
}

/** Endpoints with one subset per target (each pod server has its own ephemeral port), port named `portName`. */
export function makeEndpoints(name: string, targets: readonly EndpointTarget[], portName = 'http'): Endpoints {
  const subsets: EndpointSubset[] = targets.map((target) => {
    const address: EndpointAddress = { ip: target.ip, targetRef: { kind: 'Pod', namespace: 'default', name: `${name}-${target.ip}` } };
    return {
      ...(target.ready === false ? { notReadyAddresses: [address] } : { addresses: [address] }),
      ports: [{ name: portName, port: target.port, protocol: 'TCP' }],
    };
  });
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: 'default' }, subsets };
}
