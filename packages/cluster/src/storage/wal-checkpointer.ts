// Checkpoints a SQLite WAL from a worker thread (its own connection), so a checkpoint's copying and fsyncs never
// stall the event loop; the writing connection then only appends to the WAL, which syncs nothing in NORMAL mode.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The worker: one connection, one PASSIVE checkpoint per request (it never waits for locks or blocks writers). */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try { db = new Database(workerData.path, { fileMustExist: true }); } catch { db = undefined; }
parentPort.on('message', (message) => {
  if (message === 'close') {
    try { db?.close(); } catch {}
    process.exit(0);
  }
  try { db?.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  parentPort.postMessage('done');
});
`;

export interface WalCheckpointerOptions {
  /** The database file (already open elsewhere in WAL mode). */
  readonly path: string;
  /** How often to checkpoint while there are new writes (default 200 ms). */
  readonly intervalMs?: number;
}

export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly timer: NodeJS.Timeout;
  private written = false;
  private running = false;
  private closed = false;

  constructor(options: WalCheckpointerOptions) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(workerSource, { eval: true, workerData: { path: options.path, driver } });
    this.worker.unref();
    this.worker.on('message', () => {
      this.running = false;
    });
    // A checkpointer that fails to start leaves checkpoints to the writer's own autocheckpoint.
    this.worker.on('error', () => undefined);
    this.timer = setInterval(() => this.checkpoint(), options.intervalMs ?? 200);
    this.timer.unref();
  }

  /** Notes a commit: the next tick checkpoints. */
  noteWrite(): void {
    this.written = true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.worker.postMessage('close');
  }

  private checkpoint(): void {
    if (!this.written || this.running || this.closed) return;
    this.written = false;
    this.running = true;
    this.worker.postMessage('checkpoint');
  }
}
