// ContainerConfigError: a container cannot be created yet because its config is incomplete (a missing ConfigMap, Secret or key).

/** Why a container cannot be created yet (waiting reason `CreateContainerConfigError`); a later retry may succeed. */
export class ContainerConfigError extends Error {
  override readonly name = 'ContainerConfigError';
  readonly reason = 'CreateContainerConfigError';
}

/** Checks whether a thrown value is a ContainerConfigError. */
export function isContainerConfigError(error: unknown): error is ContainerConfigError {
  return error instanceof ContainerConfigError;
}
