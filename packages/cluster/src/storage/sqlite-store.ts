// SqliteStore: the durable Store — kine's append-only log in SQLite, live objects indexed in memory, watch from history.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { restampJson } from './object-codec.js';
import { RevisionedIndex, type StoreWrite } from './revisioned-index.js';
import { SqliteLog } from './sqlite-log.js';
import type { LogRow } from './sqlite-log.js';
import { CompactedError, StoreEventType, type Store, type StoreEvent, type StoreKey, type StoreListener, type StoreWatch } from './store.js';
import { StoreClosedError } from './store-closed-error.js';
import { StoreFailedError } from './store-failed-error.js';
import { WalCheckpointer } from './wal-checkpointer.js';
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
 * Reads are served from memory (key → revision + JSON, about the size of the JSON). Writes take effect in
 * memory at once and are committed to SQLite together at the end of the event-loop turn (a group commit:
 * one transaction for every write of the turn); `whenDurable` tells callers when a write has reached the
 * database, and the API server answers only then, so an acknowledged write survives the process being
 * killed. A commit that fails leaves memory ahead of the database: the store then refuses further use.
 */
export class SqliteStore extends RevisionedIndex implements Store {
  private compactedThrough: number;
  private closed = false;
  /** Rows written since the last commit, in revision order. */
  private unflushed: StoreWrite[] = [];
  private flushScheduled = false;
  private durable: number;
  private readonly durableWaiters: { revision: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private failure: StoreFailedError | undefined;

  private readonly checkpointer: WalCheckpointer | undefined;

  private constructor(
    private readonly log: SqliteLog,
    private readonly options: SqliteStoreOptions,
  ) {
    super({
      startRevision: log.currentRevision(),
      ...(options.historyCapacity !== undefined && { historyCapacity: options.historyCapacity }),
      ...(options.onListenerError && { onListenerError: options.onListenerError }),
    });
    this.durable = this.revision;
    this.compactedThrough = log.compactRevision();
    for (const row of log.liveRows()) this.live.set(row.name, { revision: row.id, json: row.value });
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

  durableRevision(): number {
    return this.durable;
  }

  whenDurable(revision: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (revision <= this.durable) return Promise.resolve();
    return new Promise((resolve, reject) => this.durableWaiters.push({ revision, resolve, reject }));
  }

  /** Commits every pending write now (the end-of-turn group commit, also run before anything reads the table). */
  flush(): void {
    if (this.unflushed.length === 0) return;
    const rows = this.unflushed;
    this.unflushed = [];
    try {
      this.log.appendAll(rows);
    } catch (error: unknown) {
      this.fail(error);
      throw this.failure;
    }
    this.checkpointer?.noteWrite();
    this.durable = rows[rows.length - 1]!.revision;
    let released = 0;
    while (released < this.durableWaiters.length && this.durableWaiters[released]!.revision <= this.durable) released++;
    for (const waiter of this.durableWaiters.splice(0, released)) waiter.resolve();
  }

  watch(prefix: StoreKey, afterRevision: number, listener: StoreListener): StoreWatch {
    this.checkOpen();
    if (afterRevision < this.compactedThrough) throw new CompactedError(afterRevision, this.compactedThrough);
    if (afterRevision < this.hub.floor) this.flush();
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
    this.flush();
    this.log.compact(this.compactedThrough, target);
    this.compactedThrough = target;
    this.hub.dropThrough(target);
  }

  close(): void {
    if (this.closed) return;
    try {
      if (!this.failure) this.flush();
    } catch {
      // Recorded by fail(); closing goes on.
    }
    this.closed = true;
    this.fail(new StoreClosedError());
    this.hub.stopAll();
    this.live.clear();
    this.checkpointer?.close();
    this.log.close();
  }

  /** Rows in the log table (live values, history and tombstones); for tests and benchmarks. */
  logRowCount(): number {
    this.checkOpen();
    this.flush();
    return this.log.rowCount();
  }

  /** Queues a write's row for the end-of-turn commit. */
  protected record(row: StoreWrite): void {
    this.unflushed.push(row);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.closed || this.failure) return;
      try {
        this.flush();
      } catch {
        // fail() has recorded the failure and rejected every waiter: the callers report it.
      }
    });
  }

  /** Rejects every waiter and refuses further use (after a failed commit, or on close). */
  private fail(error: unknown): void {
    this.failure ??= error instanceof StoreClosedError ? undefined : new StoreFailedError(error);
    const reason = this.failure ?? error;
    for (const waiter of this.durableWaiters.splice(0)) waiter.reject(reason);
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

  protected override afterWrite(): void {
    const keep = this.options.compactKeep;
    if (keep === undefined || keep < 0) return;
    if (this.revision - this.compactedThrough > 2 * Math.max(keep, 1)) this.compact(keep);
  }

  protected checkOpen(): void {
    if (this.closed) throw new StoreClosedError();
    if (this.failure) throw this.failure;
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
