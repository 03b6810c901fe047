// PortListener: one TCP listening socket that keeps trying to bind (EADDRINUSE, EACCES, EADDRNOTAVAIL) instead of failing.
import net from 'node:net';
import type { Clock, Timer } from '@aviary/kube';

export interface PortListenerOptions {
  host: string;
  port: number;
  /** Names the listener in warnings: `default/web port http (clusterIP)`. */
  label: string;
  clock: Clock;
  /** Delay between bind attempts after a failure. */
  retryMs: number;
  log: (message: string) => void;
  /** Takes each accepted connection (created with allowHalfOpen, so each direction closes on its own). */
  onConnection: (socket: net.Socket) => void;
}

/** Advice for the bind errors people meet on a laptop. */
const BIND_HINTS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'another process (or Service) already listens there',
  EACCES: 'ports below 1024 need root or CAP_NET_BIND_SERVICE',
  EADDRNOTAVAIL: 'the address is not on this machine (per-address loopback needs Linux)',
};

export class PortListener {
  readonly host: string;
  readonly port: number;
  private readonly options: PortListenerOptions;
  private server: net.Server | undefined;
  private retryTimer: Timer | undefined;
  private closed = false;
  private bound = false;
  /** The last bind error code reported, so a listener that keeps failing warns once, not every retry. */
  private lastError: string | undefined;

  constructor(options: PortListenerOptions) {
    this.options = options;
    this.host = options.host;
    this.port = options.port;
  }

  get listening(): boolean {
    return this.bound;
  }

  get address(): string {
    return `${this.host}:${this.port}`;
  }

  /** Starts binding in the background; failures are logged and retried until close(). */
  start(): void {
    if (this.closed || this.server !== undefined) return;
    const server = net.createServer({ allowHalfOpen: true }, (socket) => this.options.onConnection(socket));
    this.server = server;
    server.once('listening', () => {
      if (this.closed) return;
      this.bound = true;
      if (this.lastError !== undefined) this.options.log(`service proxy: now listening on ${this.address} for ${this.options.label}`);
      this.lastError = undefined;
    });
    server.on('error', (err: unknown) => this.handleError(server, err));
    server.listen({ host: this.host, port: this.port, exclusive: true });
  }

  /**
   * Stops accepting connections and releases the address at once; connections already accepted are not
   * waited for (their owner ends them), so a Service can be deleted and recreated on the same port.
   */
  close(): void {
    this.closed = true;
    this.retryTimer?.cancel();
    const server = this.server;
    this.server = undefined;
    this.bound = false;
    if (server?.listening) server.close();
  }

  private handleError(server: net.Server, err: unknown): void {
    const code = errorCode(err);
    if (this.bound) {
      this.options.log(`service proxy: listener ${this.address} for ${this.options.label} failed: ${describe(err)}`);
      return;
    }
    server.close();
    if (this.server === server) this.server = undefined;
    if (this.closed) return;
    if (code !== this.lastError) {
      const hint = BIND_HINTS[code] ? ` (${BIND_HINTS[code]})` : '';
      this.options.log(`service proxy: cannot listen on ${this.address} for ${this.options.label}: ${code || describe(err)}${hint}; retrying every ${formatDelay(this.options.retryMs)}`);
      this.lastError = code;
    }
    this.retryTimer = this.options.clock.setTimer(() => this.start(), this.options.retryMs);
  }
}

function formatDelay(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
