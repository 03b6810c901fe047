// RFC 7386 JSON Merge Patch: apply (null deletes, a non-object patch replaces) and create (the minimal patch from one document to another).
import { copyJson, isPlainJsonObject, jsonDeepEqual, setOwnMember } from './json-values.js';

/**
 * Applies a merge patch and returns the result; neither input is modified.
 * An object patch merges member by member (a null member deletes, an object member merges recursively,
 * anything else replaces, arrays included); a non-object patch replaces the whole target.
 *
 * @example applyMergePatch({ a: 1, b: { c: 2 } }, { a: null, b: { d: 3 } }) // { b: { c: 2, d: 3 } }
 */
export function applyMergePatch<T = unknown>(target: unknown, patch: unknown): T {
  return mergeInto(copyJson(target), patch) as T;
}

/** RFC 7386 MergePatch, mutating the (already copied) target. */
function mergeInto(target: unknown, patch: unknown): unknown {
  if (!isPlainJsonObject(patch)) return copyJson(patch);
  const result: Record<string, unknown> = isPlainJsonObject(target) ? target : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      setOwnMember(result, key, mergeInto(Object.hasOwn(result, key) ? result[key] : undefined, value));
    }
  }
  return result;
}

/**
 * Creates the merge patch that turns `original` into `modified`: members removed become null, changed
 * members are given (objects as nested patches, everything else whole), unchanged members are left out.
 * When either side is not an object the patch is `modified` itself.
 * `applyMergePatch(original, createMergePatch(original, modified))` equals `modified` whenever `modified`
 * holds no null members (merge patch cannot express "set to null").
 *
 * @example createMergePatch({ a: 1, b: 2 }, { a: 1, c: 3 }) // { b: null, c: 3 }
 */
export function createMergePatch(original: unknown, modified: unknown): unknown {
  if (!isPlainJsonObject(original) || !isPlainJsonObject(modified)) return copyJson(modified);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(original)) {
    if (!Object.hasOwn(modified, key)) setOwnMember(patch, key, null);
  }
  for (const [key, value] of Object.entries(modified)) {
    if (!Object.hasOwn(original, key)) {
      setOwnMember(patch, key, copyJson(value));
      continue;
    }
    const before = original[key];
    if (jsonDeepEqual(before, value)) continue;
    if (isPlainJsonObject(before) && isPlainJsonObject(value)) {
      setOwnMember(patch, key, createMergePatch(before, value));
    } else {
      setOwnMember(patch, key, copyJson(value));
    }
  }
  return patch;
}

/** True for a patch that changes nothing (`{}`), the usual "skip the request" check. */
export function isEmptyMergePatch(patch: unknown): boolean {
  return isPlainJsonObject(patch) && Object.keys(patch).length === 0;
}
