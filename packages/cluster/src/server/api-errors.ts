// Builders for the Kubernetes-shaped Status errors the API server answers with (k8s.io/apimachinery/pkg/api/errors).
import { ApiError, StatusReason, type Status, type StatusCause, type StatusDetails } from '@aviary/kube';

/** One field validation failure, shaped like an apimachinery field.Error. */
export interface FieldError {
  /** Field path: `metadata.name`, `spec.replicas`. */
  readonly path: string;
  /** field.ErrorType as its reason string: FieldValueInvalid, FieldValueRequired, FieldValueNotSupported, … */
  readonly type: string;
  /** The error body as upstream prints it: `Invalid value: "x": must be …`. */
  readonly message: string;
}

/** Names a resource for messages: `{ group: 'apps', resource: 'replicasets', kind: 'ReplicaSet' }`. */
export interface ResourceNames {
  readonly group: string;
  readonly resource: string;
  readonly kind: string;
}

/** `replicasets.apps`, or `configmaps` in the core group. */
export function qualifiedResource(names: ResourceNames): string {
  return names.group === '' ? names.resource : `${names.resource}.${names.group}`;
}

/** `Rollout.argoproj.io`, or `ConfigMap` in the core group. */
export function qualifiedKind(names: ResourceNames): string {
  return names.group === '' ? names.kind : `${names.kind}.${names.group}`;
}

function failure(code: number, reason: string, message: string, details?: StatusDetails): ApiError {
  // Key order as upstream serializes it: kind, apiVersion, metadata, status, message, reason, details, code.
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason };
  if (details !== undefined) status.details = details;
  status.code = code;
  return new ApiError(status);
}

function resourceDetails(names: ResourceNames, name: string): StatusDetails {
  const details: StatusDetails = { name };
  if (names.group !== '') details.group = names.group;
  details.kind = names.resource;
  return details;
}

export function notFoundError(names: ResourceNames, name: string): ApiError {
  return failure(404, StatusReason.NotFound, `${qualifiedResource(names)} "${name}" not found`, resourceDetails(names, name));
}

/** A path that names no served resource: the plain 404 real servers give (`the server could not find the requested resource`). */
export function pathNotFoundError(): ApiError {
  return failure(404, StatusReason.NotFound, 'the server could not find the requested resource', {});
}

export function alreadyExistsError(names: ResourceNames, name: string): ApiError {
  return failure(409, StatusReason.AlreadyExists, `${qualifiedResource(names)} "${name}" already exists`, resourceDetails(names, name));
}

/** 409 Conflict: `Operation cannot be fulfilled on replicasets.apps "x": <why>`. */
export function conflictError(names: ResourceNames, name: string, why: string): ApiError {
  return failure(409, StatusReason.Conflict, `Operation cannot be fulfilled on ${qualifiedResource(names)} "${name}": ${why}`, resourceDetails(names, name));
}

export const optimisticLockMessage = 'the object has been modified; please apply your changes to the latest version and try again';

/** 422 Invalid: `Rollout.argoproj.io "x" is invalid: spec.x: …` with one cause per field error. */
export function invalidError(names: ResourceNames, name: string, errors: readonly FieldError[]): ApiError {
  const texts = errors.map((e) => `${e.path}: ${e.message}`);
  const joined = texts.length === 1 ? (texts[0] ?? '') : `[${texts.join(', ')}]`;
  const causes: StatusCause[] = errors.map((e) => ({ reason: e.type, message: e.message, field: e.path }));
  const details: StatusDetails = { name };
  if (names.group !== '') details.group = names.group;
  details.kind = names.kind;
  details.causes = causes;
  return failure(422, StatusReason.Invalid, `${qualifiedKind(names)} "${name}" is invalid: ${joined}`, details);
}

export function badRequestError(message: string): ApiError {
  return failure(400, StatusReason.BadRequest, message);
}

/** 403 Forbidden: `configmaps "x" is forbidden: <why>`. */
export function forbiddenError(names: ResourceNames, name: string, why: string, cause?: StatusCause): ApiError {
  const details = resourceDetails(names, name);
  if (cause !== undefined) details.causes = [cause];
  return failure(403, StatusReason.Forbidden, `${qualifiedResource(names)} "${name}" is forbidden: ${why}`, details);
}

export function methodNotAllowedError(method: string, what: string): ApiError {
  return failure(405, StatusReason.MethodNotAllowed, `${method} is not supported on ${what}`, {});
}

export function unsupportedMediaTypeError(contentType: string, accepted: readonly string[], message?: string): ApiError {
  return failure(
    415,
    StatusReason.UnsupportedMediaType,
    message ?? `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
    contentType === '' ? {} : { causes: [{ reason: 'UnexpectedServerResponse', message: contentType }] },
  );
}

export function notAcceptableError(accepted: readonly string[]): ApiError {
  return failure(406, StatusReason.NotAcceptable, `only the following media types are accepted: ${accepted.join(', ')}`);
}

export function requestTooLargeError(limitBytes: number): ApiError {
  return failure(413, StatusReason.RequestEntityTooLarge, `Request entity too large: limit is ${limitBytes}`);
}

export function unauthorizedError(): ApiError {
  return failure(401, StatusReason.Unauthorized, 'Unauthorized');
}

/** 410 for a watch or list from a resourceVersion older than the retained history. */
export function expiredError(message: string): ApiError {
  return failure(410, StatusReason.Expired, message);
}

export function internalError(message: string): ApiError {
  return failure(500, StatusReason.InternalError, `Internal error occurred: ${message}`, { causes: [{ message }] });
}

/** Field error helpers with upstream's wording. */
export const fieldErrors = {
  invalid(path: string, value: unknown, detail: string): FieldError {
    return { path, type: 'FieldValueInvalid', message: `Invalid value: ${formatValue(value)}: ${detail}` };
  },
  required(path: string, detail: string): FieldError {
    return { path, type: 'FieldValueRequired', message: detail === '' ? 'Required value' : `Required value: ${detail}` };
  },
  forbidden(path: string, detail: string): FieldError {
    return { path, type: 'FieldValueForbidden', message: `Forbidden: ${detail}` };
  },
} as const;

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}

/** The Status to send for any thrown value: ApiErrors as they are, anything else as a 500 InternalError. */
export function statusOf(err: unknown): Status {
  if (err instanceof ApiError) return { kind: 'Status', apiVersion: 'v1', metadata: {}, ...err.status, code: err.code };
  const message = err instanceof Error ? err.message : String(err);
  return internalError(message).status;
}
