// Tests for field selector parsing and matching.
import { describe, expect, it } from 'vitest';
import { escapeFieldValue, fieldValueOf, parseFieldSelector } from './field-selector.js';
import { InvalidFieldSelectorError } from './selector-errors.js';

const event = {
  metadata: { name: 'demo.1', namespace: 'default' },
  involvedObject: { kind: 'Rollout', name: 'demo', uid: 'u-1' },
  count: 3,
};

describe('parseFieldSelector', () => {
  it.each([
    { name: 'an empty selector matches anything', text: '', canonical: '', expected: true },
    { name: 'an equality on the name matches', text: 'metadata.name=demo.1', canonical: 'metadata.name=demo.1', expected: true },
    { name: 'a double equals prints as a single one', text: 'metadata.name==demo.1', canonical: 'metadata.name=demo.1', expected: true },
    { name: 'an inequality on the kind fails for that kind', text: 'involvedObject.kind!=Rollout', canonical: 'involvedObject.kind!=Rollout', expected: false },
    {
      name: 'several terms are sorted and all must hold',
      text: 'involvedObject.name=demo,involvedObject.kind=Rollout,metadata.namespace=default',
      canonical: 'involvedObject.kind=Rollout,involvedObject.name=demo,metadata.namespace=default',
      expected: true,
    },
    { name: 'a number field is compared as text', text: 'count=3', canonical: 'count=3', expected: true },
    { name: 'an absent field reads as empty for inequality', text: 'status.phase!=Running', canonical: 'status.phase!=Running', expected: true },
    { name: 'an absent field reads as empty for equality', text: 'status.phase=', canonical: 'status.phase=', expected: true },
    { name: 'an escaped comma stays in the value', text: 'metadata.name=a\\,b', canonical: 'metadata.name=a\\,b', expected: false },
  ])('$name', ({ text, canonical, expected }) => {
    const matcher = parseFieldSelector(text);
    expect(matcher.toString()).toBe(canonical);
    expect(matcher.matchesObject(event)).toBe(expected);
  });

  it.each([
    { name: 'a term without an operator', text: 'metadata.name', part: 'metadata.name' },
    { name: 'an unescaped equals sign in a value', text: 'a=b=c', part: 'b=c' },
    { name: 'an unknown escape sequence', text: 'a=b\\x', part: 'b\\x' },
    { name: 'a trailing backslash', text: 'a=b\\', part: 'b\\' },
  ])('rejects $name', ({ text, part }) => {
    expect(() => parseFieldSelector(text)).toThrow(InvalidFieldSelectorError);
    try {
      parseFieldSelector(text);
    } catch (err: unknown) {
      expect((err as InvalidFieldSelectorError).part).toBe(part);
    }
  });

  it('matches through a custom field getter', () => {
    const matcher = parseFieldSelector('spec.nodeName=node-1');
    expect(matcher.matches((field) => (field === 'spec.nodeName' ? 'node-1' : undefined))).toBe(true);
    expect(matcher.requiresExactMatch('spec.nodeName')).toBe('node-1');
  });

  it('round-trips a value with every special character through escaping', () => {
    const value = 'a\\b,c=d';
    expect(parseFieldSelector(`x=${escapeFieldValue(value)}`).requirements[0]?.value).toBe(value);
  });

  it('reads only scalar fields', () => {
    expect(fieldValueOf(event, 'involvedObject')).toBeUndefined();
    expect(fieldValueOf(event, 'involvedObject.uid')).toBe('u-1');
    expect(fieldValueOf(event, 'metadata.name.x')).toBeUndefined();
  });
});
