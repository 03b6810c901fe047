// Http1Pool against a real node:http server: connection reuse, the socket limit, timeouts, closed and expiring
// connections, and header lines that could split a request.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Http1Pool, type Http1Request } from './http1-pool.js';

interface TestServer {
  port: number;
  /** Connections the server accepted so far. */
  connections: () => number;
  close(): Promise<void>;
}

async function startServer(handler: http.RequestListener, configure?: (server: http.Server) => void): Promise<TestServer> {
  const server = http.createServer(handler);
  configure?.(server);
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const echo: http.RequestListener = (req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const text = JSON.stringify({ method: req.method, url: req.url, host: req.headers.host, type: req.headers['content-type'], token: req.headers.authorization, body });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(text);
  });
};

let server: TestServer | undefined;
let pool: Http1Pool | undefined;

afterEach(async () => {
  pool?.close();
  await server?.close();
  pool = undefined;
  server = undefined;
});

function poolFor(port: number, maxSockets = 4): Http1Pool {
  return new Http1Pool({ connect: () => net.connect({ host: '127.0.0.1', port }), host: `127.0.0.1:${port}`, maxSockets });
}

const request = (overrides: Partial<Http1Request> = {}): Http1Request => ({
  method: 'GET',
  path: '/',
  headers: { Authorization: 'Bearer t' },
  timeoutMs: 5_000,
  onTimeout: () => new Error('timed out'),
  ...overrides,
});

describe('Http1Pool', () => {
  it('sends the method, path, Host, headers and body, and reuses one connection for requests in turn', async () => {
    server = await startServer(echo);
    pool = poolFor(server.port);
    const first = await pool.request(request({ method: 'PATCH', path: '/apis/x?dryRun=All', headers: { Authorization: 'Bearer t', 'Content-Type': 'application/merge-patch+json' }, body: '{"é":1}' }));
    expect(first.statusCode).toBe(200);
    expect(JSON.parse(first.body.toString())).toEqual({ method: 'PATCH', url: '/apis/x?dryRun=All', host: `127.0.0.1:${server.port}`, type: 'application/merge-patch+json', token: 'Bearer t', body: '{"é":1}' });
    for (let i = 0; i < 5; i++) expect((await pool.request(request())).statusCode).toBe(200);
    expect(server.connections()).toBe(1);
  });

  it('answers HEAD with the headers only and keeps the connection for the next request', async () => {
    server = await startServer(echo);
    pool = poolFor(server.port);
    const head = await pool.request(request({ method: 'HEAD' }));
    expect([head.statusCode, head.body.length]).toEqual([200, 0]);
    expect(JSON.parse((await pool.request(request())).body.toString()).method).toBe('GET');
    expect(server.connections()).toBe(1);
  });

  it('opens at most maxSockets connections and queues the other requests', async () => {
    let inHandler = 0;
    let most = 0;
    server = await startServer((req, res) => {
      most = Math.max(most, ++inHandler);
      setTimeout(() => {
        inHandler--;
        echo(req, res);
      }, 20);
    });
    pool = poolFor(server.port, 3);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => pool!.request(request({ path: `/${i}` }))));
    expect(answers.map((answer) => JSON.parse(answer.body.toString()).url)).toEqual(Array.from({ length: 10 }, (_, i) => `/${i}`));
    expect(most).toBe(3);
    expect(server.connections()).toBe(3);
  });

  it('fails a request that gets no answer in time with its timeout error and closes that connection', async () => {
    server = await startServer((req, res) => {
      if (req.url !== '/slow') echo(req, res);
    });
    pool = poolFor(server.port, 1);
    await expect(pool.request(request({ path: '/slow', timeoutMs: 100, onTimeout: () => new Error('GET /slow timed out') }))).rejects.toThrow('GET /slow timed out');
    expect((await pool.request(request({ path: '/fast' }))).statusCode).toBe(200);
    expect(server.connections()).toBe(2);
  });

  it('opens a new connection when the server closed the idle one', async () => {
    server = await startServer((req, res) => {
      res.setHeader('Connection', 'close');
      echo(req, res);
    });
    pool = poolFor(server.port, 1);
    for (let i = 0; i < 3; i++) expect((await pool.request(request())).statusCode).toBe(200);
    expect(server.connections()).toBe(3);
  });

  it('does not reuse a connection the server is about to close (Keep-Alive: timeout)', async () => {
    server = await startServer(echo, (s) => {
      s.keepAliveTimeout = 1_200; // advertised as timeout=1: idle connections are kept for less than the 1 s margin
    });
    pool = poolFor(server.port, 1);
    expect((await pool.request(request())).statusCode).toBe(200);
    expect((await pool.request(request())).statusCode).toBe(200);
    expect(server.connections()).toBe(2);
  });

  it('reports a server that hangs up without answering, and one that is not there', async () => {
    const hangUp = net.createServer((socket) => socket.once('data', () => socket.destroy()));
    await new Promise<void>((resolve) => hangUp.listen(0, '127.0.0.1', resolve));
    const port = (hangUp.address() as AddressInfo).port;
    pool = poolFor(port);
    await expect(pool.request(request())).rejects.toMatchObject({ code: 'ECONNRESET' });
    await new Promise<void>((resolve) => hangUp.close(() => resolve()));
    await expect(pool.request(request())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('refuses header values and paths that would split the request', async () => {
    server = await startServer(echo);
    pool = poolFor(server.port);
    await expect(pool.request(request({ headers: { Authorization: 'Bearer t\r\nX-Injected: 1' } }))).rejects.toThrow(TypeError);
    await expect(pool.request(request({ path: '/a b' }))).rejects.toThrow(TypeError);
    expect(server.connections()).toBe(0);
  });
});
