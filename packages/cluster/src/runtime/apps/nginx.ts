// The nginx image's default site: the welcome page on `/`, nginx's error pages otherwise, access log on stdout.
//
// Self-contained (Node built-ins only). HOST/PORT are the pod address the runtime gives (port 80 by default).
// SIGTERM/SIGINT stop at once and SIGQUIT gracefully, both exiting 0, as nginx does.
import { createServer, type ServerResponse } from 'node:http';

const VERSION = '1.27.3';

const WELCOME_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const ERROR_TITLES: Readonly<Record<number, string>> = { 404: '404 Not Found', 405: '405 Not Allowed' };

function renderErrorPage(status: number): string {
  const title = ERROR_TITLES[status] ?? `${status}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${VERSION}</center>\r\n</body>\r\n</html>\r\n`;
}

/** nginx's error-log timestamp: `2026/11/20 10:00:00`. */
function formatErrorLogTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ');
}

/** The combined log format's timestamp: `20/Nov/2026:10:00:00 +0000`. */
function formatAccessLogTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

function notice(message: string): void {
  process.stderr.write(`${formatErrorLogTime(new Date())} [notice] 1#1: ${message}\n`);
}

function send(response: ServerResponse, status: number, body: string, head: boolean): number {
  const bytes = Buffer.byteLength(body);
  response.writeHead(status, { Server: `nginx/${VERSION}`, 'Content-Type': 'text/html', 'Content-Length': bytes });
  response.end(head ? undefined : body);
  return bytes;
}

const server = createServer((request, response) => {
  const method = request.method ?? 'GET';
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  const head = method === 'HEAD';
  let status = 200;
  let bytes: number;
  if (method !== 'GET' && method !== 'HEAD') {
    status = 405;
    bytes = send(response, status, renderErrorPage(status), false);
  } else if (path === '/' || path === '/index.html') {
    bytes = send(response, status, WELCOME_PAGE, head);
  } else {
    status = 404;
    bytes = send(response, status, renderErrorPage(status), head);
  }
  const agent = request.headers['user-agent'] ?? '-';
  const referer = request.headers.referer ?? '-';
  process.stdout.write(
    `${request.socket.remoteAddress ?? '-'} - - [${formatAccessLogTime(new Date())}] "${method} ${request.url ?? '/'} HTTP/${request.httpVersion}" ${status} ${bytes} "${referer}" "${agent}"\n`,
  );
});

const port = Number(process.env.PORT ?? 80);
server.on('error', (error: Error) => {
  process.stderr.write(`${formatErrorLogTime(new Date())} [emerg] 1#1: bind() to ${process.env.HOST ?? '0.0.0.0'}:${port} failed (${error.message})\n`);
  process.exit(1);
});
process.stdout.write('/docker-entrypoint.sh: Configuration complete; ready for start up\n');
server.listen(port, process.env.HOST ?? '0.0.0.0', () => {
  notice(`nginx/${VERSION}`);
  notice('start worker processes');
});

function exitOn(signal: NodeJS.Signals, number: number, graceful: boolean): void {
  process.on(signal, () => {
    notice(`signal ${number} (${signal}) received, ${graceful ? 'shutting down' : 'exiting'}`);
    server.close(() => process.exit(0));
    if (graceful) server.closeIdleConnections();
    else server.closeAllConnections();
  });
}
exitOn('SIGTERM', 15, false);
exitOn('SIGINT', 2, false);
exitOn('SIGQUIT', 3, true);
