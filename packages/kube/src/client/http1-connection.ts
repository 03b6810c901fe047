// Http1Connection: one keep-alive HTTP/1.1 connection carrying one request at a time — the request written in one
// piece, the response read by Http1ResponseParser, the socket's failures reported to the request in flight.
import type { Socket } from 'node:net';
import { Http1ResponseParser, type Http1Response } from './http1-response-parser.js';

interface InFlight {
  resolve(response: Http1Response): void;
  reject(error: Error): void;
}

/** Node's error for a connection that closed before its response: `socket hang up`, code ECONNRESET. */
function hangUpError(): Error {
  return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
}

export class Http1Connection {
  private readonly parser = new Http1ResponseParser();
  private inFlight: InFlight | undefined;
  private closed = false;
  /** When the connection last finished a request (for idle expiry). */
  idleSince = 0;
  /** The server's idle limit for this connection, from its last `Keep-Alive: timeout=N`. */
  serverIdleLimitMs: number | undefined;

  /** `onClosed` is told once, when the socket closes for any reason. */
  constructor(
    private readonly socket: Socket,
    private readonly onClosed: (connection: Http1Connection) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (bytes: Buffer) => this.onData(bytes));
    socket.on('end', () => this.onEnd());
    socket.on('error', (error: Error) => this.fail(error));
    socket.on('close', () => this.fail(hangUpError()));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Writes `request` (head and body, already framed, of a `method` request) and resolves with the response. */
  send(method: string, request: string): Promise<Http1Response> {
    if (this.closed) return Promise.reject(hangUpError());
    if (this.inFlight !== undefined) return Promise.reject(new Error('Http1Connection: a request is already in flight'));
    return new Promise<Http1Response>((resolve, reject) => {
      this.inFlight = { resolve, reject };
      this.parser.expect(method);
      this.socket.write(request);
    });
  }

  /** Closes the connection at once; a request in flight fails with `error` (default: socket hang up). */
  destroy(error?: Error): void {
    this.fail(error ?? hangUpError());
    this.socket.destroy();
  }

  private onData(bytes: Buffer): void {
    let response: Http1Response | undefined;
    try {
      response = this.parser.feed(bytes);
    } catch (error: unknown) {
      this.destroy(error as Error);
      return;
    }
    if (response === undefined) return;
    const inFlight = this.inFlight;
    this.inFlight = undefined;
    if (inFlight === undefined) {
      this.destroy(); // a response nobody asked for
      return;
    }
    this.serverIdleLimitMs = response.keepAliveTimeoutMs;
    if (!response.keepAlive) this.destroy();
    inFlight.resolve(response);
  }

  private onEnd(): void {
    const response = this.parser.end();
    const inFlight = this.inFlight;
    this.inFlight = undefined;
    if (response !== undefined && inFlight !== undefined) inFlight.resolve(response);
    else if (inFlight !== undefined) inFlight.reject(hangUpError());
    this.destroy();
  }

  private fail(error: Error): void {
    const inFlight = this.inFlight;
    this.inFlight = undefined;
    inFlight?.reject(error);
    if (this.closed) return;
    this.closed = true;
    this.onClosed(this);
  }
}
