// HttpTransport: keep-alive HTTP(S) requests to the cluster a KubeConfig points at, with its TLS and auth applied.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { KubeConfig, User } from '@kubernetes/client-node';
import { loadClientNode } from './client-node-loader.js';
import { Http1Pool } from './http1-pool.js';
import type { KubeTransport, OpenedStream, TransportRequest, TransportResponse } from './kube-transport.js';

export interface HttpTransportOptions {
  kubeConfig: KubeConfig;
  /** Sent as User-Agent; the API server derives the default field manager from it. */
  userAgent?: string;
  /** Per-request timeout for ordinary (non-watch) requests; default 60 s. */
  requestTimeoutMs?: number;
  /** Concurrent sockets for ordinary requests; default 256. Watches use their own agent. */
  maxSockets?: number;
}

/** A request that ran longer than `requestTimeoutMs`. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  readonly timeoutMs: number;

  constructor(method: string, path: string, timeoutMs: number) {
    super(`${method} ${path} timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

type HeaderMap = Record<string, string>;

/** Built once per client: resolving TLS material reads files, so it is not done per request. */
export class HttpTransport implements KubeTransport {
  private constructor(
    private readonly settings: {
      url: URL;
      requestModule: typeof http | typeof https;
      /** Ordinary requests: our own connections, or the proxy agent for a cluster behind a proxy. */
      requests: Http1Pool | http.Agent;
      /** Watches; behind a proxy, the proxy agent, which then carries every request. */
      watchAgent: http.Agent;
      staticHeaders: HeaderMap;
      /** For exec and auth-provider users: fetches a possibly refreshed Authorization header. */
      refreshAuth: (() => Promise<HeaderMap>) | undefined;
      requestTimeoutMs: number;
    },
  ) {}

  static async create(options: HttpTransportOptions): Promise<HttpTransport> {
    const { kubeConfig } = options;
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig has no current cluster');
    const url = new URL(cluster.server);
    const tls: https.RequestOptions = {};
    // Applies CA, client certificate, skip-verify, server name and auth headers; throws for http:// without skip-verify.
    await kubeConfig.applyToHTTPSOptions(tls);
    const user = kubeConfig.getCurrentUser();
    const isHttps = url.protocol === 'https:';
    const tlsOptions = isHttps ? pickTlsOptions(tls) : undefined;
    // A proxy needs client-node's proxy agent for everything; otherwise ordinary requests go over our own keep-alive
    // connections and each watch over a connection of its own.
    const proxied = cluster.proxyUrl !== undefined && cluster.proxyUrl !== '';
    const proxyAgent = proxied ? (tls.agent as http.Agent) : undefined;
    const watchAgentOptions: https.AgentOptions = { keepAlive: false, maxSockets: Infinity, ...tlsOptions };
    const watchAgent = proxyAgent ?? (isHttps ? new https.Agent(watchAgentOptions) : new http.Agent(watchAgentOptions));
    const staticHeaders: HeaderMap = { Accept: 'application/json', 'User-Agent': options.userAgent ?? 'aviary', ...headersOf(tls) };
    const dynamic = user !== null && (user.exec !== undefined || user.authProvider !== undefined);
    return new HttpTransport({
      url,
      requestModule: isHttps ? https : http,
      requests: proxyAgent ?? new Http1Pool({ connect: connectorFor(url, tlsOptions), host: url.host, maxSockets: options.maxSockets ?? 256 }),
      watchAgent,
      staticHeaders,
      refreshAuth: dynamic && user ? createAuthRefresher(user) : undefined,
      requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
    });
  }

  /** Sends a request and collects the whole response; rejects only on network failures and timeouts. */
  async request(request: TransportRequest): Promise<TransportResponse> {
    const { requests: pool } = this.settings;
    if (pool instanceof Http1Pool) {
      const { staticHeaders, refreshAuth, requestTimeoutMs } = this.settings;
      const headers: HeaderMap = refreshAuth ? { ...staticHeaders, ...(await refreshAuth()) } : staticHeaders;
      const response = await pool.request({
        method: request.method,
        path: this.fullPath(request.path),
        headers: request.body === undefined ? headers : { ...headers, 'Content-Type': request.contentType ?? 'application/json' },
        ...(request.body === undefined ? {} : { body: request.body }),
        timeoutMs: requestTimeoutMs,
        onTimeout: () => new RequestTimeoutError(request.method, request.path, requestTimeoutMs),
      });
      return { statusCode: response.statusCode, body: response.body.toString('utf8') };
    }
    const req = await this.open({ ...request, watch: false });
    return new Promise<TransportResponse>((resolve, reject) => {
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.end(request.body);
    });
  }

  /** Opens a long-lived GET; resolves with the request and its response once headers arrive. */
  async openStream(path: string): Promise<OpenedStream> {
    const req = await this.open({ method: 'GET', path, watch: true });
    return new Promise<OpenedStream>((resolve, reject) => {
      req.once('error', reject);
      req.on('response', (response) => {
        req.removeListener('error', reject);
        resolve({ request: req, response });
      });
      req.end();
    });
  }

  /** Closes idle keep-alive sockets so a process can exit. */
  close(): void {
    const { requests, watchAgent } = this.settings;
    if (requests instanceof Http1Pool) requests.close();
    else requests.destroy();
    watchAgent.destroy();
  }

  /** The request path under the server URL's own path (a kubeconfig may point at `https://host/prefix`). */
  private fullPath(path: string): string {
    return `${this.settings.url.pathname.replace(/\/+$/, '')}${path}`;
  }

  private async open(request: TransportRequest & { watch: boolean }): Promise<http.ClientRequest> {
    const { url, requestModule, watchAgent, staticHeaders, refreshAuth, requestTimeoutMs } = this.settings;
    const headers: HeaderMap = { ...staticHeaders, ...(refreshAuth ? await refreshAuth() : {}) };
    if (request.body !== undefined) {
      headers['Content-Type'] = request.contentType ?? 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(request.body));
    }
    const req = requestModule.request({
      protocol: url.protocol,
      hostname: bareHost(url),
      port: url.port || undefined,
      method: request.method,
      path: this.fullPath(request.path),
      headers,
      agent: watchAgent,
    });
    if (!request.watch) {
      req.setTimeout(requestTimeoutMs, () => req.destroy(new RequestTimeoutError(request.method, request.path, requestTimeoutMs)));
    }
    return req;
  }
}

/** The URL's host name without the brackets of an IPv6 literal, as sockets want it. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/** How the pool opens a connection: TLS with the kubeconfig's CA, client certificate and server name, or plain TCP. */
function connectorFor(url: URL, tlsOptions: https.AgentOptions | undefined): () => net.Socket {
  const host = bareHost(url);
  const port = Number(url.port || (tlsOptions ? 443 : 80));
  if (tlsOptions === undefined) return () => net.connect({ host, port });
  const servername = tlsOptions.servername ?? (net.isIP(host) === 0 ? host : undefined);
  const options: tls.ConnectionOptions = { ...(tlsOptions as tls.ConnectionOptions), host, port, ALPNProtocols: ['http/1.1'], ...(servername ? { servername } : {}) };
  return () => tls.connect(options);
}

function pickTlsOptions(tls: https.RequestOptions): https.AgentOptions {
  const picked: https.AgentOptions = {};
  if (tls.ca !== undefined) picked.ca = tls.ca;
  if (tls.cert !== undefined) picked.cert = tls.cert;
  if (tls.key !== undefined) picked.key = tls.key;
  if (tls.rejectUnauthorized !== undefined) picked.rejectUnauthorized = tls.rejectUnauthorized;
  if (tls.servername !== undefined) picked.servername = tls.servername;
  return picked;
}

/** The headers client-node put on the options, plus basic auth when the user has a username. */
function headersOf(options: https.RequestOptions): HeaderMap {
  const headers: HeaderMap = {};
  const source = options.headers;
  if (source !== undefined && !Array.isArray(source)) {
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : String(value);
    }
  }
  if (options.auth) headers.Authorization = `Basic ${Buffer.from(options.auth).toString('base64')}`;
  return headers;
}

/**
 * Exec and auth-provider tokens expire; client-node's authenticators cache and refresh them.
 * Runs them against a copy of the config without TLS files, so each request only pays for the token.
 */
function createAuthRefresher(user: User): () => Promise<HeaderMap> {
  // Built once: client-node's authenticators cache tokens per KubeConfig instance.
  const authOnly = new (loadClientNode().KubeConfig)();
  const { certFile: _certFile, keyFile: _keyFile, certData: _certData, keyData: _keyData, ...authUser } = user;
  authOnly.loadFromOptions({
    clusters: [{ name: 'auth', server: 'https://auth.invalid', skipTLSVerify: true }],
    users: [authUser],
    contexts: [{ name: 'auth', cluster: 'auth', user: authUser.name }],
    currentContext: 'auth',
  });
  let inFlight: Promise<HeaderMap> | undefined;
  return () => {
    inFlight ??= (async () => {
      try {
        const options: https.RequestOptions = {};
        await authOnly.applyToHTTPSOptions(options);
        return headersOf(options);
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };
}
