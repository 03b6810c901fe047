// Tests for the metav1.Time helpers: whole seconds out, clock milliseconds back, the same answers when remembered.
import { describe, expect, it } from 'vitest';
import { formatTime, parseTime } from './time-format.js';

describe('formatTime', () => {
  it('drops the sub-second part, and answers each second on its own', () => {
    const start = Date.UTC(2026, 0, 1, 0, 0, 5);
    expect(formatTime(start + 999)).toBe('2026-01-01T00:00:05Z');
    expect(formatTime(start)).toBe('2026-01-01T00:00:05Z');
    expect(formatTime(start + 1000)).toBe('2026-01-01T00:00:06Z');
    expect(formatTime(start - 1)).toBe('2026-01-01T00:00:04Z');
    expect(formatTime(start + 999)).toBe('2026-01-01T00:00:05Z');
  });
});

describe('parseTime', () => {
  it('parses RFC 3339 to milliseconds, the same when asked again, and undefined for nothing or garbage', () => {
    expect(parseTime('2026-01-01T00:00:05Z')).toBe(Date.UTC(2026, 0, 1, 0, 0, 5));
    expect(parseTime('2026-01-01T00:00:05Z')).toBe(Date.UTC(2026, 0, 1, 0, 0, 5));
    expect(parseTime('2026-01-01T01:00:05+01:00')).toBe(Date.UTC(2026, 0, 1, 0, 0, 5));
    expect(parseTime('not a time')).toBeUndefined();
    expect(parseTime('not a time')).toBeUndefined();
    expect(parseTime('')).toBeUndefined();
    expect(parseTime(undefined)).toBeUndefined();
    expect(parseTime(null)).toBeUndefined();
  });
});
