// The ApiErrors the object tracker answers with, worded as the Kubernetes API server words them (apimachinery/pkg/api/errors).
import { ApiError } from '../errors/api-error.js';
import type { ResourceType } from '../client/resource-type.js';
import { StatusReason, type StatusDetails } from '../types/meta.js';

/** `replicasets.apps`, or `pods` for the core group: how upstream names a resource in messages. */
export function qualifiedResourceOf(type: ResourceType): string {
  return type.group === '' ? type.resource : `${type.resource}.${type.group}`;
}

function failure(options: { code: number; reason: StatusReason; message: string; details?: StatusDetails }): ApiError {
  const { details } = options;
  return new ApiError({
    apiVersion: 'v1',
    kind: 'Status',
    metadata: {},
    status: 'Failure',
    message: options.message,
    reason: options.reason,
    code: options.code,
    ...(details ? { details } : {}),
  });
}

/** 404: `replicasets.apps "x" not found`. */
export function notFoundError(type: ResourceType, name: string): ApiError {
  return failure({ code: 404, reason: StatusReason.NotFound, message: `${qualifiedResourceOf(type)} "${name}" not found`, details: { name, group: type.group, kind: type.resource } });
}

/** 409 AlreadyExists: `replicasets.apps "x" already exists`. */
export function alreadyExistsError(type: ResourceType, name: string): ApiError {
  return failure({ code: 409, reason: StatusReason.AlreadyExists, message: `${qualifiedResourceOf(type)} "${name}" already exists`, details: { name, group: type.group, kind: type.resource } });
}

/** 409 Conflict, by default the stale-resourceVersion message every controller retries on. */
export function conflictError(type: ResourceType, name: string, detail = 'the object has been modified; please apply your changes to the latest version and try again'): ApiError {
  return failure({
    code: 409,
    reason: StatusReason.Conflict,
    message: `Operation cannot be fulfilled on ${qualifiedResourceOf(type)} "${name}": ${detail}`,
    details: { name, group: type.group, kind: type.resource },
  });
}

/** 422 Invalid: `Rollout.argoproj.io "x" is invalid: metadata.name: Required value: …`. */
export function invalidError(type: ResourceType, name: string, causes: { field: string; message: string }[]): ApiError {
  const kind = type.group === '' ? type.kind : `${type.kind}.${type.group}`;
  const summary = causes.map((cause) => `${cause.field}: ${cause.message}`).join(', ');
  return failure({
    code: 422,
    reason: StatusReason.Invalid,
    message: `${kind} "${name}" is invalid: ${summary}`,
    details: {
      name,
      group: type.group,
      kind: type.kind,
      causes: causes.map((cause) => ({ reason: 'FieldValueInvalid', field: cause.field, message: cause.message })),
    },
  });
}

export function badRequestError(message: string): ApiError {
  return failure({ code: 400, reason: StatusReason.BadRequest, message });
}

/** 422 with a bare message, as the server answers a JSON patch or strategic merge patch that does not apply. */
export function unprocessableError(message: string): ApiError {
  return failure({ code: 422, reason: StatusReason.Invalid, message });
}

export function unsupportedMediaTypeError(message: string): ApiError {
  return failure({ code: 415, reason: StatusReason.UnsupportedMediaType, message });
}

/** 410 Expired: the watch asked for history that is gone. */
export function expiredError(requested: number, oldest: number): ApiError {
  return failure({ code: 410, reason: StatusReason.Expired, message: `too old resource version: ${requested} (${oldest})` });
}
