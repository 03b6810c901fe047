// Scalar checks of one value against one schema node: type, enum, bounds, lengths, pattern and formats.
import { FieldErrorType, jsonTypeOf, quoteValue, type FieldError } from './field-errors.js';
import type { JsonSchema } from './json-schema.js';
import { isIntOrString, typeAlternatives } from './schema-resolution.js';

/** Whether the value has the JSON type the schema names (`integer` is a subset of `number`). */
export function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

/** A type error, or undefined. Handles int-or-string and simple `oneOf` type alternatives. */
export function checkType(value: unknown, schema: JsonSchema, path: string): FieldError | undefined {
  let expected: string[] | undefined;
  if (isIntOrString(schema)) expected = ['integer', 'string'];
  else if (schema.type) {
    // The common case: one named type, checked without building a list.
    if (matchesType(value, schema.type)) return undefined;
    expected = [schema.type];
  } else expected = typeAlternatives(schema);
  if (!expected || expected.some((type) => matchesType(value, type))) return undefined;
  const actual = jsonTypeOf(value);
  return {
    path,
    type: FieldErrorType.TypeInvalid,
    message: `Invalid value: "${actual}": ${path} in body must be of type ${expected.join('/')}: "${actual}"`,
  };
}

const regexCache = new Map<string, RegExp | null>();

function compilePattern(pattern: string): RegExp | null {
  if (!regexCache.has(pattern)) {
    try {
      regexCache.set(pattern, new RegExp(pattern, 'u'));
    } catch {
      // A Go RE2 pattern JavaScript cannot compile is skipped rather than rejecting every value.
      regexCache.set(pattern, null);
    }
  }
  return regexCache.get(pattern) ?? null;
}

const formatChecks: Record<string, (value: string) => boolean> = {
  'date-time': (v) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
  byte: (v) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v),
  uuid: (v) => /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/.test(v),
  ipv4: (v) => /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(v),
};

const noErrors: readonly FieldError[] = Object.freeze([]);

/**
 * Enum, bounds, lengths, pattern and format checks for a value already known to have the right type.
 * Returns a shared empty (frozen) list when there is nothing to report, the common case.
 */
export function checkConstraints(value: unknown, schema: JsonSchema, path: string): readonly FieldError[] {
  let errors: FieldError[] | undefined;
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    const supported = schema.enum.map((allowed) => quoteValue(allowed)).join(', ');
    (errors ??= []).push({ path, type: FieldErrorType.NotSupported, message: `Unsupported value: ${quoteValue(value)}: supported values: ${supported}` });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined) {
      if (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum) {
        (errors ??= []).push(invalidValue(value, path, `should be greater than ${schema.exclusiveMinimum ? '' : 'or equal to '}${schema.minimum}`));
      }
    }
    if (schema.maximum !== undefined) {
      if (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum) {
        (errors ??= []).push(invalidValue(value, path, `should be less than ${schema.exclusiveMaximum ? '' : 'or equal to '}${schema.maximum}`));
      }
    }
    if (schema.multipleOf !== undefined && schema.multipleOf > 0 && !Number.isInteger(value / schema.multipleOf)) {
      (errors ??= []).push(invalidValue(value, path, `should be a multiple of ${schema.multipleOf}`));
    }
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined || schema.maxLength !== undefined) {
      const length = codePointLength(value);
      if (schema.minLength !== undefined && length < schema.minLength) (errors ??= []).push(invalidValue(value, path, `should be at least ${schema.minLength} chars long`));
      if (schema.maxLength !== undefined && length > schema.maxLength) {
        (errors ??= []).push({ path, type: FieldErrorType.TooLong, message: `Too long: may not be more than ${schema.maxLength} bytes` });
      }
    }
    const pattern = schema.pattern ? compilePattern(schema.pattern) : null;
    if (pattern && !pattern.test(value)) (errors ??= []).push(invalidValue(value, path, `should match '${schema.pattern}'`));
    const format = schema.format ? formatChecks[schema.format] : undefined;
    if (format && !format(value)) (errors ??= []).push(invalidValue(value, path, `must be of type ${schema.format}: ${quoteValue(value)}`));
  }
  return errors ?? noErrors;
}

function invalidValue(value: unknown, path: string, message: string): FieldError {
  return { path, type: FieldErrorType.Invalid, message: `Invalid value: ${quoteValue(value)}: ${path} in body ${message}` };
}

/** The length in Unicode code points (what `[...value].length` counts), without building an array. */
function codePointLength(value: string): number {
  let length = value.length;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}
