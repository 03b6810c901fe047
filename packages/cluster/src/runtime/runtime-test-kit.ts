// Helpers for runtime tests: pod sandboxes, pod addresses, free ports, CRI log reading, process liveness, HTTP GET.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContainerStartSpec } from './container-runtime.js';
import { parseCriLogLine, type CriLogEntry } from './cri-log-writer.js';

/** A pod address in 127.0.10.0/24, picked at random so test files running side by side rarely share one. */
export function pickTestPodIP(): string {
  return `127.0.10.${10 + Math.floor(Math.random() * 240)}`;
}

/** A port that is free on `host` right now. */
export function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PodSandbox {
  readonly podDir: string;
  readonly logPath: string;
  readonly podIP: string;
  /** A start spec for this sandbox; fields given override the defaults. */
  spec(container: Partial<ContainerStartSpec> & Pick<ContainerStartSpec, 'image'>): ContainerStartSpec;
  cleanup(): void;
}

/** A fresh pod folder under the OS temp dir, with a log path and a pod address. */
export function createPodSandbox(): PodSandbox {
  const root = mkdtempSync(join(tmpdir(), 'aviary-runtime-'));
  const podDir = join(root, 'pod');
  const logPath = join(root, 'logs', 'c', '0.log');
  const podIP = pickTestPodIP();
  return {
    podDir,
    logPath,
    podIP,
    spec: (container) => ({
      podUid: 'uid-1',
      podName: 'pod-1',
      namespace: 'default',
      containerName: 'c',
      env: {},
      podIP,
      ports: [],
      podDir,
      logPath,
      restartCount: 0,
      ...container,
    }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

const NANO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/;

/** Reads a CRI log file; throws on a line that is not in the CRI format. */
export function readCriLog(path: string): CriLogEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const entry = parseCriLogLine(line);
      if (entry === undefined || !NANO_TIME.test(entry.time) || !line.startsWith(`${entry.time} ${entry.stream} ${entry.tag} `)) {
        throw new Error(`not a CRI log line: ${JSON.stringify(line)}`);
      }
      return entry;
    });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls the log until a line's content matches; returns the match. */
export async function waitForLogLine(path: string, pattern: RegExp, timeoutMs = 8_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const entry of readCriLog(path)) {
      const match = pattern.exec(entry.content);
      if (match !== null) return match;
    }
    if (Date.now() > deadline) throw new Error(`no log line matching ${pattern} in ${path}`);
    await delay(25);
  }
}

/** Is the process still running (zombies count as gone)? */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** Polls until the process is gone; false if it is still alive after `timeoutMs`. */
export async function waitForProcessGone(pid: number, timeoutMs = 2_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await delay(20);
  }
  return true;
}

/** One HTTP request without keep-alive. */
export function sendHttpRequest(options: {
  url: string;
  method?: string;
  body?: string;
}): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(options.url, { method: options.method ?? 'GET', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Retries a GET until the server answers (it may still be starting). */
export async function waitForHttp(url: string, timeoutMs = 10_000): Promise<{ status: number; body: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await sendHttpRequest({ url });
    } catch (error: unknown) {
      if (Date.now() > deadline) throw error;
      await delay(30);
    }
  }
}
