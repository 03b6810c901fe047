// API server benchmark: creates/s with 16 concurrent clients (and etcd's JSON gateway at the same concurrency),
// watch delivery latency with 100 watchers, and resident memory with 100,000 pod-sized objects stored.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuTimes, residentMiB, startProcess, stopProcess } from './support/child-process.js';
import { measureEtcdPuts } from './support/etcd.js';
import { JsonClient, percentile, runConcurrently } from './support/json-client.js';
import { makePod } from './support/pod-object.js';
import type { BenchResult } from './types.js';

// AVIARY_BENCH_PODS and AVIARY_BENCH_ETCD=0 shorten a run while profiling (AVIARY_CPU_PROF=<dir> profiles the server);
// AVIARY_BENCH_SERVER_MAIN=<file> runs another server entry (an older checkout's apiserver-main.ts, for before/after).
const CONCURRENCY = 16;
const CREATES = 20_000;
const STORED_PODS = Math.max(CREATES, Number(process.env.AVIARY_BENCH_PODS ?? 100_000));
const MEASURE_ETCD = process.env.AVIARY_BENCH_ETCD !== '0';
const NAMESPACES = 100;
const WATCHERS = 100;
const WATCHED_WRITES = 300;

/** Each namespace's ReplicaSet uid: pods name a live owner, so the garbage collector leaves them alone. */
type OwnerUids = readonly string[];

function podBody(index: number, owners: OwnerUids): unknown {
  const pod = makePod(index, NAMESPACES) as unknown as { metadata: Record<string, unknown> & { ownerReferences: { uid: string }[] }; status?: unknown };
  const { uid: _uid, creationTimestamp: _created, ownerReferences, ...metadata } = pod.metadata;
  const owner = ownerReferences.map((ref) => ({ ...ref, uid: owners[index % NAMESPACES] ?? ref.uid }));
  return { ...pod, metadata: { ...metadata, ownerReferences: owner } };
}

/** The namespaces, each with the ReplicaSet its pods name as their owner. */
async function createNamespaces(client: JsonClient): Promise<OwnerUids> {
  const owners: string[] = [];
  for (let i = 0; i < NAMESPACES; i++) {
    const res = await client.request('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${i}` } });
    if (res.status !== 201) throw new Error(`namespace create: ${res.status} ${res.text}`);
    const labels = { app: 'web', 'pod-template-hash': '7c9f8d6b5' };
    const rs = await client.request('POST', `/apis/apps/v1/namespaces/ns-${i}/replicasets`, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-7c9f8d6b5', labels },
      spec: { replicas: 0, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'argoproj/rollouts-demo:blue' }] } } },
    });
    if (rs.status !== 201) throw new Error(`replicaset create: ${rs.status} ${rs.text}`);
    owners.push((JSON.parse(rs.text) as { metadata: { uid: string } }).metadata.uid);
  }
  return owners;
}

/** Pods created in their namespaces by 16 loops; returns creates per second. */
async function createPods(client: JsonClient, owners: OwnerUids, from: number, count: number): Promise<number> {
  return runConcurrently(count, CONCURRENCY, async (i) => {
    const index = from + i;
    const res = await client.request('POST', `/api/v1/namespaces/ns-${index % NAMESPACES}/pods`, podBody(index, owners));
    if (res.status !== 201) throw new Error(`pod create: ${res.status} ${res.text.slice(0, 300)}`);
  });
}

/**
 * 100 watchers on one namespace; each write's delivery to every watcher, timed from when the write was sent.
 * The client stays lean: a regex picks the name out of each line, and the writer sleeps until the last delivery
 * (no polling loop competing with the server for the two cores).
 */
async function measureWatchLatency(client: JsonClient): Promise<number[]> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let delivered = 0;
  let waiting: { target: number; resolve: () => void } | undefined;
  const closers = await Promise.all(
    Array.from({ length: WATCHERS }, () =>
      client.stream('/api/v1/namespaces/ns-0/configmaps?watch=true&resourceVersion=0', (line) => {
        const now = performance.now();
        const sent = sentAt.get(watchedName.exec(line)?.[1] ?? '');
        if (sent === undefined) return;
        latencies.push(now - sent);
        delivered++;
        if (waiting && delivered >= waiting.target) waiting.resolve();
      }),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (let i = 0; i < WATCHED_WRITES; i++) {
    const name = `watched-${i}`;
    const target = delivered + WATCHERS;
    const allDelivered = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5_000);
      waiting = { target, resolve: () => (clearTimeout(timer), resolve()) };
    });
    sentAt.set(name, performance.now());
    const res = await client.request('POST', '/api/v1/namespaces/ns-0/configmaps', { metadata: { name }, data: { i: String(i) } });
    if (res.status !== 201) throw new Error(`configmap create: ${res.status}`);
    if (delivered < target) await allDelivered;
    waiting = undefined;
  }
  for (const close of closers) close();
  return latencies;
}

const watchedName = /"name":"(watched-\d+)"/;

/** With AVIARY_CPU_PROF set, starts or stops the server's CPU profile (see support/apiserver-main.ts). */
async function toggleProfile(pid: number): Promise<void> {
  if (!process.env.AVIARY_CPU_PROF) return;
  process.kill(pid, 'SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 300));
}

export async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aviary-bench-apiserver-'));
  const serverMain = process.env.AVIARY_BENCH_SERVER_MAIN ?? join(import.meta.dirname, 'support', 'apiserver-main.ts');
  const server = await startProcess(process.execPath, ['--import', 'tsx', serverMain, dataDir], /listening (\S+) (\d+)/);
  const url = server.match[1]!;
  const pid = Number(server.match[2]);
  const client = new JsonClient({
    baseUrl: url,
    ca: readFileSync(join(dataDir, 'pki', 'ca.crt'), 'utf8'),
    token: readFileSync(join(dataDir, 'token'), 'utf8').trim(),
    sockets: CONCURRENCY,
  });
  try {
    const owners = await createNamespaces(client);
    await toggleProfile(pid);
    const serverCpuBefore = cpuTimes(pid);
    const mainThreadBefore = cpuTimes(pid, pid);
    const clientCpuBefore = process.cpuUsage();
    const createsPerSecond = await createPods(client, owners, 0, CREATES);
    const serverCpuAfter = cpuTimes(pid);
    const mainThreadAfter = cpuTimes(pid, pid);
    const mainThreadPerCreate = ((mainThreadAfter.user + mainThreadAfter.system - mainThreadBefore.user - mainThreadBefore.system) / CREATES) * 1e6;
    const serverUserPerCreate = ((serverCpuAfter.user - serverCpuBefore.user) / CREATES) * 1e6;
    const serverSystemPerCreate = ((serverCpuAfter.system - serverCpuBefore.system) / CREATES) * 1e6;
    const serverCpuPerCreate = serverUserPerCreate + serverSystemPerCreate;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const clientCpuPerCreate = (clientCpu.user + clientCpu.system) / CREATES;
    await toggleProfile(pid);
    await toggleProfile(pid);
    const byEvent = await measureWatchLatency(client);
    const latencies = [...byEvent].sort((a, b) => a - b);
    // Deliveries come in event order, WATCHERS per event: how many events had a delivery past 10 ms.
    let slowEvents = 0;
    for (let at = 0; at < byEvent.length; at += WATCHERS) if (Math.max(...byEvent.slice(at, at + WATCHERS)) > 10) slowEvents++;
    await toggleProfile(pid);
    const started = performance.now();
    await createPods(client, owners, CREATES, STORED_PODS - CREATES);
    const fillSeconds = (performance.now() - started) / 1000;
    const listed = await client.request('GET', '/api/v1/namespaces/ns-0/pods');
    const storedInNs0 = (JSON.parse(listed.text) as { items: unknown[] }).items.length;
    if (storedInNs0 !== STORED_PODS / NAMESPACES) throw new Error(`ns-0 holds ${storedInNs0} pods, not ${STORED_PODS / NAMESPACES}`);
    global.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const rss = residentMiB(pid);
    const etcd = MEASURE_ETCD && await measureEtcdPuts({ count: CREATES, concurrency: CONCURRENCY, value: () => JSON.stringify(podBody(0, owners)) });
    const figures = [
      { label: `creates/s, ${CONCURRENCY} concurrent clients (pods, HTTPS, SQLite)`, value: createsPerSecond, unit: 'creates/s', goal: 3_000 },
      { label: `watch delivery p50, ${WATCHERS} watchers`, value: percentile(latencies, 50), unit: 'ms' },
      { label: `watch delivery p99, ${WATCHERS} watchers`, value: percentile(latencies, 99), unit: 'ms' },
      { label: `resident memory with ${STORED_PODS.toLocaleString('en-US')} pods stored`, value: rss, unit: 'MiB' },
    ];
    const notes = [
      `p99 goal ≤ 10 ms: ${percentile(latencies, 99) <= 10 ? 'met' : 'NOT met'}; memory goal ≤ 1024 MiB: ${rss <= 1024 ? 'met' : 'NOT met'}`,
      `CPU per create: server ${serverCpuPerCreate.toFixed(0)} µs (user ${serverUserPerCreate.toFixed(0)}, system ${serverSystemPerCreate.toFixed(0)}), bench client ${clientCpuPerCreate.toFixed(0)} µs; the server's main thread (its event loop) ${mainThreadPerCreate.toFixed(0)} µs, so it alone caps creates/s at ${Math.round(1e6 / mainThreadPerCreate).toLocaleString('en-US')}`,
      `${latencies.length} deliveries measured (${WATCHED_WRITES} writes × ${WATCHERS} watchers), from the moment each write was sent; p90 ${percentile(latencies, 90).toFixed(1)} ms, max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms; ${slowEvents} of ${WATCHED_WRITES} writes had a delivery over 10 ms (each can put up to 100 deliveries past 10 ms; p99 tolerates 300)`,
      `filling to ${STORED_PODS.toLocaleString('en-US')} pods took ${fillSeconds.toFixed(1)} s`,
    ];
    if (etcd) {
      figures.push({ label: `etcd ${etcd.version} puts/s via the JSON gateway, ${CONCURRENCY} concurrent clients`, value: etcd.putsPerSecond, unit: 'puts/s' });
      notes.push(`Aviary creates/s ÷ etcd puts/s = ${(createsPerSecond / etcd.putsPerSecond).toFixed(2)} (etcd stores only the value; Aviary also validates, defaults, serializes and fans out to watchers)`);
    } else if (MEASURE_ETCD) {
      notes.push('etcd not measured: etcd-server is not installed (apt-get install etcd-server)');
    }
    return { title: 'API server', figures, notes };
  } finally {
    client.close();
    await stopProcess(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
