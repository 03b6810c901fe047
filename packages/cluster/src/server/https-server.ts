// The HTTPS listener: TLS from the data directory, keep-alive, and a close() that ends watches and drops sockets.
import https from 'node:https';
import type { Socket } from 'node:net';
import { badRequestError } from './api-errors.js';
import type { RequestHandler } from './router.js';
import type { TlsMaterial } from './tls-material.js';

export interface HttpsListener {
  readonly port: number;
  close(): Promise<void>;
}

export async function listenHttps(options: {
  tls: TlsMaterial;
  host: string;
  port: number;
  handler: RequestHandler;
  /** Called first on close (ends open watches so their sockets drain). */
  beforeClose?: () => void;
}): Promise<HttpsListener> {
  const server = https.createServer({ key: options.tls.keyPem, cert: options.tls.certPem, keepAlive: true }, options.handler);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  server.requestTimeout = 0;
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', (_err, socket) => socket.destroy());
  // Requests Node's HTTP parser rejects still get a Status body, never a bare 400 or a hang.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const code = tooLarge ? 431 : 400;
    const body = JSON.stringify(badRequestError(tooLarge ? 'request header fields too large' : `malformed HTTP request: ${err.code ?? err.message}`).status).replace('"code":400', `"code":${code}`);
    socket.end(`HTTP/1.1 ${code} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  let closing: Promise<void> | undefined;
  return {
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        options.beforeClose?.();
        server.close(() => resolve());
        server.closeIdleConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
