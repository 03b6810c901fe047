// Simple dotted JSON paths (`.spec.replicas`), as CRD scale subresources and printer columns name fields.

function segmentsOf(path: string): string[] {
  return path.replace(/^\./, '').split('.').filter((s) => s !== '');
}

/** The value at `path`, or undefined when any step is missing or not an object. */
export function getJsonPath(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const segment of segmentsOf(path)) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Sets the value at `path` in place, creating objects along the way (replacing non-objects). */
export function setJsonPath(object: Record<string, unknown>, path: string, value: unknown): void {
  const segments = segmentsOf(path);
  const last = segments.pop();
  if (last === undefined) return;
  let current: Record<string, unknown> = object;
  for (const segment of segments) {
    const next = current[segment];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
      current = next as Record<string, unknown>;
    } else {
      const created: Record<string, unknown> = {};
      current[segment] = created;
      current = created;
    }
  }
  current[last] = value;
}
