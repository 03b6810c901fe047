// Strategic merge patch directives: `$patch`, `$retainKeys`, `$setElementOrder/…`, `$deleteFromPrimitiveList/…`.
//
// Upstream: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (mergeMap, applyRetainKeysDirective,
// extractKey) and the design note "preserve-order-in-strategic-merge-patch".
import { StrategicMergePatchError, joinFieldPath } from './strategic-merge-error.js';
import { describeJsonType, isJsonObject, type JsonObject, type JsonValue } from './strategic-merge-values.js';

export const DirectiveKey = {
  Patch: '$patch',
  RetainKeys: '$retainKeys',
  SetElementOrderPrefix: '$setElementOrder',
  DeleteFromPrimitiveListPrefix: '$deleteFromPrimitiveList',
} as const;

/** The values of `$patch`. */
export const PatchDirective = {
  /** On a map: the map becomes the patch's map. In a list: the list becomes the patch's other items. */
  Replace: 'replace',
  /** On a map: the map is emptied. On a list item: every live item with the same merge key is removed. */
  Delete: 'delete',
  /** The default for maps; upstream rejects it inside lists. */
  Merge: 'merge',
} as const;
export type PatchDirective = (typeof PatchDirective)[keyof typeof PatchDirective];

/** A patch map taken apart: its `$patch`, its directive lists, and its ordinary fields. */
export interface ParsedPatchMap {
  readonly directive: PatchDirective | undefined;
  readonly retainKeys: readonly string[] | undefined;
  /** `$setElementOrder/<field>`: field → the wanted order of the merged list. */
  readonly elementOrders: ReadonlyMap<string, readonly JsonValue[]>;
  /** `$deleteFromPrimitiveList/<field>`: field → values to remove from that primitive list. */
  readonly primitiveDeletions: ReadonlyMap<string, readonly JsonValue[]>;
  /** The ordinary fields, in patch order. `undefined` values are dropped. */
  readonly fields: ReadonlyArray<readonly [string, JsonValue]>;
}

/** The `$patch` value of a map, checked; undefined when the map has none. */
export function readPatchDirective(map: JsonObject, path: string): PatchDirective | undefined {
  if (!Object.prototype.hasOwnProperty.call(map, DirectiveKey.Patch)) return undefined;
  const value = map[DirectiveKey.Patch];
  if (value === PatchDirective.Replace || value === PatchDirective.Delete || value === PatchDirective.Merge) return value;
  throw new StrategicMergePatchError({
    path,
    detail: `unknown patch type ${JSON.stringify(value)}: $patch must be one of "replace", "delete", "merge"`,
  });
}

/** True for a list item that is a `$patch` marker rather than data. */
export function isDirectiveItem(item: JsonValue): item is JsonObject {
  return isJsonObject(item) && Object.prototype.hasOwnProperty.call(item, DirectiveKey.Patch);
}

/** Separates a patch map's directives from its fields, rejecting malformed directives. */
export function parsePatchMap(patch: JsonObject, path: string): ParsedPatchMap {
  const elementOrders = new Map<string, readonly JsonValue[]>();
  const primitiveDeletions = new Map<string, readonly JsonValue[]>();
  const fields: Array<readonly [string, JsonValue]> = [];
  let retainKeys: readonly string[] | undefined;

  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || key === DirectiveKey.Patch) continue;
    if (key === DirectiveKey.RetainKeys) {
      retainKeys = readRetainKeys(value, joinFieldPath(path, key));
    } else if (hasDirectivePrefix(key, DirectiveKey.SetElementOrderPrefix)) {
      const field = fieldOfDirectiveKey(key, DirectiveKey.SetElementOrderPrefix, path);
      elementOrders.set(field, readDirectiveList(value, joinFieldPath(path, key)));
    } else if (hasDirectivePrefix(key, DirectiveKey.DeleteFromPrimitiveListPrefix)) {
      const field = fieldOfDirectiveKey(key, DirectiveKey.DeleteFromPrimitiveListPrefix, path);
      primitiveDeletions.set(field, readDirectiveList(value, joinFieldPath(path, key)));
    } else {
      fields.push([key, value]);
    }
  }
  return { directive: readPatchDirective(patch, path), retainKeys, elementOrders, primitiveDeletions, fields };
}

/**
 * `$retainKeys`: drops every live key not in the list, after checking that the patch itself sets no
 * field outside it (null deletions are allowed). Returns a new map.
 */
export function applyRetainKeys(
  original: JsonObject,
  retainKeys: readonly string[],
  fields: ParsedPatchMap['fields'],
  path: string,
): JsonObject {
  const retained = new Set(retainKeys);
  for (const [key, value] of fields) {
    if (value !== null && !retained.has(key)) {
      throw new StrategicMergePatchError({
        path: joinFieldPath(path, DirectiveKey.RetainKeys),
        detail: `invalid patch format of retainKeys: the patch sets "${key}", which is not in the $retainKeys list`,
      });
    }
  }
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(original)) {
    if (retained.has(key)) result[key] = value;
  }
  return result;
}

/** Keys are `$prefix/field`; `$prefixfoo` is malformed too, as upstream treats any key with the prefix. */
function hasDirectivePrefix(key: string, prefix: string): boolean {
  return key.startsWith(prefix);
}

function fieldOfDirectiveKey(key: string, prefix: string, path: string): string {
  const field = key.startsWith(`${prefix}/`) ? key.slice(prefix.length + 1) : '';
  if (field === '') {
    throw new StrategicMergePatchError({
      path: joinFieldPath(path, key),
      detail: `invalid patch format: expected "${prefix}/<field>"`,
    });
  }
  return field;
}

function readDirectiveList(value: JsonValue, path: string): readonly JsonValue[] {
  if (!Array.isArray(value)) {
    throw new StrategicMergePatchError({ path, detail: `must be a list, got ${describeJsonType(value)}` });
  }
  return value;
}

function readRetainKeys(value: JsonValue, path: string): readonly string[] {
  if (!Array.isArray(value) || !value.every((key): key is string => typeof key === 'string')) {
    throw new StrategicMergePatchError({
      path,
      detail: 'invalid patch format of retainKeys: must be a list of field names',
    });
  }
  return value;
}
