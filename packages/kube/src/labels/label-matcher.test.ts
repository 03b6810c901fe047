// Tests for label selector parsing, matching, canonical text and meta/v1 LabelSelector conversion.
import { describe, expect, it } from 'vitest';
import { InvalidLabelSelectorError } from './selector-errors.js';
import { labelSelectorFromObject, LabelMatcher, parseLabelSelector, selectorFromSet, validatedSelectorFromSet } from './label-matcher.js';
import type { LabelSelector } from '../types/meta.js';

describe('parseLabelSelector', () => {
  it.each([
    { name: 'an empty string selects everything', text: '', canonical: '' },
    { name: 'blank text selects everything', text: '   ', canonical: '' },
    { name: 'a single equality keeps its operator', text: 'app=web', canonical: 'app=web' },
    { name: 'a double equals keeps its spelling', text: 'app==web', canonical: 'app==web' },
    { name: 'inequality is written with !=', text: 'app!=web', canonical: 'app!=web' },
    { name: 'a bare key means exists', text: 'canary', canonical: 'canary' },
    { name: 'a bang key means does-not-exist', text: '!canary', canonical: '!canary' },
    { name: 'in sorts and de-duplicates its values', text: 'tier in (web, api,web)', canonical: 'tier in (api,web)' },
    { name: 'notin is written with spaces', text: 'tier notin(a)', canonical: 'tier notin (a)' },
    { name: 'requirements are sorted by key', text: 'b=1,a=2', canonical: 'a=2,b=1' },
    { name: 'whitespace around every token is ignored', text: '  app = web ,\ttier in ( a , b ) , ! x ', canonical: 'app=web,tier in (a,b),!x' },
    { name: 'an absent exact value is the empty value', text: 'app=', canonical: 'app=' },
    { name: 'empty parentheses hold only the empty value', text: 'x in ()', canonical: 'x in ()' },
    { name: 'a trailing comma in a set adds the empty value', text: 'x in (a,)', canonical: 'x in (,a)' },
    { name: 'in and notin are ordinary values inside a set', text: 'x in (in,notin)', canonical: 'x in (in,notin)' },
    { name: 'a prefixed key is accepted', text: 'app.kubernetes.io/name=demo', canonical: 'app.kubernetes.io/name=demo' },
    { name: 'greater-than compares integers', text: 'replicas>3', canonical: 'replicas>3' },
    { name: 'less-than compares integers', text: 'replicas<3', canonical: 'replicas<3' },
  ])('$name', ({ text, canonical }) => {
    expect(parseLabelSelector(text).toString()).toBe(canonical);
  });

  it.each([
    { name: 'a dangling operator after a key', text: 'app=web=x', part: '=' },
    { name: 'a missing key before an operator', text: '=web', part: '=' },
    { name: 'a trailing comma', text: 'app=web,', part: '' },
    { name: 'a doubled comma', text: 'a,,b', part: ',' },
    { name: 'an unclosed set', text: 'x in (a', part: '' },
    { name: 'a set without parentheses', text: 'x in a', part: 'a' },
    { name: 'two values without a comma in a set', text: 'x in (a b)', part: 'b' },
    { name: 'an operator after a negated key', text: '!app=web', part: '=' },
    { name: 'a key with a space inside', text: 'my key=v', part: 'key' },
    { name: 'a key starting with a dash', text: '-app=web', part: '-app' },
    { name: 'a value with an invalid character', text: 'app=we$b', part: 'we$b' },
    { name: 'a value longer than 63 characters', text: `app=${'a'.repeat(64)}`, part: 'a'.repeat(64) },
    { name: 'a key name longer than 63 characters', text: `${'k'.repeat(64)}=v`, part: 'k'.repeat(64) },
    { name: 'an upper-case key prefix', text: 'Example.com/app=v', part: 'Example.com/app' },
    { name: 'a non-integer bound for greater-than', text: 'replicas>three', part: 'three' },
  ])('rejects $name', ({ text, part }) => {
    let caught: unknown;
    try {
      parseLabelSelector(text);
    } catch (err: unknown) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InvalidLabelSelectorError);
    expect((caught as InvalidLabelSelectorError).part).toBe(part);
    expect((caught as InvalidLabelSelectorError).selector).toBe(text);
  });
});

describe('LabelMatcher.matches', () => {
  const labels = { app: 'web', tier: 'front', replicas: '5' };
  it.each([
    { name: 'equality holds when the value is equal', text: 'app=web', expected: true },
    { name: 'equality fails when the value differs', text: 'app=api', expected: false },
    { name: 'equality fails when the key is missing', text: 'zone=a', expected: false },
    { name: 'inequality holds when the key is missing', text: 'zone!=a', expected: true },
    { name: 'inequality fails when the value is equal', text: 'app!=web', expected: false },
    { name: 'in holds for a listed value', text: 'tier in (back,front)', expected: true },
    { name: 'in fails when the key is missing', text: 'zone in (a)', expected: false },
    { name: 'notin holds when the key is missing', text: 'zone notin (a)', expected: true },
    { name: 'notin fails for a listed value', text: 'tier notin (front)', expected: false },
    { name: 'exists holds for a present key', text: 'tier', expected: true },
    { name: 'does-not-exist fails for a present key', text: '!tier', expected: false },
    { name: 'does-not-exist holds for a missing key', text: '!zone', expected: true },
    { name: 'comma means every requirement must hold', text: 'app=web,tier=back', expected: false },
    { name: 'an empty-value equality does not match a missing key', text: 'zone=', expected: false },
    { name: 'greater-than compares as integers', text: 'replicas>10', expected: false },
    { name: 'less-than compares as integers', text: 'replicas<10', expected: true },
    { name: 'greater-than fails for a non-integer label', text: 'app>1', expected: false },
    { name: 'the empty selector matches anything', text: '', expected: true },
  ])('$name', ({ text, expected }) => {
    expect(parseLabelSelector(text).matches(labels)).toBe(expected);
  });

  it('treats absent labels as an empty set', () => {
    expect(parseLabelSelector('!app').matches(undefined)).toBe(true);
    expect(parseLabelSelector('app').matches(undefined)).toBe(false);
  });
});

describe('labelSelectorFromObject', () => {
  const pod = { app: 'web', track: 'stable' };
  it.each<{ name: string; selector: LabelSelector | null | undefined; canonical: string; matchesPod: boolean }>([
    { name: 'a null selector matches nothing', selector: null, canonical: '', matchesPod: false },
    { name: 'an undefined selector matches nothing', selector: undefined, canonical: '', matchesPod: false },
    { name: 'an empty selector matches everything', selector: {}, canonical: '', matchesPod: true },
    { name: 'matchLabels become equalities', selector: { matchLabels: { track: 'stable', app: 'web' } }, canonical: 'app=web,track=stable', matchesPod: true },
    {
      name: 'matchExpressions combine with matchLabels',
      selector: {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'track', operator: 'In', values: ['stable', 'canary'] },
          { key: 'legacy', operator: 'DoesNotExist' },
        ],
      },
      canonical: 'app=web,!legacy,track in (canary,stable)',
      matchesPod: true,
    },
    { name: 'NotIn excludes a listed value', selector: { matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['stable'] }] }, canonical: 'track notin (stable)', matchesPod: false },
    { name: 'Exists requires the key', selector: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, canonical: 'zone', matchesPod: false },
  ])('$name', ({ selector, canonical, matchesPod }) => {
    const matcher = labelSelectorFromObject(selector);
    expect(matcher.toString()).toBe(canonical);
    expect(matcher.matches(pod)).toBe(matchesPod);
  });

  it.each<{ name: string; selector: LabelSelector; part: string }>([
    { name: 'an unknown operator', selector: { matchExpressions: [{ key: 'a', operator: 'Gt' as 'In', values: ['1'] }] }, part: 'Gt' },
    { name: 'In without values', selector: { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, part: 'a' },
    { name: 'Exists with values', selector: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, part: 'a' },
    { name: 'an invalid matchLabels value', selector: { matchLabels: { a: 'bad value' } }, part: 'bad value' },
  ])('rejects $name', ({ selector, part }) => {
    expect(() => labelSelectorFromObject(selector)).toThrow(InvalidLabelSelectorError);
    try {
      labelSelectorFromObject(selector);
    } catch (err: unknown) {
      expect((err as InvalidLabelSelectorError).part).toBe(part);
    }
  });
});

describe('selectorFromSet', () => {
  it('builds sorted equalities that match a superset of the labels', () => {
    const matcher = selectorFromSet({ 'rollouts-pod-template-hash': 'abc', app: 'web' });
    expect(matcher.toString()).toBe('app=web,rollouts-pod-template-hash=abc');
    expect(matcher.matches({ app: 'web', 'rollouts-pod-template-hash': 'abc', extra: 'x' })).toBe(true);
    expect(matcher.matches({ app: 'web' })).toBe(false);
    expect(matcher.requiresExactMatch('app')).toBe('web');
  });

  it('selects everything for an empty set, and nothing() selects nothing', () => {
    expect(selectorFromSet({}).isEmpty()).toBe(true);
    expect(LabelMatcher.nothing().matches({})).toBe(false);
    expect(LabelMatcher.nothing().isEmpty()).toBe(false);
  });

  it('validates keys and values only in the validated variant', () => {
    expect(selectorFromSet({ a: 'bad value' }).toString()).toBe('a=bad value');
    expect(() => validatedSelectorFromSet({ a: 'bad value' })).toThrow(InvalidLabelSelectorError);
  });
});
