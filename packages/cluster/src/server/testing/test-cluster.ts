// A test fixture: an in-process API server over a MemoryStore in a temporary data directory, with a small
// HTTPS client that trusts its CA and sends its token.
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '@aviary/kube';
import { startApiServer, type ApiServer, type ApiServerOptions } from '../../apiserver.js';
import { MemoryStore } from '../../storage/memory-store.js';
import type { ApiServerPlugins } from '../plugins.js';

export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  body: any;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body text (sent as is). */
  rawBody?: string | Buffer;
  contentType?: string;
  accept?: string;
  token?: string | null;
  headers?: Record<string, string>;
}

export interface WatchHandle {
  /** Events received so far. */
  readonly events: { type: string; object: any }[];
  /** Resolves when `predicate` holds for the events (rejects after `timeoutMs`). */
  waitFor(predicate: (events: { type: string; object: any }[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  readonly status: Promise<number>;
  close(): void;
}

export interface TestCluster {
  readonly server: ApiServer;
  readonly dataDir: string;
  request(method: string, urlPath: string, options?: RequestOptions): Promise<TestResponse>;
  watch(urlPath: string, options?: { accept?: string }): WatchHandle;
  close(): Promise<void>;
}

export async function startTestCluster(
  options: { plugins?: ApiServerPlugins; clock?: Clock; store?: MemoryStore; watch?: ApiServerOptions['watch'] } = {},
): Promise<TestCluster> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aviary-apiserver-'));
  const store = options.store ?? new MemoryStore();
  const server = await startApiServer({
    dataDir,
    port: 0,
    store,
    ...(options.plugins ? { plugins: options.plugins } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.watch ? { watch: options.watch } : {}),
  });
  const agent = new https.Agent({ ca: server.caCertPem, keepAlive: true });
  const open = new Set<() => void>();

  const request = (method: string, urlPath: string, opts: RequestOptions = {}): Promise<TestResponse> =>
    new Promise((resolve, reject) => {
      const payload = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
      const headers: Record<string, string> = { ...opts.headers };
      const token = opts.token === undefined ? server.token : opts.token;
      if (token !== null) headers.authorization = `Bearer ${token}`;
      if (opts.accept) headers.accept = opts.accept;
      if (payload !== undefined) {
        headers['content-type'] = opts.contentType ?? 'application/json';
        headers['content-length'] = String(Buffer.byteLength(payload));
      }
      const req = https.request(`${server.url}${urlPath}`, { method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });

  const watch = (urlPath: string, opts: { accept?: string } = {}): WatchHandle => {
    const events: { type: string; object: any }[] = [];
    const waiters = new Set<() => void>();
    let resolveStatus: (code: number) => void = () => {};
    let resolveEnded: () => void = () => {};
    const status = new Promise<number>((r) => (resolveStatus = r));
    const ended = new Promise<void>((r) => (resolveEnded = r));
    const headers: Record<string, string> = { authorization: `Bearer ${server.token}` };
    if (opts.accept) headers.accept = opts.accept;
    const req = https.request(`${server.url}${urlPath}`, { method: 'GET', agent: new https.Agent({ ca: server.caCertPem }), headers }, (res) => {
      resolveStatus(res.statusCode ?? 0);
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          if (line.trim() !== '') events.push(JSON.parse(line));
        }
        for (const waiter of [...waiters]) waiter();
      });
      res.on('end', () => resolveEnded());
      res.on('close', () => resolveEnded());
    });
    req.on('error', () => resolveEnded());
    req.end();
    const close = (): void => {
      req.destroy();
      open.delete(close);
    };
    open.add(close);
    return {
      events,
      status,
      ended,
      close,
      waitFor(predicate, timeoutMs = 5000) {
        if (predicate(events)) return Promise.resolve();
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => {
            waiters.delete(check);
            reject(new Error(`watch condition not met; events: ${JSON.stringify(events.map((e) => [e.type, e.object?.metadata?.name]))}`));
          }, timeoutMs);
          const check = (): void => {
            if (!predicate(events)) return;
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          };
          waiters.add(check);
        });
      },
    };
  };

  return {
    server,
    dataDir,
    request,
    watch,
    async close() {
      for (const close of [...open]) close();
      agent.destroy();
      await server.close();
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
