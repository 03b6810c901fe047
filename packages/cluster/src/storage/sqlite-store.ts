// SqliteStore: the durable Store — kine's append-only log in SQLite, live objects indexed in memory, watch from history.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KubeObject } from '@aviary/kube';
import { LiveIndex } from './live-index.js';
import type { LiveEntry } from './live-index.js';
import { encodeObject, lazyStoredObject, restampJson } from './object-codec.js';
import { isPrevRevisionConflict, SqliteLog } from './sqlite-log.js';
import type { LogRow } from './sqlite-log.js';
import {
  CompactedError,
  KeyExistsError,
  KeyNotFoundError,
  RevisionConflictError,
  StoreEventType,
  type ListParams,
  type ListResult,
  type Store,
  type StoredObject,
  type StoreEvent,
  type StoreKey,
  type StoreListener,
  type StoreWatch,
} from './store.js';
import { StoreClosedError } from './store-closed-error.js';
import { WalCheckpointer } from './wal-checkpointer.js';
import { WatchHub } from './watch-hub.js';
import type { RecordedEvent } from './watch-hub.js';

/** The database file inside an Aviary data directory. */
export const STATE_DB_FILE = 'state.db';

export function stateDbPath(dataDir: string): string {
  return join(dataDir, STATE_DB_FILE);
}

export interface SqliteStoreOptions {
  /** The database file, usually `stateDbPath(dataDir)`; its directory is created if missing. */
  path: string;
  /** How many recent events are kept in memory for watches (default 10,000); older ones are read from the table. */
  historyCapacity?: number;
  /**
   * Compact automatically: once more than 2 × compactKeep revisions lie above the compact revision, compact to
   * the newest compactKeep. Off when absent; the API server can call compact() itself instead.
   */
  compactKeep?: number;
  /** Called when a watch listener throws (default: console.error). */
  onListenerError?: (error: unknown, event: StoreEvent) => void;
  /**
   * Checkpoint the WAL from a worker thread (default false), so writes never wait for a checkpoint's fsyncs:
   * for a server; tests and short-lived tools do not need the extra thread.
   */
  backgroundCheckpoint?: boolean;
}

/** Rows read per query when a watch replays history older than the in-memory buffer. */
const HISTORY_CHUNK = 500;

/**
 * Reads are served from memory (key → revision + JSON, about the size of the JSON); every write is one
 * INSERT committed before the method returns, so an acknowledged write survives the process being killed.
 */
export class SqliteStore implements Store {
  private readonly live = new LiveIndex();
  private readonly hub: WatchHub;
  private revision: number;
  private compactedThrough: number;
  private closed = false;

  private readonly checkpointer: WalCheckpointer | undefined;

  private constructor(
    private readonly log: SqliteLog,
    private readonly options: SqliteStoreOptions,
  ) {
    this.revision = log.currentRevision();
    this.compactedThrough = log.compactRevision();
    for (const row of log.liveRows()) this.live.set(row.name, { revision: row.id, json: row.value });
    this.hub = new WatchHub({
      startRevision: this.revision,
      ...(options.historyCapacity !== undefined && { capacity: options.historyCapacity }),
      ...(options.onListenerError && { onListenerError: options.onListenerError }),
    });
    this.checkpointer = options.backgroundCheckpoint ? new WalCheckpointer({ path: options.path }) : undefined;
  }

  static open(options: SqliteStoreOptions): SqliteStore {
    mkdirSync(dirname(options.path), { recursive: true });
    const log = SqliteLog.open(options.path, { backgroundCheckpoint: options.backgroundCheckpoint === true });
    try {
      return new SqliteStore(log, options);
    } catch (error: unknown) {
      log.close();
      throw error;
    }
  }

  currentRevision(): number {
    return this.revision;
  }

  get(key: StoreKey): StoredObject | undefined {
    this.checkOpen();
    return this.live.get(key);
  }

  list(prefix: StoreKey, params: ListParams = {}): ListResult {
    this.checkOpen();
    return this.live.list(prefix, params, this.revision);
  }

  create(key: StoreKey, object: KubeObject): StoredObject {
    this.checkOpen();
    if (this.live.has(key)) throw new KeyExistsError(key);
    const revision = this.revision + 1;
    const json = encodeObject(object, revision);
    try {
      this.log.appendCreate(revision, key, json);
    } catch (error: unknown) {
      if (isPrevRevisionConflict(error)) throw new KeyExistsError(key);
      throw error;
    }
    this.committed(key, { revision, json });
    this.hub.publish({ type: StoreEventType.Added, key, revision, json });
    this.compactIfDue();
    return lazyStoredObject(key, revision, json);
  }

  update(key: StoreKey, object: KubeObject, expectedRevision?: number): StoredObject {
    this.checkOpen();
    const current = this.currentEntry(key, expectedRevision);
    const revision = this.revision + 1;
    const json = encodeObject(object, revision);
    this.appendReplacing(key, current, { revision, deleted: false, value: json }, expectedRevision);
    this.committed(key, { revision, json });
    this.hub.publish({ type: StoreEventType.Modified, key, revision, json, previousJson: current.json });
    this.compactIfDue();
    return lazyStoredObject(key, revision, json);
  }

  delete(key: StoreKey, expectedRevision?: number): StoredObject {
    this.checkOpen();
    const current = this.currentEntry(key, expectedRevision);
    const revision = this.revision + 1;
    this.appendReplacing(key, current, { revision, deleted: true, value: null }, expectedRevision);
    const json = restampJson(current.json, revision);
    this.checkpointer?.noteWrite();
    this.revision = revision;
    this.live.remove(key);
    const deleted = lazyStoredObject(key, revision, json);
    this.hub.publish({ type: StoreEventType.Deleted, key, revision, json, previousJson: current.json });
    this.compactIfDue();
    return deleted;
  }

  watch(prefix: StoreKey, afterRevision: number, listener: StoreListener): StoreWatch {
    this.checkOpen();
    if (afterRevision < this.compactedThrough) throw new CompactedError(afterRevision, this.compactedThrough);
    return this.hub.watch(prefix, afterRevision, listener, (after, through, watchedPrefix) =>
      this.readHistory(after, through, watchedPrefix),
    );
  }

  /** History above the compact revision is all in the table, so any later revision can be watched from. */
  oldestWatchableRevision(): number {
    return this.compactedThrough;
  }

  compact(keepRevisions: number): void {
    this.checkOpen();
    const target = this.revision - Math.max(0, Math.floor(keepRevisions));
    if (target <= this.compactedThrough) return;
    this.log.compact(this.compactedThrough, target);
    this.compactedThrough = target;
    this.hub.dropThrough(target);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.hub.stopAll();
    this.live.clear();
    this.checkpointer?.close();
    this.log.close();
  }

  /** Rows in the log table (live values, history and tombstones); for tests and benchmarks. */
  logRowCount(): number {
    this.checkOpen();
    return this.log.rowCount();
  }

  private appendReplacing(
    key: StoreKey,
    current: LiveEntry,
    row: { revision: number; deleted: boolean; value: string | null },
    expectedRevision: number | undefined,
  ): void {
    try {
      this.log.append({ ...row, key, created: false, prevRevision: current.revision });
    } catch (error: unknown) {
      if (!isPrevRevisionConflict(error)) throw error;
      // Another writer replaced this row first (only possible with a second process on the same file).
      const actual = this.log.latestRevision(key);
      throw new RevisionConflictError(key, expectedRevision ?? current.revision, actual);
    }
  }

  private *readHistory(after: number, through: number, prefix: StoreKey): Generator<RecordedEvent> {
    let cursor = after;
    while (cursor < through) {
      const rows = this.log.readHistory(cursor, through, HISTORY_CHUNK);
      if (rows.length === 0) return;
      for (const row of rows) {
        cursor = row.id;
        if (row.name.startsWith(prefix)) yield recordedEventOf(row);
      }
    }
  }

  private committed(key: StoreKey, entry: LiveEntry): void {
    this.checkpointer?.noteWrite();
    this.revision = entry.revision;
    this.live.set(key, entry);
  }

  private compactIfDue(): void {
    const keep = this.options.compactKeep;
    if (keep === undefined || keep < 0) return;
    if (this.revision - this.compactedThrough > 2 * Math.max(keep, 1)) this.compact(keep);
  }

  private currentEntry(key: StoreKey, expectedRevision: number | undefined): LiveEntry {
    const current = this.live.entry(key);
    if (!current) throw new KeyNotFoundError(key);
    if (expectedRevision !== undefined && expectedRevision !== current.revision) {
      throw new RevisionConflictError(key, expectedRevision, current.revision);
    }
    return current;
  }

  private checkOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

/** Turns a log row back into the event its write published. */
function recordedEventOf(row: LogRow): RecordedEvent {
  const base = { key: row.name, revision: row.id };
  if (row.created) return { ...base, type: StoreEventType.Added, json: row.value ?? 'null' };
  if (row.prev === null) throw new Error(`store log row ${row.id} (${row.name}) lost the value it replaced`);
  if (row.deleted) {
    return { ...base, type: StoreEventType.Deleted, json: restampJson(row.prev, row.id), previousJson: row.prev };
  }
  return { ...base, type: StoreEventType.Modified, json: row.value ?? 'null', previousJson: row.prev };
}
