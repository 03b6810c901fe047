// Errors from decoding Kubernetes protobuf request bodies: malformed bytes (a 400) and kinds this server cannot decode (a 415).

/** The body is not a well-formed Kubernetes protobuf message; `path` names the field being read when known. */
export class ProtobufDecodeError extends Error {
  override readonly name = 'ProtobufDecodeError';
  readonly path: string | undefined;
  constructor(message: string, options: { path?: string; cause?: unknown } = {}) {
    super(options.path === undefined || options.path === '' ? message : `${options.path}: ${message}`, options.cause === undefined ? {} : { cause: options.cause });
    this.path = options.path;
  }
}

/** The envelope is well formed but names a kind with no descriptor here; the server answers 415 naming the kind. */
export class UnsupportedProtobufKindError extends Error {
  override readonly name = 'UnsupportedProtobufKindError';
  constructor(
    readonly apiVersion: string,
    readonly kind: string,
  ) {
    super(`protobuf decoding of ${kind} (${apiVersion === '' ? 'no apiVersion' : apiVersion}) is not supported; send it as application/json or application/yaml`);
  }
}

export function isProtobufDecodeError(err: unknown): err is ProtobufDecodeError {
  return err instanceof ProtobufDecodeError;
}

export function isUnsupportedProtobufKindError(err: unknown): err is UnsupportedProtobufKindError {
  return err instanceof UnsupportedProtobufKindError;
}
