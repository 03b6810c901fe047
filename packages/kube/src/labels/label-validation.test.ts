// Tests for label key and value validation.
import { describe, expect, it } from 'vitest';
import { validateLabelKey, validateLabels, validateLabelValue } from './label-validation.js';

describe('validateLabelKey', () => {
  it.each([
    { name: 'a plain name is valid', key: 'app', valid: true },
    { name: 'a name with dots, dashes and underscores is valid', key: 'my.app_name-1', valid: true },
    { name: 'a DNS-subdomain prefix is valid', key: 'argo-rollouts.argoproj.io/controller-instance-id', valid: true },
    { name: 'a 63-character name is valid', key: 'a'.repeat(63), valid: true },
    { name: 'a 64-character name is invalid', key: 'a'.repeat(64), valid: false },
    { name: 'an empty key is invalid', key: '', valid: false },
    { name: 'an empty prefix is invalid', key: '/app', valid: false },
    { name: 'an empty name after a prefix is invalid', key: 'example.com/', valid: false },
    { name: 'two slashes are invalid', key: 'a/b/c', valid: false },
    { name: 'an upper-case prefix is invalid', key: 'Example.com/app', valid: false },
    { name: 'a name ending in a dash is invalid', key: 'app-', valid: false },
  ])('$name', ({ key, valid }) => {
    expect(validateLabelKey(key).length === 0).toBe(valid);
  });

  it('says which part of the key is wrong', () => {
    expect(validateLabelKey('/app')).toEqual(['prefix part must be non-empty']);
    expect(validateLabelKey('a'.repeat(64))).toEqual(['name part must be no more than 63 characters']);
  });
});

describe('validateLabelValue', () => {
  it.each([
    { name: 'the empty value is valid', value: '', valid: true },
    { name: 'an alphanumeric value is valid', value: 'v1.2_3-a', valid: true },
    { name: 'a 64-character value is invalid', value: 'v'.repeat(64), valid: false },
    { name: 'a value starting with a dot is invalid', value: '.v', valid: false },
    { name: 'a value with a slash is invalid', value: 'a/b', valid: false },
  ])('$name', ({ value, valid }) => {
    expect(validateLabelValue(value).length === 0).toBe(valid);
  });
});

describe('validateLabels', () => {
  it('reports each bad key and value with its path', () => {
    const issues = validateLabels({ good: 'ok', 'bad key': 'ok', other: 'bad value' }, 'spec.template.metadata.labels');
    expect(issues.map(({ path, value, type }) => ({ path, value, type }))).toEqual([
      { path: 'spec.template.metadata.labels', value: 'bad key', type: 'FieldValueInvalid' },
      { path: 'spec.template.metadata.labels', value: 'bad value', type: 'FieldValueInvalid' },
    ]);
  });
});
