// StrategicMergePatchError: a malformed strategic merge patch, naming the field path where it went wrong.

/** The HTTP reason the API server answers with: 400 for a malformed patch, 422 for one it cannot apply. */
export const StrategicMergePatchErrorReason = {
  BadRequest: 'BadRequest',
  Invalid: 'Invalid',
} as const;
export type StrategicMergePatchErrorReason =
  (typeof StrategicMergePatchErrorReason)[keyof typeof StrategicMergePatchErrorReason];

export interface StrategicMergePatchErrorOptions {
  /** Where in the patched object the problem is, e.g. `spec.ports[1]`; '' for the whole document. */
  path: string;
  /** What is wrong, without the path. */
  detail: string;
  reason?: StrategicMergePatchErrorReason;
  cause?: unknown;
}

/**
 * A strategic merge patch that cannot be applied: an unknown `$patch` value, a list item without its merge
 * key, a `$setElementOrder` list that contradicts the patch, a `$retainKeys` list missing a patched field…
 * The API server maps `reason`/`code` onto its Status (upstream: apiserver handlers/patch.go
 * interpretStrategicMergePatchError).
 */
export class StrategicMergePatchError extends Error {
  override readonly name = 'StrategicMergePatchError';
  readonly path: string;
  readonly detail: string;
  readonly reason: StrategicMergePatchErrorReason;
  readonly code: 400 | 422;

  constructor(options: StrategicMergePatchErrorOptions) {
    super(options.path ? `${options.path}: ${options.detail}` : options.detail, { cause: options.cause });
    this.path = options.path;
    this.detail = options.detail;
    this.reason = options.reason ?? StrategicMergePatchErrorReason.BadRequest;
    this.code = this.reason === StrategicMergePatchErrorReason.Invalid ? 422 : 400;
  }
}

export function isStrategicMergePatchError(err: unknown): err is StrategicMergePatchError {
  return err instanceof StrategicMergePatchError;
}

/** `spec` + `ports` → `spec.ports`. */
export function joinFieldPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** `spec.ports` + 1 → `spec.ports[1]`. */
export function joinIndexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}
