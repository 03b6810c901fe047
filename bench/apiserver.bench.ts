// API server benchmark: creates/s with 16 concurrent clients (and etcd's JSON gateway at the same concurrency),
// watch delivery latency with 100 watchers, and resident memory with 100,000 pod-sized objects stored.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { residentMiB, startProcess, stopProcess } from './support/child-process.js';
import { measureEtcdPuts } from './support/etcd.js';
import { JsonClient, percentile, runConcurrently } from './support/json-client.js';
import { makePod } from './support/pod-object.js';
import type { BenchResult } from './types.js';

const CONCURRENCY = 16;
const CREATES = 20_000;
const STORED_PODS = 100_000;
const NAMESPACES = 100;
const WATCHERS = 100;
const WATCHED_WRITES = 300;

function podBody(index: number): unknown {
  const pod = makePod(index, NAMESPACES) as { metadata: Record<string, unknown>; status?: unknown };
  const { uid: _uid, creationTimestamp: _created, ...metadata } = pod.metadata;
  return { ...pod, metadata };
}

async function createNamespaces(client: JsonClient): Promise<void> {
  for (let i = 0; i < NAMESPACES; i++) {
    const res = await client.request('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${i}` } });
    if (res.status !== 201) throw new Error(`namespace create: ${res.status} ${res.text}`);
  }
}

/** Pods created in their namespaces by 16 loops; returns creates per second. */
async function createPods(client: JsonClient, from: number, count: number): Promise<number> {
  return runConcurrently(count, CONCURRENCY, async (i) => {
    const index = from + i;
    const res = await client.request('POST', `/api/v1/namespaces/ns-${index % NAMESPACES}/pods`, podBody(index));
    if (res.status !== 201) throw new Error(`pod create: ${res.status} ${res.text.slice(0, 300)}`);
  });
}

/** 100 watchers on one namespace; each write's delivery to every watcher, timed from when the write was sent. */
async function measureWatchLatency(client: JsonClient): Promise<number[]> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let delivered = 0;
  const closers = await Promise.all(
    Array.from({ length: WATCHERS }, () =>
      client.stream('/api/v1/namespaces/ns-0/configmaps?watch=true&resourceVersion=0', (line) => {
        const now = performance.now();
        const name = (JSON.parse(line) as { object?: { metadata?: { name?: string } } }).object?.metadata?.name ?? '';
        const sent = sentAt.get(name);
        if (sent === undefined) return;
        latencies.push(now - sent);
        delivered++;
      }),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (let i = 0; i < WATCHED_WRITES; i++) {
    const name = `watched-${i}`;
    const target = delivered + WATCHERS;
    sentAt.set(name, performance.now());
    const res = await client.request('POST', '/api/v1/namespaces/ns-0/configmaps', { metadata: { name }, data: { i: String(i) } });
    if (res.status !== 201) throw new Error(`configmap create: ${res.status}`);
    const deadline = performance.now() + 5_000;
    while (delivered < target && performance.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
  }
  for (const close of closers) close();
  return latencies.sort((a, b) => a - b);
}

export async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aviary-bench-apiserver-'));
  const server = await startProcess(process.execPath, ['--conditions=source', '--import', 'tsx', join(import.meta.dirname, 'support', 'apiserver-main.ts'), dataDir], /listening (\S+) (\d+)/);
  const url = server.match[1]!;
  const pid = Number(server.match[2]);
  const client = new JsonClient({
    baseUrl: url,
    ca: readFileSync(join(dataDir, 'pki', 'ca.crt'), 'utf8'),
    token: readFileSync(join(dataDir, 'token'), 'utf8').trim(),
    sockets: CONCURRENCY,
  });
  try {
    await createNamespaces(client);
    const createsPerSecond = await createPods(client, 0, CREATES);
    const latencies = await measureWatchLatency(client);
    const started = performance.now();
    await createPods(client, CREATES, STORED_PODS - CREATES);
    const fillSeconds = (performance.now() - started) / 1000;
    global.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const rss = residentMiB(pid);
    const etcd = await measureEtcdPuts({ count: CREATES, concurrency: CONCURRENCY, value: () => JSON.stringify(podBody(0)) });
    const figures = [
      { label: `creates/s, ${CONCURRENCY} concurrent clients (pods, HTTPS, SQLite)`, value: createsPerSecond, unit: 'creates/s', goal: 3_000 },
      { label: `watch delivery p50, ${WATCHERS} watchers`, value: percentile(latencies, 50), unit: 'ms' },
      { label: `watch delivery p99, ${WATCHERS} watchers`, value: percentile(latencies, 99), unit: 'ms' },
      { label: `resident memory with ${STORED_PODS.toLocaleString('en-US')} pods stored`, value: rss, unit: 'MiB' },
    ];
    const notes = [
      `p99 goal ≤ 10 ms: ${percentile(latencies, 99) <= 10 ? 'met' : 'NOT met'}; memory goal ≤ 1024 MiB: ${rss <= 1024 ? 'met' : 'NOT met'}`,
      `${latencies.length} deliveries measured (${WATCHED_WRITES} writes × ${WATCHERS} watchers), from the moment each write was sent`,
      `filling to ${STORED_PODS.toLocaleString('en-US')} pods took ${fillSeconds.toFixed(1)} s`,
    ];
    if (etcd) {
      figures.push({ label: `etcd ${etcd.version} puts/s via the JSON gateway, ${CONCURRENCY} concurrent clients`, value: etcd.putsPerSecond, unit: 'puts/s' });
      notes.push(`Aviary creates/s ÷ etcd puts/s = ${(createsPerSecond / etcd.putsPerSecond).toFixed(2)} (etcd stores only the value; Aviary also validates, defaults, serializes and fans out to watchers)`);
    } else {
      notes.push('etcd not measured: etcd-server is not installed (apt-get install etcd-server)');
    }
    return { title: 'API server', figures, notes };
  } finally {
    client.close();
    await stopProcess(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
