// CriLogWriter: appends a container's stdout/stderr to its log file in the CRI format the kubelet reads.
//
// Each line is `<RFC3339Nano timestamp> <stream> <tag> <content>`, tag `F` for a full line and `P` for a
// piece of a line longer than the runtime's buffer (as containerd does; see cri-api LogTag constants).
import { closeSync, createWriteStream, mkdirSync, openSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

export const LogStream = { Stdout: 'stdout', Stderr: 'stderr' } as const;
export type LogStream = (typeof LogStream)[keyof typeof LogStream];

export const LogTag = { Full: 'F', Partial: 'P' } as const;
export type LogTag = (typeof LogTag)[keyof typeof LogTag];

/** Lines longer than this are cut into `P` pieces (containerd's default max container log line size). */
export const MAX_LOG_LINE_BYTES = 16 * 1024;

export interface CriLogWriterOptions {
  readonly path: string;
  /** Wall-clock nanoseconds since the epoch; injected for tests. */
  readonly nowNanos?: () => bigint;
  readonly maxLineBytes?: number;
}

/** Wall-clock nanoseconds since the epoch, with sub-millisecond digits from the monotonic clock. */
export function readNowNanos(): bigint {
  const ms = performance.timeOrigin + performance.now();
  return BigInt(Math.floor(ms * 1_000_000));
}

/** Formats epoch nanoseconds as RFC 3339 with nine fractional digits: `2026-11-20T10:00:00.123456789Z`. */
export function formatRfc3339Nano(epochNanos: bigint): string {
  const ms = Number(epochNanos / 1_000_000n);
  const nanosInSecond = epochNanos % 1_000_000_000n;
  const seconds = new Date(ms).toISOString().slice(0, 19);
  return `${seconds}.${nanosInSecond.toString().padStart(9, '0')}Z`;
}

/** Formats one CRI log line (without the trailing newline). */
export function formatCriLogLine(options: { time: bigint; stream: LogStream; tag: LogTag; content: string }): string {
  return `${formatRfc3339Nano(options.time)} ${options.stream} ${options.tag} ${options.content}`;
}

/** Writes both streams of one container into one file, buffering each stream's unfinished line. */
export class CriLogWriter {
  private readonly out: WriteStream;
  private readonly nowNanos: () => bigint;
  private readonly maxLineBytes: number;
  private readonly pending: Record<LogStream, Buffer[]> = { stdout: [], stderr: [] };
  private readonly pendingBytes: Record<LogStream, number> = { stdout: 0, stderr: 0 };
  private closed = false;

  constructor(options: CriLogWriterOptions) {
    mkdirSync(dirname(options.path), { recursive: true });
    // The file exists from the moment the container starts (the stream itself opens asynchronously).
    closeSync(openSync(options.path, 'a'));
    this.out = createWriteStream(options.path, { flags: 'a' });
    this.out.on('error', () => undefined); // a log that cannot be written must not crash the kubelet
    this.nowNanos = options.nowNanos ?? readNowNanos;
    this.maxLineBytes = options.maxLineBytes ?? MAX_LOG_LINE_BYTES;
  }

  /** Adds a chunk of raw output from one stream. */
  write(stream: LogStream, chunk: Buffer | string): void {
    if (this.closed) return;
    let data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let newline = data.indexOf(0x0a); newline >= 0; newline = data.indexOf(0x0a)) {
      this.append(stream, data.subarray(0, newline));
      this.emit(stream, LogTag.Full);
      data = data.subarray(newline + 1);
    }
    if (data.length > 0) this.append(stream, data);
  }

  /** Writes one whole line on behalf of the runtime itself (for example the simulated runtime's notice). */
  writeLine(stream: LogStream, line: string): void {
    this.write(stream, `${line}\n`);
  }

  /** Flushes unfinished lines as full lines (the stream ended) and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    for (const stream of [LogStream.Stdout, LogStream.Stderr]) {
      if (this.pendingBytes[stream] > 0) this.emit(stream, LogTag.Full);
    }
    this.closed = true;
    await new Promise<void>((resolve) => {
      // 'close' follows both a finished and a failed stream, so a broken log cannot hang the exit.
      this.out.once('close', () => resolve());
      this.out.end();
    });
  }

  private append(stream: LogStream, data: Buffer): void {
    let rest = data;
    while (this.pendingBytes[stream] + rest.length > this.maxLineBytes) {
      const room = this.maxLineBytes - this.pendingBytes[stream];
      this.pending[stream].push(rest.subarray(0, room));
      this.pendingBytes[stream] += room;
      this.emit(stream, LogTag.Partial);
      rest = rest.subarray(room);
    }
    if (rest.length > 0) {
      this.pending[stream].push(rest);
      this.pendingBytes[stream] += rest.length;
    }
  }

  private emit(stream: LogStream, tag: LogTag): void {
    const content = Buffer.concat(this.pending[stream]).toString('utf8').replace(/\r$/, '');
    this.pending[stream] = [];
    this.pendingBytes[stream] = 0;
    this.out.write(`${formatCriLogLine({ time: this.nowNanos(), stream, tag, content })}\n`);
  }
}

/** One parsed line of a CRI log file. */
export interface CriLogEntry {
  /** RFC 3339 with nine fractional digits, as written. */
  readonly time: string;
  readonly stream: LogStream;
  readonly tag: LogTag;
  readonly content: string;
}

const CRI_LOG_LINE = /^(\S+) (stdout|stderr) ([FP])(?: (.*))?$/;

/** Parses one CRI log line (for `kubectl logs`); undefined when the line is not in the format. */
export function parseCriLogLine(line: string): CriLogEntry | undefined {
  const match = CRI_LOG_LINE.exec(line);
  if (match === null) return undefined;
  return {
    time: match[1] ?? '',
    stream: match[2] === 'stderr' ? LogStream.Stderr : LogStream.Stdout,
    tag: match[3] === 'P' ? LogTag.Partial : LogTag.Full,
    content: match[4] ?? '',
  };
}
