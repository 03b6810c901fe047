// shareUnchanged: a new version of a cached object keeps the previous version's identical parts (structural sharing).
//
// A watch event brings a whole new object even when one field changed; a status update leaves the spec as it was.
// Reusing the cached version's unchanged subtrees keeps their identity (so what is remembered per object, like a
// pod-template hash, stays remembered) and lets the freshly decoded copies die young instead of being promoted into
// the old generation with the cache entry.

/**
 * `next` with every subtree that equals the one at the same place in `previous` (same keys in the same order, same
 * values) replaced by `previous`'s; `previous` itself when the two are equal throughout. Only `next`'s own, unfrozen
 * objects are changed (in place); a frozen part of `next` is kept as it is.
 */
export function shareUnchanged<T>(previous: unknown, next: T): T {
  return share(previous, next) as T;
}

function share(previous: unknown, next: unknown): unknown {
  if (previous === next || typeof next !== 'object' || next === null) return next;
  if (typeof previous !== 'object' || previous === null || Array.isArray(previous) !== Array.isArray(next)) return next;
  return Array.isArray(next) ? shareArray(previous as unknown[], next) : shareObject(previous as Record<string, unknown>, next as Record<string, unknown>);
}

function shareArray(previous: unknown[], next: unknown[]): unknown[] {
  const writable = !Object.isFrozen(next);
  let same = previous.length === next.length;
  for (let i = 0; i < next.length; i++) {
    const item = next[i];
    const shared = i < previous.length ? share(previous[i], item) : item;
    if (shared !== item && writable) next[i] = shared;
    if (shared !== previous[i]) same = false;
  }
  return same ? previous : next;
}

function shareObject(previous: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const writable = !Object.isFrozen(next);
  const previousKeys = Object.keys(previous);
  const keys = Object.keys(next);
  let same = previousKeys.length === keys.length;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (same && previousKeys[i] !== key) same = false;
    const value = next[key];
    if (!Object.hasOwn(previous, key)) {
      same = false;
      continue;
    }
    const shared = share(previous[key], value);
    if (shared !== value && writable) next[key] = shared;
    if (shared !== previous[key]) same = false;
  }
  return same ? previous : next;
}

