// formatSplit: how a measured traffic split reads.
import { describe, expect, it } from 'vitest';
import { formatSplit } from './service-traffic.js';

describe('formatSplit', () => {
  it.each([
    ['a single colour is 100%', { '"blue"': 200 }, 'blue 100%'],
    ['the larger share comes first', { '"yellow"': 40, '"blue"': 160 }, 'blue 80% · yellow 20%'],
    ['equal shares are in name order', { '"red"': 100, '"blue"': 100 }, 'blue 50% · red 50%'],
    ['a rare answer shows as <1% rather than vanishing', { '"yellow"': 999, '"red"': 1 }, 'yellow 100% · red <1%'],
    ['an answer that is not JSON is shown trimmed', { '"yellow"': 1, 'oops\n': 1 }, 'oops 50% · yellow 50%'],
    ['a long foreign page is cut short', { ['x'.repeat(60)]: 1 }, `${'x'.repeat(39)}… 100%`],
    ['no answers at all say so', {}, 'no answers'],
  ])('%s', (_name, counts, expected) => {
    expect(formatSplit(counts)).toBe(expected);
  });
});
