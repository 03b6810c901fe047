// Map merging for strategic merge patch: the recursive walk that applies a patch map to a live map.
//
// Upstream: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (mergeMap, mergePatchIntoOriginal,
// handleDirectiveInMergeMap, removeDirectives). Unlike upstream, values taken from the patch are always
// materialized (nulls dropped, directives resolved), so no `$…` key can reach the stored object.
import { joinFieldPath } from './strategic-merge-error.js';
import { PatchDirective, applyRetainKeys, parsePatchMap, type ParsedPatchMap } from './strategic-merge-directives.js';
import {
  deleteFromPrimitiveList,
  materializeList,
  mergeListField,
  mergeListInOrder,
  type ItemMerger,
} from './strategic-merge-lists.js';
import { PatchStrategy, fieldMetaOf, fieldsOf, type FieldPatchMeta, type PatchSchema } from './strategic-merge-schema.js';
import { isJsonObject, type JsonObject, type JsonValue } from './strategic-merge-values.js';

/**
 * Applies `patch` to `original` (neither is changed) and returns the merged map:
 * - `$patch: replace` → the patch's own fields; `$patch: delete` → `{}` (upstream keeps an empty map);
 * - `$retainKeys` → live keys outside the list are dropped first;
 * - `$setElementOrder/<f>` → the merged list `f` is put in that order;
 * - a null value deletes the key; maps recurse; lists merge per the schema; anything else replaces;
 * - `$deleteFromPrimitiveList/<f>` → those values leave the list `f` (applied after the merge).
 */
export function mergeMap(original: JsonObject, patch: JsonObject, schema: PatchSchema, path: string): JsonObject {
  const parsed = parsePatchMap(patch, path);
  if (parsed.directive === PatchDirective.Delete) return {};
  if (parsed.directive === PatchDirective.Replace) return mergeParsedMap({}, parsed, schema, path);
  return mergeParsedMap(original, parsed, schema, path);
}

/**
 * A patch value resolved against nothing (the live object lacks the field, or the field is replaced):
 * maps lose their nulls and directives, `$patch: delete` maps vanish (undefined), lists drop `$patch` items.
 */
export function materialize(value: JsonValue, meta: FieldPatchMeta | undefined, path: string): JsonValue | undefined {
  if (Array.isArray(value)) return materializeList(value, meta, path, itemMerger);
  if (!isJsonObject(value)) return value;
  const parsed = parsePatchMap(value, path);
  if (parsed.directive === PatchDirective.Delete) return undefined;
  return mergeParsedMap({}, parsed, fieldsOf(meta), path);
}

const itemMerger: ItemMerger = { mergeMap, materialize };

function mergeParsedMap(original: JsonObject, parsed: ParsedPatchMap, schema: PatchSchema, path: string): JsonObject {
  const result: JsonObject = parsed.retainKeys
    ? applyRetainKeys(original, parsed.retainKeys, parsed.fields, path)
    : { ...original };

  const ordered = applyElementOrders(result, parsed, schema, path);
  for (const [key, value] of parsed.fields) {
    if (!ordered.has(key)) mergeField(result, key, value, fieldMetaOf(schema, key), joinFieldPath(path, key));
  }
  for (const [field, values] of parsed.primitiveDeletions) {
    const current = result[field];
    if (Array.isArray(current)) result[field] = deleteFromPrimitiveList(current, values);
  }
  return result;
}

/** Merges and orders each merge list named by `$setElementOrder/<field>`; answers the fields it handled. */
function applyElementOrders(result: JsonObject, parsed: ParsedPatchMap, schema: PatchSchema, path: string): Set<string> {
  const handled = new Set<string>();
  for (const [field, order] of parsed.elementOrders) {
    const meta = fieldMetaOf(schema, field);
    // Order only means something for merge lists; an atomic list is simply replaced by the patch.
    if (meta?.strategy !== PatchStrategy.Merge) continue;
    const patchValue = parsed.fields.find(([key]) => key === field)?.[1];
    const merged = mergeListInOrder({
      original: result[field],
      patch: patchValue,
      order,
      meta,
      path: joinFieldPath(path, field),
      orderPath: joinFieldPath(path, `$setElementOrder/${field}`),
      merger: itemMerger,
    });
    if (merged !== undefined) result[field] = merged;
    handled.add(field);
  }
  return handled;
}

function mergeField(result: JsonObject, key: string, value: JsonValue, meta: FieldPatchMeta | undefined, path: string): void {
  if (value === null) {
    delete result[key];
    return;
  }
  const current = result[key];
  let merged: JsonValue | undefined;
  if (isJsonObject(current) && isJsonObject(value)) {
    merged = meta?.strategy === PatchStrategy.Replace
      ? (materialize(value, meta, path) ?? {})
      : mergeMap(current, value, fieldsOf(meta), path);
  } else if (Array.isArray(current) && Array.isArray(value)) {
    merged = mergeListField({ original: current, patch: value, meta, path, merger: itemMerger });
  } else {
    // Absent, null, a primitive, or a change of type: the patch value wins.
    merged = materialize(value, meta, path);
  }
  if (merged === undefined) delete result[key];
  else result[key] = merged;
}
