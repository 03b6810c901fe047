// Parses CRI log lines (`<RFC3339Nano> <stream> <F|P> <content>`) into the text `kubectl logs` shows.

export interface CriLogEntry {
  /** The RFC 3339 timestamp as written. */
  readonly time: string;
  readonly stream: string;
  /** False for a `P` piece of a longer line. */
  readonly full: boolean;
  readonly content: string;
}

/** One line of a CRI log file (without its newline); a line that does not parse is kept as stdout content. */
export function parseCriLogLine(line: string): CriLogEntry {
  const first = line.indexOf(' ');
  const second = first < 0 ? -1 : line.indexOf(' ', first + 1);
  const third = second < 0 ? -1 : line.indexOf(' ', second + 1);
  const tag = second < 0 ? '' : line.slice(second + 1, third < 0 ? undefined : third);
  if (first < 0 || second < 0 || (tag !== 'F' && tag !== 'P')) return { time: '', stream: 'stdout', full: true, content: line };
  return { time: line.slice(0, first), stream: line.slice(first + 1, second), full: tag === 'F', content: third < 0 ? '' : line.slice(third + 1) };
}

/** Formats entries as kubectl shows them: pieces joined, one timestamp per line when asked. */
export class LogTextFormatter {
  private midLine = false;

  constructor(private readonly timestamps: boolean) {}

  format(entry: CriLogEntry): string {
    const prefix = this.timestamps && !this.midLine && entry.time !== '' ? `${entry.time} ` : '';
    this.midLine = !entry.full;
    return `${prefix}${entry.content}${entry.full ? '\n' : ''}`;
  }
}

/** Splits a buffer into complete lines; returns them and how many bytes they used (the rest waits for more). */
export function splitCompleteLines(buffer: Buffer): { lines: string[]; consumed: number } {
  const lines: string[] = [];
  let start = 0;
  for (let newline = buffer.indexOf(0x0a, start); newline >= 0; newline = buffer.indexOf(0x0a, start)) {
    lines.push(buffer.subarray(start, newline).toString('utf8'));
    start = newline + 1;
  }
  return { lines, consumed: start };
}
