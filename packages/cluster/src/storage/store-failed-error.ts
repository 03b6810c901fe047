// The error a store throws once a group commit failed: its memory holds writes the database never got.
export class StoreFailedError extends Error {
  override readonly name = 'StoreFailedError';
  constructor(cause: unknown) {
    super(`the store could not commit its writes and refuses further use (restart to recover the committed state): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
