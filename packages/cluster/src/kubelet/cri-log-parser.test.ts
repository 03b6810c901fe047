// CRI log lines to kubectl's text: pieces joined, timestamps once per line, complete lines only.
import { describe, expect, it } from 'vitest';
import { LogTextFormatter, parseCriLogLine, splitCompleteLines } from './cri-log-parser.js';

describe('CRI log parsing', () => {
  it('parses a full line and keeps spaces in the content', () => {
    expect(parseCriLogLine('2026-01-01T00:00:00.000000001Z stderr F a  b')).toEqual({
      time: '2026-01-01T00:00:00.000000001Z',
      stream: 'stderr',
      full: true,
      content: 'a  b',
    });
  });

  it('joins partial pieces and stamps only the start of a line', () => {
    const formatter = new LogTextFormatter(true);
    const text = ['T1 stdout P abc', 'T2 stdout F def', 'T3 stdout F '].map((l) => formatter.format(parseCriLogLine(l))).join('');
    expect(text).toBe('T1 abcdef\nT3 \n');
  });

  it('keeps a line that is not CRI as it is', () => {
    expect(new LogTextFormatter(false).format(parseCriLogLine('plain text'))).toBe('plain text\n');
  });

  it('splits only complete lines', () => {
    expect(splitCompleteLines(Buffer.from('a\nb\nc'))).toEqual({ lines: ['a', 'b'], consumed: 4 });
  });
});
