// FieldError: one validation failure with its field path, shaped and printed like apimachinery's field.Error.
import { formatGoValue, type GoValue } from './go-value-format.js';

/** The error types upstream uses, as their wire strings (field.ErrorType). */
export const FieldErrorType = {
  Required: 'FieldValueRequired',
  Invalid: 'FieldValueInvalid',
  NotSupported: 'FieldValueNotSupported',
  Duplicate: 'FieldValueDuplicate',
  Forbidden: 'FieldValueForbidden',
  Internal: 'InternalError',
} as const;
export type FieldErrorType = (typeof FieldErrorType)[keyof typeof FieldErrorType];

/** How each type reads in a message (field.ErrorType.String()). */
const typeLabels: Readonly<Record<FieldErrorType, string>> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueForbidden: 'Forbidden',
  InternalError: 'Internal error',
};

export interface FieldError {
  /** The field, as upstream names it: `spec.strategy.steps[0].setWeight`. */
  readonly path: string;
  readonly type: FieldErrorType;
  /** The explanation (upstream's Detail): `SetWeight needs to be between 0 and 100`; may be empty. */
  readonly message: string;
  /** The offending value as upstream prints it (`200`, `"svc"`); absent for Required, Forbidden and Internal. */
  readonly value?: string;
}

export function newRequiredError(path: string, message = ''): FieldError {
  return { path, type: FieldErrorType.Required, message };
}

export function newInvalidError(path: string, value: GoValue, message: string): FieldError {
  return { path, type: FieldErrorType.Invalid, message, value: formatGoValue(value) };
}

/** `Unsupported value: "Never": supported values: "Always"`. */
export function newNotSupportedError(path: string, value: GoValue, supported: readonly string[]): FieldError {
  const message = supported.length > 0 ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : '';
  return { path, type: FieldErrorType.NotSupported, message, value: formatGoValue(value) };
}

export function newDuplicateError(path: string, value: GoValue): FieldError {
  return { path, type: FieldErrorType.Duplicate, message: '', value: formatGoValue(value) };
}

export function newForbiddenError(path: string, message: string): FieldError {
  return { path, type: FieldErrorType.Forbidden, message };
}

export function newInternalError(path: string, message: string): FieldError {
  return { path, type: FieldErrorType.Internal, message };
}

/** The message without the field (field.Error.ErrorBody): what `lint` prints per error. */
export function formatFieldErrorBody(error: FieldError): string {
  let body = typeLabels[error.type];
  if (error.value !== undefined) body += `: ${error.value}`;
  if (error.message !== '') body += `: ${error.message}`;
  return body;
}

/** `spec.strategy.steps[0].setWeight: Invalid value: 200: SetWeight needs to be between 0 and 100`. */
export function formatFieldError(error: FieldError): string {
  return `${error.path}: ${formatFieldErrorBody(error)}`;
}
