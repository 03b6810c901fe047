// ApplyInputError: an applied configuration (or a stored object) that server-side apply cannot work with.

/**
 * Thrown for input server-side apply rejects. `statusCode` is what Kubernetes answers: 400 for
 * `metadata.managedFields must be nil` and a wrong apiVersion, 500 for objects that do not fit their
 * schema (duplicate keys, list items missing a key field: upstream's "failed to create typed … object").
 */
export class ApplyInputError extends Error {
  override readonly name = 'ApplyInputError';
  readonly statusCode: 400 | 500;

  constructor(options: { message: string; statusCode: 400 | 500; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.statusCode = options.statusCode;
  }
}

export function isApplyInputError(err: unknown): err is ApplyInputError {
  return err instanceof ApplyInputError;
}
