// Store benchmark: raw SqliteStore creates/s, reads, reopen time and resident memory with 100,000 pod-sized objects.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { KubeObject } from '../packages/kube/src/index.js';
import { SqliteStore, stateDbPath } from '../packages/cluster/src/storage/index.js';
import { makePod } from './support/pod-object.js';
import type { BenchResult } from './types.js';

const OBJECTS = 100_000;
const NAMESPACES = 100;
const GOAL_CREATES_PER_SECOND = 5_000;
const GOAL_GETS_PER_SECOND = 50_000;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function mib(bytes: number): number {
  return bytes / 2 ** 20;
}

function settledMemory(): { rss: number; heap: number } {
  collectGarbage();
  collectGarbage();
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed + usage.external };
}


/** Heap cost of keeping the same objects parsed instead of as JSON text (the in-memory index's choice). */
function measureRepresentations(sample: number): { parsedBytesPerObject: number; jsonBytesPerObject: number } {
  const before = settledMemory().heap;
  const parsed = Array.from({ length: sample }, (_, i) => JSON.parse(JSON.stringify(makePod(i))) as KubeObject);
  const afterParsed = settledMemory().heap;
  const json = Array.from({ length: sample }, (_, i) => JSON.stringify(makePod(i)));
  const afterJson = settledMemory().heap;
  const result = {
    parsedBytesPerObject: (afterParsed - before) / parsed.length,
    jsonBytesPerObject: (afterJson - afterParsed) / json.length,
  };
  parsed.length = 0;
  json.length = 0;
  return result;
}

export async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'aviary-store-bench-'));
  const path = stateDbPath(dir);
  try {
    const podBytes = JSON.stringify(makePod(1)).length;
    const representations = measureRepresentations(10_000);
    const baseline = settledMemory();

    let store = SqliteStore.open({ path });
    const pods = Array.from({ length: 1_000 }, (_, i) => makePod(i));
    let started = performance.now();
    for (let i = 0; i < OBJECTS; i++) {
      const pod = pods[i % pods.length]!;
      const name = `${pod.metadata!.name}-${i}`;
      store.create(`/core/pods/${pod.metadata!.namespace}/${name}`, { ...pod, metadata: { ...pod.metadata, name } });
    }
    const createsPerSecond = OBJECTS / ((performance.now() - started) / 1000);
    const loaded = settledMemory();

    started = performance.now();
    const keys = Array.from({ length: 20_000 }, (_, i) => {
      const pod = pods[(i * 7) % pods.length]!;
      return `/core/pods/${pod.metadata!.namespace}/${pod.metadata!.name}-${(i * 7) % OBJECTS}`;
    });
    for (const key of keys) if (!store.get(key)) throw new Error(`missing ${key}`);
    const getsPerSecond = keys.length / ((performance.now() - started) / 1000);

    started = performance.now();
    const namespaceList = store.list('/core/pods/ns-7/');
    const namespaceListMs = performance.now() - started;
    started = performance.now();
    const fullList = store.list('/core/pods/', { limit: 500 });
    const pageMs = performance.now() - started;

    started = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const key = keys[i % keys.length]!;
      const current = store.get(key)!;
      store.update(key, { ...current.object, status: { phase: 'Running', round: i } } as KubeObject, current.revision);
    }
    const updatesPerSecond = 10_000 / ((performance.now() - started) / 1000);

    store.close();
    collectGarbage();
    started = performance.now();
    store = SqliteStore.open({ path });
    const reopenMs = performance.now() - started;
    const reopened = settledMemory();
    if (store.currentRevision() !== OBJECTS + 10_000) throw new Error('revision lost across reopen');
    store.close();

    return {
      title: `Store: SqliteStore with ${OBJECTS.toLocaleString('en-US')} pods of ${podBytes.toLocaleString('en-US')} bytes of JSON`,
      figures: [
        { label: 'creates/s (one INSERT + commit each)', value: createsPerSecond, unit: 'creates/s', goal: GOAL_CREATES_PER_SECOND },
        { label: 'guarded updates/s (get + update with expected revision)', value: updatesPerSecond, unit: 'updates/s', goal: GOAL_CREATES_PER_SECOND },
        { label: 'gets/s (from the in-memory index, JSON.parse per read)', value: getsPerSecond, unit: 'gets/s', goal: GOAL_GETS_PER_SECOND },
        { label: 'resident memory growth after 100,000 creates', value: mib(loaded.rss - baseline.rss), unit: 'MiB' },
        { label: 'heap + external growth after 100,000 creates', value: mib(loaded.heap - baseline.heap), unit: 'MiB' },
        { label: 'reopen (load 100,000 live objects)', value: reopenMs, unit: 'ms' },
        { label: 'resident memory growth after reopen', value: mib(reopened.rss - baseline.rss), unit: 'MiB' },
      ],
      notes: [
        `list one namespace (${namespaceList.items.length} pods): ${namespaceListMs.toFixed(1)} ms; first page of 500 across all: ${pageMs.toFixed(1)} ms (${fullList.items.length} items)`,
        `database file after the run: ${mib(statSync(path).size).toFixed(0)} MiB (plus WAL)`,
        `one pod kept parsed costs ~${Math.round(representations.parsedBytesPerObject).toLocaleString('en-US')} B of heap, as JSON text ~${Math.round(representations.jsonBytesPerObject).toLocaleString('en-US')} B: the index keeps JSON text`,
        'memory limit for this load: 1 GiB resident (figures are growth over the process baseline)',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
