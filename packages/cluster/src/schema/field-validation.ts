// The fieldValidation directive (Strict, Warn, Ignore) and the messages the server sends for unknown fields.

export const FieldValidation = { Strict: 'Strict', Warn: 'Warn', Ignore: 'Ignore' } as const;
export type FieldValidation = (typeof FieldValidation)[keyof typeof FieldValidation];

/**
 * Reads the `fieldValidation` query parameter. Absent means Warn (the apiserver default);
 * an unrecognised value returns undefined so the caller can answer 400.
 */
export function parseFieldValidation(value: string | null | undefined): FieldValidation | undefined {
  if (value === null || value === undefined || value === '') return FieldValidation.Warn;
  const known = Object.values(FieldValidation) as string[];
  return known.includes(value) ? (value as FieldValidation) : undefined;
}

/** `unknown field "spec.foo"`, as kubectl prints it. */
export function unknownFieldMessage(path: string): string {
  return `unknown field "${path}"`;
}

/** The 400 message for Strict: `strict decoding error: unknown field "spec.foo", unknown field "spec.bar"`. */
export function strictDecodingMessage(unknownFields: readonly string[]): string {
  return `strict decoding error: ${unknownFields.map(unknownFieldMessage).join(', ')}`;
}

/** `Warning` header values for Warn: `299 - "unknown field \"spec.foo\""`, one per field. */
export function unknownFieldWarnings(unknownFields: readonly string[]): string[] {
  return unknownFields.map((path) => warningHeaderValue(unknownFieldMessage(path)));
}

/** A `Warning` header value (RFC 7234 §5.5, code 299, agent `-`) with quotes and backslashes escaped. */
export function warningHeaderValue(text: string): string {
  return `299 - "${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
