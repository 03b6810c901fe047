// The argoproj/rollouts-demo app, behaving as upstream main.go does (github.com/argoproj/rollouts-demo).
//
// Self-contained (Node built-ins only): it runs as `node rollouts-demo.js` from the build, or through tsx in tests.
// Env: COLOR (empty: a random color per request), ERROR_RATE, LATENCY (as the image's bad-/slow- tags set them),
// HOST/PORT (the pod address the runtime gives). Flags: --listen-addr, --termination-delay (seconds).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

const COLORS = ['red', 'orange', 'yellow', 'green', 'blue', 'purple'];
const DEFAULT_TERMINATION_DELAY_SECONDS = 10;

interface ColorParameters {
  color?: string;
  delayLength?: number;
  return500?: number;
}

/** Go's log package prefix: `2006/01/02 15:04:05 `. */
function logLine(message: string): void {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}/${pad(now.getMonth() + 1)}/${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
  process.stderr.write(`${stamp} ${message}\n`);
}

/** Reads Go-style flags: `-name value`, `--name value`, `-name=value`, `--name=value`. */
function readFlag(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const bare = arg.replace(/^--?/, '');
    if (bare === name) return args[i + 1];
    if (bare.startsWith(`${name}=`)) return bare.slice(name.length + 1);
  }
  return undefined;
}

function parseNumberEnv(name: string, parse: (text: string) => number): number {
  const text = process.env[name] ?? '';
  if (text === '') return 0;
  const value = parse(text);
  if (Number.isNaN(value)) {
    process.stderr.write(`panic: failed to parse ${name}: ${text}\n`);
    process.exit(2);
  }
  return value;
}

const args = process.argv.slice(2);
const color = process.env.COLOR ?? '';
const envLatency = parseNumberEnv('LATENCY', Number.parseFloat);
const envErrorRate = parseNumberEnv('ERROR_RATE', (text) => (/^[+-]?\d+$/.test(text) ? Number.parseInt(text, 10) : NaN));
const terminationDelay = Number(readFlag(args, 'termination-delay') ?? DEFAULT_TERMINATION_DELAY_SECONDS);
const listenAddr = readFlag(args, 'listen-addr');

/** Go's rand.Intn(n). */
function randomIntBelow(n: number): number {
  return Math.floor(Math.random() * n);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseColorParameters(body: string): ColorParameters[] {
  if (body.length === 0 || body === '"[]"') return [];
  const parsed: unknown = JSON.parse(body);
  if (parsed === null) return [];
  if (!Array.isArray(parsed)) throw new Error('json: cannot unmarshal into Go value of type []main.colorParameters');
  return parsed as ColorParameters[];
}

function sleepSeconds(seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}

async function answerColor(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  let params: ColorParameters[];
  try {
    params = parseColorParameters(body);
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    logLine(`${body}: ${message}`);
    response.writeHead(500).end(message);
    return;
  }
  const colorToReturn = color !== '' ? color : (COLORS[randomIntBelow(COLORS.length)] ?? 'blue');
  const colorParams = params.filter((param) => param.color === colorToReturn).at(-1) ?? {};
  const delayLength = (colorParams.delayLength ?? 0) > 0 ? (colorParams.delayLength ?? 0) : envLatency;
  let delayText = '';
  if (delayLength > 0) {
    delayText = ` (${delayLength.toFixed(6)}s)`;
    // Go's time.Duration(delayLength) * time.Second truncates to whole seconds.
    await sleepSeconds(Math.trunc(delayLength));
  }
  let statusCode = 200;
  const return500 = colorParams.return500;
  if (return500 !== undefined && return500 > 0 && return500 >= randomIntBelow(100)) {
    statusCode = 500;
  } else if (envErrorRate > 0 && randomIntBelow(100) >= envErrorRate) {
    // As upstream main.go: a request fails when rand.Intn(100) >= ERROR_RATE (bad- images set 15).
    statusCode = 500;
  }
  const answer = `"${colorToReturn}"`;
  response.writeHead(statusCode, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(answer),
  });
  response.end(answer);
  logLine(`${statusCode} - ${colorToReturn}${delayText}`);
}

const PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Rollouts Demo</title>
<style>
body { margin: 0; padding: 15px; background: #010101; color: #a0a0a0; font-family: Menlo, monospace; }
h1 { font-weight: 500; font-size: 20px; } h1 span { color: #FB823D; }
.grid { display: grid; grid-template-columns: repeat(24, 30px); gap: 5px; }
.px { width: 30px; height: 30px; border-radius: 50%; background: #1a1a1a; transition: background 0.3s; }
.red { background: #FB3D3D; } .orange { background: #FB823D; } .yellow { background: #C9FF0D; }
.green { background: #3DFB78; } .blue { background: #0B9AFF; } .purple { background: #6D3DFB; }
.error { outline: 3px solid #7a0000; opacity: 0.5; }
#counts span { margin-right: 16px; }
</style>
</head>
<body>
<h1>ARGO ROLLOUTS <span>DEMO</span></h1>
<div id="counts"></div>
<p></p>
<div id="grid" class="grid"></div>
<script>
const grid = document.getElementById('grid');
const counts = {};
const cells = [];
for (let i = 0; i < 24 * 12; i++) { const c = document.createElement('div'); c.className = 'px'; grid.appendChild(c); cells.push(c); }
function record(color, error) {
  const cell = cells[Math.floor(Math.random() * cells.length)];
  cell.className = 'px ' + color + (error ? ' error' : '');
  setTimeout(() => { cell.className = 'px'; }, 4000);
  counts[color] = (counts[color] || 0) + 1;
  document.getElementById('counts').innerHTML = Object.keys(counts).sort()
    .map((name) => '<span class="' + name + '-text">' + name + ': ' + counts[name] + '</span>').join('');
}
function poll() {
  fetch('./color', { method: 'POST', body: '[]' })
    .then((res) => res.json().then((color) => record(color, res.status === 500)))
    .catch(() => undefined)
    .finally(() => setTimeout(poll, 50));
}
poll();
</script>
</body>
</html>
`;

function serveFiles(request: IncomingMessage, response: ServerResponse): void {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  if (path === '/index.html') {
    response.writeHead(301, { Location: './' }).end();
  } else if (path === '/') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
  } else {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    response.end('404 page not found\n');
  }
}

let shuttingDown = false;
const server = createServer((request, response) => {
  if (shuttingDown) response.setHeader('Connection', 'close');
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  if (path === '/color') {
    answerColor(request, response).catch(() => response.destroy());
  } else {
    serveFiles(request, response);
  }
});

function splitListenAddr(): { host: string; port: number } {
  const fallbackHost = process.env.HOST ?? '0.0.0.0';
  if (listenAddr === undefined) return { host: fallbackHost, port: Number(process.env.PORT ?? 8080) };
  const colon = listenAddr.lastIndexOf(':');
  const host = listenAddr.slice(0, colon).replace(/^\[|\]$/g, '');
  return { host: host === '' ? fallbackHost : host, port: Number(listenAddr.slice(colon + 1)) };
}

const { host, port } = splitListenAddr();
server.on('error', (error: Error) => {
  logLine(`Could not listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, host, () => logLine(`Started server on ${listenAddr ?? `:${port}`}`));

function stopServer(): void {
  server.close(() => {
    logLine('Server stopped');
    process.exit(0);
  });
  server.closeIdleConnections();
}

let delayTimer: NodeJS.Timeout | undefined;
function handleSignal(signal: NodeJS.Signals): void {
  if (shuttingDown) {
    logLine('Second signal caught. Shutting down NOW');
    if (delayTimer !== undefined) clearTimeout(delayTimer);
    stopServer();
    return;
  }
  shuttingDown = true;
  const name = signal === 'SIGTERM' ? 'terminated' : 'interrupt';
  logLine(`Signal ${name} caught. Shutting down in ${terminationDelay}s`);
  delayTimer = setTimeout(stopServer, terminationDelay * 1000);
}
process.on('SIGTERM', handleSignal);
process.on('SIGINT', handleSignal);
