// A small keep-alive JSON client over HTTP(S) for benchmarks: a fixed number of sockets, CA and bearer token.
import http from 'node:http';
import https from 'node:https';

export interface JsonClientOptions {
  baseUrl: string;
  ca?: string;
  token?: string;
  sockets: number;
}

export class JsonClient {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(private readonly options: JsonClientOptions) {
    this.url = new URL(options.baseUrl);
    const agentOptions = { keepAlive: true, maxSockets: options.sockets, maxFreeSockets: options.sockets };
    this.agent = this.url.protocol === 'https:' ? new https.Agent({ ...agentOptions, ca: options.ca }) : new http.Agent(agentOptions);
  }

  request(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; text: string }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const transport = this.url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          method,
          path,
          agent: this.agent,
          headers: {
            ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
            ...(payload === undefined ? {} : { 'content-type': contentType, 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Opens a streaming GET (a watch) and calls `onLine` for every newline-terminated line. */
  stream(path: string, onLine: (line: string) => void): Promise<() => void> {
    const transport = this.url.protocol === 'https:' ? https : http;
    const agent = this.url.protocol === 'https:' ? new https.Agent({ ca: this.options.ca }) : new http.Agent();
    return new Promise((resolve, reject) => {
      const req = transport.request(
        { host: this.url.hostname, port: this.url.port, path, agent, headers: this.options.token ? { authorization: `Bearer ${this.options.token}` } : {} },
        (res) => {
          let pending = '';
          res.on('data', (chunk: Buffer) => {
            pending += chunk.toString();
            let newline = pending.indexOf('\n');
            while (newline >= 0) {
              onLine(pending.slice(0, newline));
              pending = pending.slice(newline + 1);
              newline = pending.indexOf('\n');
            }
          });
          resolve(() => req.destroy());
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `total` operations with `concurrency` loops; returns operations per second. */
export async function runConcurrently(total: number, concurrency: number, operation: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await operation(next++);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
