// Tests for parseGoDuration and pauseDurationSeconds against Go's time.ParseDuration rules.
import { describe, expect, it } from 'vitest';
import { GoDurationError, parseGoDuration, pauseDurationSeconds } from './go-duration.js';

describe('parseGoDuration', () => {
  it.each([
    { text: '30s', ms: 30_000 },
    { text: '1h30m', ms: 5_400_000 },
    { text: '1.5s', ms: 1500 },
    { text: '250ms', ms: 250 },
    { text: '-2m', ms: -120_000 },
    { text: '0', ms: 0 },
    { text: '1m0.5s', ms: 60_500 },
  ])('reads $text as $ms ms', ({ text, ms }) => {
    expect(parseGoDuration(text)).toBe(ms);
  });

  it.each([
    { text: '', message: 'time: invalid duration ""' },
    { text: '10', message: 'time: missing unit in duration "10"' },
    { text: '1d', message: 'time: unknown unit "d" in duration "1d"' },
    { text: 's', message: 'time: invalid duration "s"' },
  ])('rejects "$text" with Go\'s message', ({ text, message }) => {
    expect(() => parseGoDuration(text)).toThrow(new GoDurationError(text, message));
  });
});

describe('pauseDurationSeconds', () => {
  it.each([
    { duration: undefined, seconds: 0 },
    { duration: 10, seconds: 10 },
    { duration: '30', seconds: 30 },
    { duration: '1m30s', seconds: 90 },
    { duration: '1500ms', seconds: 1 },
    { duration: '1 hour', seconds: -1 },
  ])('reads $duration as $seconds seconds', ({ duration, seconds }) => {
    expect(pauseDurationSeconds(duration)).toBe(seconds);
  });
});
