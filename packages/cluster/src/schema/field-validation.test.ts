// The messages the server sends for fieldValidation=Strict and Warn, and for invalid objects.
import { describe, expect, it } from 'vitest';
import { FieldErrorType, formatInvalidObjectMessage } from './field-errors.js';
import { parseFieldValidation, strictDecodingMessage, unknownFieldWarnings } from './field-validation.js';

describe('field validation messages', () => {
  it('joins unknown fields for Strict', () => {
    expect(strictDecodingMessage(['spec.foo'])).toBe('strict decoding error: unknown field "spec.foo"');
    expect(strictDecodingMessage(['spec.foo', 'spec.bar'])).toBe('strict decoding error: unknown field "spec.foo", unknown field "spec.bar"');
  });

  it('builds one escaped Warning header per field for Warn', () => {
    expect(unknownFieldWarnings(['spec.foo', 'spec.template.spec.containers[0].x'])).toEqual([
      '299 - "unknown field \\"spec.foo\\""',
      '299 - "unknown field \\"spec.template.spec.containers[0].x\\""',
    ]);
  });

  it.each([
    [undefined, 'Warn'],
    ['', 'Warn'],
    ['Strict', 'Strict'],
    ['Warn', 'Warn'],
    ['Ignore', 'Ignore'],
    ['strict', undefined],
  ])('parses fieldValidation=%s as %s', (value, expected) => {
    expect(parseFieldValidation(value)).toBe(expected);
  });

  it('formats an invalid object like the apiserver', () => {
    const one = { path: 'spec.replicas', type: FieldErrorType.Required, message: 'Required value' };
    const two = { path: 'spec.selector', type: FieldErrorType.Required, message: 'Required value' };
    expect(formatInvalidObjectMessage({ kind: 'Rollout', group: 'argoproj.io', name: 'demo', errors: [one] })).toBe(
      'Rollout.argoproj.io "demo" is invalid: spec.replicas: Required value',
    );
    expect(formatInvalidObjectMessage({ kind: 'Pod', group: '', name: 'p', errors: [one, two] })).toBe(
      'Pod "p" is invalid: [spec.replicas: Required value, spec.selector: Required value]',
    );
  });
});
