// SqliteStore: the shared Store conformance suite, plus history from the table, compaction rows and kill -9 durability.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore, stateDbPath } from './sqlite-store.js';
import type { SqliteStoreOptions } from './sqlite-store.js';
import { CompactedError } from './store.js';
import { StoreFailedError } from './store-failed-error.js';
import type { KubeObject } from '@aviary/kube';
import type { Store, StoreEvent } from './store.js';
import { describeStoreConformance } from './store-conformance.js';

const directories: string[] = [];

function makeDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aviary-store-'));
  directories.push(dir);
  return dir;
}

function openStore(options: Partial<SqliteStoreOptions> = {}): { store: SqliteStore; path: string } {
  const path = options.path ?? stateDbPath(join(makeDataDir(), 'data'));
  return { store: SqliteStore.open({ onListenerError: () => undefined, ...options, path }), path };
}

afterEach(() => {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describeStoreConformance('SqliteStore', async () => {
  const dir = makeDataDir();
  const path = stateDbPath(dir);
  let current: Store = SqliteStore.open({ path, onListenerError: () => undefined });
  return {
    store: current,
    reopen: async () => {
      current.close();
      current = SqliteStore.open({ path, onListenerError: () => undefined });
      return current;
    },
    cleanup: async () => current.close(),
  };
});

describeStoreConformance('SqliteStore with background checkpoints', async () => {
  const dir = makeDataDir();
  const path = stateDbPath(dir);
  const open = (): Store => SqliteStore.open({ path, onListenerError: () => undefined, backgroundCheckpoint: true });
  let current = open();
  return {
    store: current,
    reopen: async () => {
      current.close();
      current = open();
      return current;
    },
    cleanup: async () => current.close(),
  };
});

function pod(name: string, spec?: Record<string, unknown>): KubeObject {
  return spec ? ({ metadata: { name }, spec } as KubeObject) : { metadata: { name } };
}

function podKey(name: string): string {
  return `/core/pods/default/${name}`;
}

function describeEvent(event: StoreEvent): string {
  return `${event.type} ${event.key}@${event.revision} rv=${event.object.metadata?.resourceVersion} prev=${event.previous?.metadata?.resourceVersion ?? '-'}`;
}

describe('SqliteStore', () => {
  it('creates the data directory and opens state.db in WAL mode', () => {
    const { store, path } = openStore();
    store.create(podKey('a'), pod('a'));
    store.close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('replays watch history older than its buffer from the table, then the buffer, then live', () => {
    const { store } = openStore({ historyCapacity: 3 });
    store.create(podKey('a'), pod('a'));
    store.create(podKey('b'), pod('b'));
    store.create('/core/configmaps/default/c', pod('c'));
    store.update(podKey('a'), pod('a', { x: 1 }));
    store.delete(podKey('b'));
    store.update(podKey('a'), pod('a', { x: 2 }));
    const events: StoreEvent[] = [];
    store.watch('/core/pods/', 0, (event) => events.push(event));
    store.create(podKey('d'), pod('d'));
    expect(events.map(describeEvent)).toEqual([
      `ADDED ${podKey('a')}@1 rv=1 prev=-`,
      `ADDED ${podKey('b')}@2 rv=2 prev=-`,
      `MODIFIED ${podKey('a')}@4 rv=4 prev=1`,
      `DELETED ${podKey('b')}@5 rv=5 prev=2`,
      `MODIFIED ${podKey('a')}@6 rv=6 prev=4`,
      `ADDED ${podKey('d')}@7 rv=7 prev=-`,
    ]);
    expect(events[4]!.object).toMatchObject({ spec: { x: 2 } });
    store.close();
  });

  it('replays in order even when a listener writes during the replay', () => {
    const { store } = openStore({ historyCapacity: 2 });
    for (let i = 0; i < 5; i++) store.create(podKey(`p${i}`), pod(`p${i}`));
    const revisions: number[] = [];
    store.watch('/core/pods/', 0, (event) => {
      revisions.push(event.revision);
      if (event.revision === 2) store.create(podKey('late'), pod('late'));
    });
    expect(revisions).toEqual([1, 2, 3, 4, 5, 6]);
    store.close();
  });

  it('compaction deletes superseded rows and tombstones at or below the target, and nothing newer', () => {
    const { store } = openStore();
    store.create(podKey('a'), pod('a')); // 1
    store.create(podKey('b'), pod('b')); // 2
    store.delete(podKey('b')); // 3
    for (let i = 0; i < 5; i++) store.update(podKey('a'), pod('a', { i })); // 4..8
    expect(store.logRowCount()).toBe(8);
    store.compact(3); // target 5: drops 1, 2, 3, 4; keeps 5 (the base of 6), 6, 7, 8
    expect(store.logRowCount()).toBe(4);
    expect(store.oldestWatchableRevision()).toBe(5);
    store.compact(10); // nothing older than 5 remains to compact
    expect(store.logRowCount()).toBe(4);
    store.compact(0); // target 8: only the live row is left
    expect(store.logRowCount()).toBe(1);
    expect(store.get(podKey('a'))?.object).toMatchObject({ spec: { i: 4 } });
    store.close();
  });

  it('keeps the revision after compaction removed the newest row', () => {
    const { store, path } = openStore();
    store.create(podKey('a'), pod('a'));
    store.delete(podKey('a'));
    store.compact(0);
    expect(store.logRowCount()).toBe(0);
    store.close();
    const reopened = SqliteStore.open({ path });
    expect(reopened.currentRevision()).toBe(2);
    expect(() => reopened.watch('/core/pods/', 1, () => undefined)).toThrow(CompactedError);
    expect(reopened.create(podKey('a'), pod('a')).revision).toBe(3);
    reopened.close();
  });

  it('compacts by itself when compactKeep is set', () => {
    const { store } = openStore({ compactKeep: 5 });
    store.create(podKey('a'), pod('a'));
    for (let i = 0; i < 30; i++) store.update(podKey('a'), pod('a', { i }));
    expect(store.currentRevision()).toBe(31);
    expect(store.oldestWatchableRevision()).toBeGreaterThanOrEqual(31 - 11);
    expect(store.logRowCount()).toBeLessThanOrEqual(12);
    store.close();
  });

  it('commits the writes of one event-loop turn in one transaction, after the turn, and says when', async () => {
    const { store, path } = openStore();
    const reader = new Database(path, { readonly: true });
    const rowsInDb = (): number => (reader.prepare('SELECT count(*) AS n FROM log').get() as { n: number }).n;
    store.create(podKey('a'), pod('a'));
    store.create(podKey('b'), pod('b'));
    store.update(podKey('a'), pod('a', { replicas: 2 }));
    // Visible to reads at once; not yet in the database.
    expect((store.get(podKey('a'))?.object as { spec?: unknown } | undefined)?.spec).toEqual({ replicas: 2 });
    expect(store.currentRevision()).toBe(3);
    expect(store.durableRevision()).toBe(0);
    expect(rowsInDb()).toBe(0);
    await store.whenDurable(3);
    expect(store.durableRevision()).toBe(3);
    expect(rowsInDb()).toBe(3);
    await expect(store.whenDurable(2)).resolves.toBeUndefined();
    reader.close();
    store.close();
  });

  it('rejects the waiters of a commit that fails and refuses further use, instead of serving writes it lost', async () => {
    const { store, path } = openStore();
    store.create(podKey('a'), pod('a'));
    await store.whenDurable(1);
    // Another connection removes the table: the next group commit cannot insert.
    const other = new Database(path);
    other.exec('DROP TABLE log');
    other.close();
    store.create(podKey('b'), pod('b'));
    await expect(store.whenDurable(2)).rejects.toThrow(/could not commit its writes.*no such table: log/);
    expect(() => store.get(podKey('a'))).toThrow(StoreFailedError);
    expect(() => store.create(podKey('c'), pod('c'))).toThrow(StoreFailedError);
    await expect(store.whenDurable(1)).rejects.toThrow(StoreFailedError);
    store.close();
  });

  it('has a UNIQUE (name, prev_revision) index, so two writes cannot replace the same row', () => {
    const { store, path } = openStore();
    store.create(podKey('a'), pod('a'));
    store.close();
    const db = new Database(path);
    const insert = db.prepare('INSERT INTO log (name, created, deleted, prev_revision, value) VALUES (?, 0, 0, ?, ?)');
    insert.run(podKey('a'), 1, '{}');
    expect(() => insert.run(podKey('a'), 1, '{}')).toThrow(/UNIQUE/);
    db.close();
  });

  it('keeps every acknowledged write when the writing process is killed with SIGKILL', async () => {
    const path = stateDbPath(makeDataDir());
    const script = fileURLToPath(new URL('./testdata/durability-writer.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      acknowledged.push(...lines);
      if (acknowledged.length >= 2_000) child.kill('SIGKILL');
    });
    const signal = await exited;
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(2_000);
    const store = SqliteStore.open({ path });
    const missing = acknowledged.filter((key) => store.get(key) === undefined);
    expect(missing).toEqual([]);
    expect(store.currentRevision()).toBeGreaterThanOrEqual(acknowledged.length);
    store.close();
  }, 60_000); // a child process under a loaded machine (the whole suite in parallel) can take a while to start
});
