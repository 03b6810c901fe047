// Structural equality of JSON values (key order ignored), to detect no-op writes and spec changes.

export function deepEqualJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqualJson(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keysA = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const keysB = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.hasOwn(rb, k) && deepEqualJson(ra[k], rb[k]));
}

/** Whether anything outside metadata (and outside status, when `ignoreStatus`) differs: what bumps generation. */
export function specChanged(before: object, after: object, ignoreStatus: boolean): boolean {
  // deepEqualJson over the two objects without those members, compared in place (every update runs this).
  const counted = (key: string): boolean => key !== 'metadata' && key !== 'apiVersion' && key !== 'kind' && !(ignoreStatus && key === 'status');
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keysA = Object.keys(a).filter((key) => counted(key) && a[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => counted(key) && b[key] !== undefined);
  if (keysA.length !== keysB.length) return true;
  return !keysA.every((key) => Object.hasOwn(b, key) && deepEqualJson(a[key], b[key]));
}
