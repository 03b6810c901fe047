// formatSelector: metav1.FormatLabelSelector's text, remembered only for frozen (cached) selectors.
import { deepFreeze, type LabelSelector } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { formatSelector } from './selector-format.js';

describe('formatSelector', () => {
  it('formats labels and expressions sorted by key, <none> for an empty selector and nothing for none', () => {
    expect(formatSelector({ matchLabels: { tier: 'web', app: 'demo' } })).toBe('app=demo,tier=web');
    expect(formatSelector({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] })).toBe('env in (dev,prod)');
    expect(formatSelector({})).toBe('<none>');
    expect(formatSelector(undefined)).toBe('');
  });

  it('answers a frozen selector from memory and formats a changing one afresh every time', () => {
    const frozen = deepFreeze({ matchLabels: { app: 'demo' } });
    expect(formatSelector(frozen)).toBe('app=demo');
    expect(formatSelector(frozen)).toBe('app=demo');
    const changing: LabelSelector = { matchLabels: { app: 'demo' } };
    expect(formatSelector(changing)).toBe('app=demo');
    changing.matchLabels!.app = 'other';
    expect(formatSelector(changing)).toBe('app=other');
    const shallow = Object.freeze({ matchLabels: { app: 'demo' } });
    expect(formatSelector(shallow)).toBe('app=demo');
    shallow.matchLabels.app = 'moved';
    expect(formatSelector(shallow)).toBe('app=moved');
  });
});
