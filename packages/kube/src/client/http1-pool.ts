// Http1Pool: keep-alive HTTP/1.1 connections to one server for ordinary (non-watch) requests — up to `maxSockets`
// at once, the most recently used idle one first, requests queued beyond that. About a third of node:https's CPU per
// request (no ClientRequest, agent bookkeeping, socket timers or stream machinery), which matters to a controller
// that sends thousands of writes a second.
import type { Socket } from 'node:net';
import { Http1Connection } from './http1-connection.js';
import type { Http1Response } from './http1-response-parser.js';

export interface Http1PoolOptions {
  /** Opens a new connection (TLS or plain) to the server. */
  connect(): Socket;
  /** The `Host` header. */
  host: string;
  maxSockets: number;
}

export interface Http1Request {
  method: string;
  path: string;
  /** Header lines without Host and Content-Length, which the pool writes. */
  headers: Readonly<Record<string, string>>;
  body?: string;
  /** The request fails with `onTimeout()`'s error and its connection is closed when no response came by then. */
  timeoutMs: number;
  onTimeout(): Error;
}

/** An idle connection is not reused within this margin of the server's advertised idle limit (Node's agent: 1 s). */
const serverIdleMarginMs = 1000;

export class Http1Pool {
  private readonly idle: Http1Connection[] = [];
  private readonly waiting: ((connection: Http1Connection) => void)[] = [];
  private readonly all = new Set<Http1Connection>();

  constructor(private readonly options: Http1PoolOptions) {}

  async request(request: Http1Request): Promise<Http1Response> {
    const text = frame(request, this.options.host);
    const connection = await this.acquire();
    const timer = setTimeout(() => connection.destroy(request.onTimeout()), request.timeoutMs);
    try {
      const response = await connection.send(request.method, text);
      this.release(connection);
      return response;
    } catch (error: unknown) {
      connection.destroy(); // forgetting it lets a waiting request open a new one
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes every connection (requests in flight fail). */
  close(): void {
    for (const connection of [...this.all]) connection.destroy();
  }

  private acquire(): Promise<Http1Connection> {
    const now = Date.now();
    for (let connection = this.idle.pop(); connection !== undefined; connection = this.idle.pop()) {
      if (connection.isClosed) continue;
      const limit = connection.serverIdleLimitMs;
      if (limit !== undefined && now - connection.idleSince >= limit - serverIdleMarginMs) {
        connection.destroy(); // the server is about to close it: a request written now could be lost in the race
        continue;
      }
      return Promise.resolve(connection);
    }
    if (this.all.size < this.options.maxSockets) return Promise.resolve(this.open());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private open(): Http1Connection {
    const connection = new Http1Connection(this.options.connect(), (closed) => this.forget(closed));
    this.all.add(connection);
    return connection;
  }

  private release(connection: Http1Connection): void {
    if (connection.isClosed) return; // already forgotten, and replaced for a waiting request

    const next = this.waiting.shift();
    if (next !== undefined) return next(connection);
    connection.idleSince = Date.now();
    this.idle.push(connection);
  }

  /** A connection went away while requests wait for one: open a new one for the first of them. */
  private replaceIfWaiting(): void {
    if (this.waiting.length === 0 || this.all.size >= this.options.maxSockets) return;
    this.waiting.shift()!(this.open());
  }

  private forget(connection: Http1Connection): void {
    this.all.delete(connection);
    const index = this.idle.indexOf(connection);
    if (index >= 0) this.idle.splice(index, 1);
    this.replaceIfWaiting();
  }
}

/** Characters that would end a request line or header line early (Node's http refuses them too). */
const unsafeInHead = /[\r\n\0]/;

/** The request as written on the connection: request line, headers, blank line, body. */
function frame(request: Http1Request, host: string): string {
  if (!/^[A-Z]+$/.test(request.method)) throw new TypeError(`invalid HTTP method: ${JSON.stringify(request.method)}`);
  if (/[\s\0]/.test(request.path)) throw new TypeError('Request path contains unescaped characters');
  let head = `${request.method} ${request.path} HTTP/1.1\r\nHost: ${host}\r\n`;
  for (const name in request.headers) {
    const value = request.headers[name]!;
    if (unsafeInHead.test(name) || unsafeInHead.test(value) || name.includes(':')) throw new TypeError(`invalid character in header ${JSON.stringify(name)}`);
    head += `${name}: ${value}\r\n`;
  }
  if (request.body !== undefined) head += `Content-Length: ${Buffer.byteLength(request.body)}\r\n`;
  return `${head}\r\n${request.body ?? ''}`;
}
