// Field errors as the API server reports them (`spec.replicas: Invalid value: …`), and the messages built from them.

/** The `reason` of a Status cause, exactly as Kubernetes spells it. */
export const FieldErrorType = {
  Required: 'FieldValueRequired',
  Invalid: 'FieldValueInvalid',
  TypeInvalid: 'FieldValueTypeInvalid',
  NotSupported: 'FieldValueNotSupported',
  Duplicate: 'FieldValueDuplicate',
  TooLong: 'FieldValueTooLong',
  TooMany: 'FieldValueTooMany',
} as const;
export type FieldErrorType = (typeof FieldErrorType)[keyof typeof FieldErrorType];

/** One validation failure: `path` like `spec.template.spec.containers[0].image`; `message` without the path. */
export interface FieldError {
  readonly path: string;
  readonly type: FieldErrorType;
  readonly message: string;
}

/** `spec.replicas: Invalid value: …`, the form used in Status messages. */
export function formatFieldError(error: FieldError): string {
  return error.path ? `${error.path}: ${error.message}` : error.message;
}

export interface InvalidObjectMessageOptions {
  readonly kind: string;
  /** API group; '' for core kinds (then the kind is printed alone). */
  readonly group: string;
  readonly name: string;
  readonly errors: readonly FieldError[];
}

/** `Rollout.argoproj.io "demo" is invalid: spec.replicas: …` (several errors are bracketed and comma-joined). */
export function formatInvalidObjectMessage(options: InvalidObjectMessageOptions): string {
  const qualified = options.group ? `${options.kind}.${options.group}` : options.kind;
  const parts = options.errors.map(formatFieldError);
  const detail = parts.length === 1 ? (parts[0] ?? '') : `[${parts.join(', ')}]`;
  return `${qualified} "${options.name}" is invalid: ${detail}`;
}

/** Formats a value the way Go's field errors quote it: strings quoted, numbers and booleans bare. */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return JSON.stringify(jsonTypeOf(value));
}

/** The JSON type name of a value: `string`, `integer`, `number`, `boolean`, `object`, `array`, `null`. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
