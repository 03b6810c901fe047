// Small helpers on decoded JSON shared by the JSON patch and merge patch modules: shape test, deep equality, safe member set.

/** A JSON object (not an array, not null). */
export function isPlainJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of decoded JSON: same types, same array order, same member set (order-insensitive). */
export function jsonDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, index) => jsonDeepEqual(item, b[index]));
  }
  if (isPlainJsonObject(a) && isPlainJsonObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && jsonDeepEqual(a[key], b[key]));
  }
  return false;
}

/** Sets an own member, also for the key `__proto__` (a plain assignment would change the prototype). */
export function setOwnMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** A deep copy of decoded JSON. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
