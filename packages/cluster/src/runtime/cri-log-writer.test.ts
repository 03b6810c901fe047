// CriLogWriter: full lines, partial pieces of long lines, two streams interleaved, unfinished lines at close.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CriLogWriter, formatRfc3339Nano } from './cri-log-writer.js';

describe('formatRfc3339Nano', () => {
  it('prints nine fractional digits', () => {
    expect(formatRfc3339Nano(1_795_168_800_123_456_789n)).toBe('2026-11-20T10:00:00.123456789Z');
    expect(formatRfc3339Nano(1_795_168_800_000_000_007n)).toBe('2026-11-20T10:00:00.000000007Z');
  });
});

describe('CriLogWriter', () => {
  let dir: string;
  let path: string;
  let tick: bigint;
  const nowNanos = (): bigint => (tick += 1n);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aviary-cri-'));
    path = join(dir, 'nested', '0.log');
    tick = 1_795_168_800_000_000_000n;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each finished line with its stream and tag F, joining chunks that split a line', async () => {
    const writer = new CriLogWriter({ path, nowNanos });
    writer.write('stdout', 'hel');
    writer.write('stderr', 'oops\n');
    writer.write('stdout', 'lo\r\nworld\n');
    await writer.close();
    expect(readFileSync(path, 'utf8')).toBe(
      [
        '2026-11-20T10:00:00.000000001Z stderr F oops',
        '2026-11-20T10:00:00.000000002Z stdout F hello',
        '2026-11-20T10:00:00.000000003Z stdout F world',
        '',
      ].join('\n'),
    );
  });

  it('cuts lines longer than the buffer into P pieces ending with F', async () => {
    const writer = new CriLogWriter({ path, nowNanos, maxLineBytes: 4 });
    writer.write('stdout', 'abcdefghij\n');
    await writer.close();
    const tags = readFileSync(path, 'utf8').trim().split('\n').map((line) => line.split(' ').slice(2).join(' '));
    expect(tags).toEqual(['P abcd', 'P efgh', 'F ij']);
  });

  it('flushes an unfinished last line when closed, and appends to an existing log', async () => {
    const first = new CriLogWriter({ path, nowNanos });
    first.write('stdout', 'no newline');
    await first.close();
    const second = new CriLogWriter({ path, nowNanos });
    second.writeLine('stdout', 'second run');
    await second.close();
    expect(readFileSync(path, 'utf8').trim().split('\n').map((line) => line.slice(31))).toEqual([
      'stdout F no newline',
      'stdout F second run',
    ]);
  });
});
