// ApiError: an API failure carrying the Kubernetes Status, and the predicates controllers branch on.
import { StatusReason, type Status } from '../types/meta.js';

/** A failed API call. `status` is the server's Status body (or one built from the HTTP code). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: number;
  readonly reason: string;
  readonly status: Status;

  constructor(status: Status, options?: { cause?: unknown }) {
    super(status.message || `the server responded with HTTP ${status.code ?? 'error'}`, options);
    this.status = status;
    this.code = status.code ?? 500;
    this.reason = status.reason ?? reasonForCode(this.code);
  }

  /** Builds an ApiError from an HTTP code and a response body that may or may not be a Status. */
  static fromResponse(code: number, body: string): ApiError {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    if (isStatusBody(parsed)) return new ApiError({ ...parsed, code: parsed.code ?? code });
    const message = body.trim() || `the server responded with HTTP ${code}`;
    return new ApiError({ apiVersion: 'v1', kind: 'Status', status: 'Failure', code, reason: reasonForCode(code), message });
  }
}

function isStatusBody(value: unknown): value is Status {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Status';
}

/** The reason the API server gives for a bare HTTP code (apimachinery's errors.FromObject fallback). */
export function reasonForCode(code: number): StatusReason {
  switch (code) {
    case 400: return StatusReason.BadRequest;
    case 401: return StatusReason.Unauthorized;
    case 403: return StatusReason.Forbidden;
    case 404: return StatusReason.NotFound;
    case 405: return StatusReason.MethodNotAllowed;
    case 406: return StatusReason.NotAcceptable;
    case 409: return StatusReason.Conflict;
    case 410: return StatusReason.Gone;
    case 413: return StatusReason.RequestEntityTooLarge;
    case 415: return StatusReason.UnsupportedMediaType;
    case 422: return StatusReason.Invalid;
    case 429: return StatusReason.TooManyRequests;
    case 500: return StatusReason.InternalError;
    case 503: return StatusReason.ServiceUnavailable;
    case 504: return StatusReason.Timeout;
    default: return StatusReason.Unknown;
  }
}

function reasonOf(err: unknown): string | undefined {
  return err instanceof ApiError ? err.reason : undefined;
}

export const isNotFound = (err: unknown): boolean => reasonOf(err) === StatusReason.NotFound;
/** 409 from a stale resourceVersion (reason Conflict), as opposed to AlreadyExists. */
export const isConflict = (err: unknown): boolean => reasonOf(err) === StatusReason.Conflict;
export const isAlreadyExists = (err: unknown): boolean => reasonOf(err) === StatusReason.AlreadyExists;
/** 410: the resourceVersion asked for is older than the server's history; re-list. */
export const isGone = (err: unknown): boolean =>
  reasonOf(err) === StatusReason.Gone || reasonOf(err) === StatusReason.Expired || (err instanceof ApiError && err.code === 410);
export const isInvalid = (err: unknown): boolean => reasonOf(err) === StatusReason.Invalid;
export const isUnauthorized = (err: unknown): boolean => reasonOf(err) === StatusReason.Unauthorized;
