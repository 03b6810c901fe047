// Ages match kubectl's HumanDuration at each boundary.
import { describe, expect, it } from 'vitest';
import { ageSince, humanDuration } from './age.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  it.each([
    ['a small negative skew reads as zero', -1500, '0s'],
    ['a large negative skew is invalid', -3 * s, '<invalid>'],
    ['under two minutes shows seconds', 119 * s, '119s'],
    ['two minutes exactly drops the seconds', 2 * m, '2m'],
    ['under ten minutes keeps seconds', 3 * m + 20 * s, '3m20s'],
    ['ten minutes and more shows minutes only', 47 * m + 59 * s, '47m'],
    ['under three hours still shows minutes', 179 * m, '179m'],
    ['three hours shows hours', 3 * h, '3h'],
    ['under eight hours keeps minutes', 5 * h + 12 * m, '5h12m'],
    ['under two days shows hours', 47 * h, '47h'],
    ['under eight days keeps hours', 3 * d + 4 * h, '3d4h'],
    ['whole days drop the hours', 5 * d, '5d'],
    ['under two years shows days', 400 * d, '400d'],
    ['under eight years keeps days', 3 * 365 * d + 20 * d, '3y20d'],
    ['eight years and more shows years', 9 * 365 * d, '9y'],
  ])('%s', (_name, ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });

  it('computes an age from a timestamp', () => {
    expect(ageSince('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:05:00Z'))).toBe('5m');
    expect(ageSince(undefined, 0)).toBe('<unknown>');
  });
});
