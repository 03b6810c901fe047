// Go's `omitempty` for status counters: a zero is left out of the object, as the real controllers write it.

/** Deletes each listed field whose value is 0, so the JSON matches what kube-controller-manager writes. */
export function omitZeroFields<T extends object>(status: T, fields: readonly (keyof T)[]): T {
  for (const field of fields) if (status[field] === 0) delete status[field];
  return status;
}
