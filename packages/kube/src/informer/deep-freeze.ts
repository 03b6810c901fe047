// deepFreeze: makes a cached object immutable all the way down, matching the DeepReadonly type informers hand out.
import type { DeepReadonly } from '../types/meta.js';

/** Freezes `value` and everything reachable from it (children first); already-frozen subtrees are skipped. */
export function deepFreeze<T>(value: T): DeepReadonly<T> {
  freezeValue(value);
  return value as DeepReadonly<T>;
}

function freezeValue(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  for (const child of Object.values(value)) freezeValue(child);
  Object.freeze(value);
}
