// LoopbackTransport: the API server's own request pipeline called in-process, for the embedded cluster's controllers
// and kubelet — every request still passes authentication, routing, admission and the group commit, but no TLS,
// socket or HTTP framing is spent on talking to ourselves (upstream's kube-apiserver has a loopback client too).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable, Writable } from 'node:stream';
import type { KubeTransport, OpenedStream, StreamRequest, TransportRequest, TransportResponse } from '@aviary/kube';
import type { RequestHandler } from './router.js';

export interface LoopbackTransportOptions {
  readonly handler: RequestHandler;
  /** The server's bearer token: loopback requests are authenticated like any other. */
  readonly token: string;
  /** Sent as User-Agent (the default field manager comes from it); default 'aviary', as HttpTransport's. */
  readonly userAgent?: string;
}

/** The request as the router reads it: method, URL, headers and a body stream. */
class LoopbackRequest extends Readable {
  readonly socket = { destroy: (): void => undefined };

  constructor(
    readonly method: string,
    readonly url: string,
    readonly headers: Record<string, string>,
    body: string | undefined,
  ) {
    super();
    if (body !== undefined && body !== '') this.push(Buffer.from(body));
    this.push(null);
  }

  override _read(): void {}
}

/**
 * The response as the REST handlers write it (the part of `ServerResponse` they use). Its body goes to `sink`;
 * 'headers' fires once, when the headers would have gone out on a socket. The headers themselves are not kept:
 * an in-process client reads only the status code and the body.
 */
class LoopbackResponse extends Writable {
  statusCode = 200;
  headersSent = false;

  constructor(
    readonly req: LoopbackRequest,
    private readonly sink: (chunk: Buffer) => void,
  ) {
    super();
    // A watch the client stopped may still be ended by the server; that must not become an unhandled error.
    this.on('error', () => undefined);
  }

  setHeader(): this {
    return this;
  }

  writeHead(statusCode: number): this {
    this.statusCode = statusCode;
    return this;
  }

  flushHeaders(): void {
    this.sendHeaders();
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.sendHeaders();
    this.sink(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.sendHeaders();
    callback();
  }

  private sendHeaders(): void {
    if (this.headersSent) return;
    this.headersSent = true;
    this.emit('headers');
  }
}

/** The client's side of a streamed response: chunks arrive in batches, after the server's turn, never inside it. */
class LoopbackStreamResponse extends Readable {
  complete = false;
  private pending: Buffer[] = [];

  constructor(readonly statusCode: number) {
    super();
  }

  override _read(): void {}

  deliver(chunk: Buffer): void {
    if (this.pending.push(chunk) === 1) setImmediate(() => this.flushPending());
  }

  finish(): void {
    setImmediate(() => {
      this.flushPending();
      this.complete = true;
      this.push(null);
    });
  }

  private flushPending(): void {
    if (this.pending.length === 0 || this.destroyed) return;
    const chunks = this.pending;
    this.pending = [];
    this.push(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  }
}

/** The in-process server is closed: what a refused connection is to an HTTP client. */
export class LoopbackClosedError extends Error {
  override readonly name = 'LoopbackClosedError';
  constructor() {
    super('the in-process API server is closed');
  }
}

export class LoopbackTransport implements KubeTransport {
  /** Open streams: the server's end and the client's. */
  private readonly open = new Map<LoopbackResponse, LoopbackStreamResponse>();
  private shut = false;

  constructor(private readonly options: LoopbackTransportOptions) {}

  request(request: TransportRequest): Promise<TransportResponse> {
    if (this.shut) return Promise.reject(new LoopbackClosedError());
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      const res = this.prepare(request, (chunk) => chunks.push(chunk));
      res.on('finish', () => resolve({ statusCode: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      this.dispatch(res);
    });
  }

  openStream(path: string): Promise<OpenedStream> {
    if (this.shut) return Promise.reject(new LoopbackClosedError());
    return new Promise((resolve) => {
      let response: LoopbackStreamResponse | undefined;
      // Headers are always announced before the first chunk (see LoopbackResponse), so `response` is set by then.
      const res = this.prepare({ method: 'GET', path }, (chunk) => response?.deliver(chunk));
      res.once('headers', () => {
        const opened = new LoopbackStreamResponse(res.statusCode);
        response = opened;
        this.open.set(res, opened);
        res.once('finish', () => opened.finish());
        res.once('close', () => this.open.delete(res));
        const request: StreamRequest = {
          destroy: () => this.drop(res),
          on: () => request,
        };
        resolve({ request, response: opened });
      });
      this.dispatch(res);
    });
  }

  /** Ends the streams still open; their clients see the connection drop, as when an HTTP client closes its sockets. */
  close(): void {
    for (const res of [...this.open.keys()]) this.drop(res);
  }

  /** The server is going away: open streams drop and every later call fails with LoopbackClosedError. */
  shutdown(): void {
    this.shut = true;
    this.close();
  }

  private drop(res: LoopbackResponse): void {
    const response = this.open.get(res);
    this.open.delete(res);
    res.destroy();
    response?.destroy();
  }

  private prepare(request: TransportRequest, sink: (chunk: Buffer) => void): LoopbackResponse {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.options.userAgent ?? 'aviary',
      authorization: `Bearer ${this.options.token}`,
    };
    if (request.body !== undefined) {
      headers['content-type'] = request.contentType ?? 'application/json';
      headers['content-length'] = String(Buffer.byteLength(request.body));
    }
    const req = new LoopbackRequest(request.method, request.path, headers, request.body);
    return new LoopbackResponse(req, sink);
  }

  /**
   * Hands the request to the router on the event loop's next check phase, after the socket reads it has ready:
   * a request arriving over a socket waits for its turn there too, and calling the router at once would serve
   * every in-process call ahead of the remote clients already waiting.
   */
  private dispatch(res: LoopbackResponse): void {
    // The router needs only the members these classes have; the casts say so rather than faking a socket.
    setImmediate(() => this.options.handler(res.req as unknown as IncomingMessage, res as unknown as ServerResponse));
  }
}
