// The SQLite side of SqliteStore: kine's append-only log table, its pragmas and prepared statements.
// Shape after k3s-io/kine pkg/drivers/sqlite/sqlite.go and pkg/logstructured/sqllog/sql.go (written anew, simplified).
import Database from 'better-sqlite3';
import type { StoreWrite } from './revisioned-index.js';

/**
 * One row per revision: `id` is the revision (the resourceVersion). A create, update or delete each inserts
 * a row; `prev_revision` is the row it replaces, and UNIQUE(name, prev_revision) makes two writes from the same
 * base conflict. Tombstones (`deleted = 1`) carry no value: the last value is the row they replace.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  created INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0,
  prev_revision INTEGER NOT NULL DEFAULT 0,
  value TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS log_name_prev_revision ON log (name, prev_revision);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
`;

const COMPACT_REVISION = 'compact_revision';

export interface LogRow {
  readonly id: number;
  readonly name: string;
  readonly created: number;
  readonly deleted: number;
  readonly value: string | null;
  /** The value of the row this one replaced (null for creates, and for rows whose base was compacted). */
  readonly prev: string | null;
}

export interface LiveRow {
  readonly id: number;
  readonly name: string;
  readonly value: string;
}


/** The log table over one connection. Every method is one statement or one transaction. */
export class SqliteLog {
  private readonly statements;
  private readonly appendAllInTransaction: (rows: readonly StoreWrite[]) => void;

  constructor(
    readonly db: Database.Database,
    options: { readonly backgroundCheckpoint?: boolean } = {},
  ) {
    db.pragma('journal_mode = WAL');
    // In WAL mode, NORMAL syncs at checkpoints only: a committed write survives the process being killed
    // (it is in the WAL file), though not a power cut.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // Checkpoint every 16 MiB of WAL rather than 4 MiB: fewer fsyncs and page rewrites (about +15% writes/s).
    // With a background checkpointer (wal-checkpointer.ts) this is only a backstop at 64 MiB: the worker has
    // already copied nearly every frame, so the backstop's checkpoint is short and lets the WAL start over.
    db.pragma(`wal_autocheckpoint = ${options.backgroundCheckpoint ? 16_384 : 4096}`);
    db.exec(SCHEMA);
    this.statements = {
      insert: db.prepare<[number, string, number, number, number, string | null]>(
        'INSERT INTO log (id, name, created, deleted, prev_revision, value) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertCreate: db.prepare<[number, string, string, string]>(
        `INSERT INTO log (id, name, created, deleted, prev_revision, value)
         VALUES (?, ?, 1, 0, coalesce((SELECT max(id) FROM log WHERE name = ?), 0), ?)`,
      ),
      sequence: db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'log'"),
      maxId: db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM log'),
      live: db.prepare<[], LiveRow>(
        'SELECT id, name, value FROM log WHERE id IN (SELECT max(id) FROM log GROUP BY name) AND deleted = 0',
      ),
      history: db.prepare<[number, number, number], LogRow>(
        `SELECT l.id, l.name, l.created, l.deleted, l.value, p.value AS prev
         FROM log l LEFT JOIN log p ON p.id = l.prev_revision
         WHERE l.id > ? AND l.id <= ? ORDER BY l.id LIMIT ?`,
      ),
      deleteSuperseded: db.prepare<[number, number]>(
        'DELETE FROM log WHERE id IN (SELECT prev_revision FROM log WHERE id > ? AND id <= ? AND prev_revision > 0)',
      ),
      deleteTombstones: db.prepare<[number, number]>('DELETE FROM log WHERE deleted = 1 AND id > ? AND id <= ?'),
      readMeta: db.prepare<[string], { value: number }>('SELECT value FROM meta WHERE name = ?'),
      writeMeta: db.prepare<[string, number]>(
        'INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
      ),
    };
    const { insert, insertCreate } = this.statements;
    this.appendAllInTransaction = db.transaction((rows: readonly StoreWrite[]) => {
      for (const row of rows) {
        if (row.created) insertCreate.run(row.revision, row.key, row.key, row.value ?? 'null');
        else insert.run(row.revision, row.key, 0, row.deleted ? 1 : 0, row.prevRevision, row.value);
      }
    });
  }

  static open(path: string, options: { readonly backgroundCheckpoint?: boolean } = {}): SqliteLog {
    return new SqliteLog(new Database(path), options);
  }

  /** The newest revision ever written; AUTOINCREMENT's sequence survives even if compaction removed that row. */
  currentRevision(): number {
    return this.statements.sequence.get()?.seq ?? this.statements.maxId.get()?.id ?? 0;
  }

  compactRevision(): number {
    return this.statements.readMeta.get(COMPACT_REVISION)?.value ?? 0;
  }

  /**
   * Appends rows in one transaction (a group commit): a create links to the key's newest row (its tombstone
   * after a delete), the others carry their prevRevision. All or none are written.
   */
  appendAll(rows: readonly StoreWrite[]): void {
    this.appendAllInTransaction(rows);
  }

  /** Every live key's newest row, in no particular order. */
  liveRows(): IterableIterator<LiveRow> {
    return this.statements.live.iterate();
  }

  /** Up to `limit` rows with `after < id <= through`, oldest first, each with the value it replaced. */
  readHistory(after: number, through: number, limit: number): LogRow[] {
    return this.statements.history.all(after, through, limit);
  }

  /**
   * Deletes every row replaced by a row at or below `target`, and tombstones at or below it, then records
   * `target` as the compact revision, in one transaction. Rows at or below `from` were handled by the last compaction.
   */
  compact(from: number, target: number): void {
    this.db.transaction(() => {
      this.statements.deleteSuperseded.run(from, target);
      this.statements.deleteTombstones.run(from, target);
      this.statements.writeMeta.run(COMPACT_REVISION, target);
    }).immediate();
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  rowCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM log').get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
