// List merging for strategic merge patch: merge by key, primitive sets, `$patch` items, and element order.
//
// Upstream: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (mergeSlice, mergeSliceWithSpecialElements,
// normalizeElementOrder, mergeSortedSlice, mergePatchIntoOriginal, validatePatchWithSetOrderList).
import { StrategicMergePatchError, StrategicMergePatchErrorReason, joinIndexPath } from './strategic-merge-error.js';
import { PatchDirective, isDirectiveItem, readPatchDirective } from './strategic-merge-directives.js';
import { PatchStrategy, fieldsOf, type FieldPatchMeta, type PatchSchema } from './strategic-merge-schema.js';
import { describeJsonType, identityOf, isJsonObject, type JsonObject, type JsonValue } from './strategic-merge-values.js';

/** The map-level operations lists need for their items (implemented in strategic-merge-maps.ts). */
export interface ItemMerger {
  mergeMap(original: JsonObject, patch: JsonObject, schema: PatchSchema, path: string): JsonObject;
  /** A patch value with its directives resolved against nothing; undefined when it deletes itself. */
  materialize(value: JsonValue, meta: FieldPatchMeta | undefined, path: string): JsonValue | undefined;
}

interface ListMergeInput {
  readonly original: readonly JsonValue[];
  readonly patch: readonly JsonValue[];
  readonly meta: FieldPatchMeta | undefined;
  readonly path: string;
  readonly merger: ItemMerger;
}

/** A list field present in both: merged when its strategy is `merge`, otherwise replaced by the patch's list. */
export function mergeListField(input: ListMergeInput): JsonValue[] {
  if (input.meta?.strategy === PatchStrategy.Merge) return mergeList(input);
  return materializeList(input.patch, input.meta, input.path, input.merger);
}

/**
 * A patch list with nothing to merge into: `$patch` items are dropped and items are materialized.
 * Used for atomic lists and for lists the live object does not have yet.
 */
export function materializeList(
  patch: readonly JsonValue[],
  meta: FieldPatchMeta | undefined,
  path: string,
  merger: ItemMerger,
): JsonValue[] {
  const itemMeta: FieldPatchMeta | undefined = meta?.fields ? { fields: meta.fields } : undefined;
  const result: JsonValue[] = [];
  patch.forEach((item, index) => {
    const itemPath = joinIndexPath(path, index);
    if (isDirectiveItem(item)) {
      readPatchDirective(item, itemPath);
      return;
    }
    const value = merger.materialize(item, itemMeta, itemPath);
    if (value !== undefined) result.push(value);
  });
  return result;
}

/**
 * Merges a `patchStrategy:"merge"` list. Lists of maps merge item by item on the merge key (new items are
 * appended); primitive lists become the union. The result is ordered: patch items in patch order, live-only
 * items in live order, interleaved where the live order relates them.
 *
 *   live [{port:80},{port:443}] + patch [{port:8080},{port:80,name:"http"}]
 *     → [{port:8080},{port:80,name:"http"},{port:443}]   (443 stays after 80, as it was live)
 */
export function mergeList(input: ListMergeInput): JsonValue[] {
  const { original, patch, path } = input;
  if (original.length === 0 && patch.length === 0) return [];
  const kind = elementKindOf([original, patch], path);
  if (kind === 'scalar') {
    const union = dedupeScalars([...original, ...patch]);
    return orderMergedList({ merged: union, order: patch, serverOrder: original, identify: identityOf });
  }
  return mergeListOfMaps(input);
}

function mergeListOfMaps({ original, patch, meta, path, merger }: ListMergeInput): JsonValue[] {
  const mergeKey = meta?.mergeKey;
  if (mergeKey === undefined) {
    throw new StrategicMergePatchError({ path, detail: 'cannot merge a list of maps without a merge key' });
  }
  const identify = identifyByKey(mergeKey);
  let live: JsonValue[] = [...original];
  const items: Array<{ item: JsonObject; path: string }> = [];
  let replace = false;

  patch.forEach((item, index) => {
    const itemPath = joinIndexPath(path, index);
    const entry = item as JsonObject;
    const directive = readPatchDirective(entry, itemPath);
    if (directive === undefined) {
      requireMergeKey(entry, mergeKey, itemPath);
      items.push({ item: entry, path: itemPath });
    } else if (directive === PatchDirective.Delete) {
      const doomed = requireMergeKey(entry, mergeKey, itemPath);
      live = live.filter((candidate) => identify(candidate) !== doomed);
    } else if (directive === PatchDirective.Replace) {
      replace = true;
    } else {
      throw new StrategicMergePatchError({ path: itemPath, detail: 'merging lists cannot yet be specified in the patch' });
    }
  });

  if (replace) {
    return materializeList(items.map((entry) => entry.item), meta, path, merger);
  }

  const serverOrder = [...live];
  const itemSchema: PatchSchema = fieldsOf(meta);
  for (const { item, path: itemPath } of items) {
    const id = identify(item);
    const at = live.findIndex((candidate) => identify(candidate) === id);
    const current = at >= 0 ? live[at] : undefined;
    if (current !== undefined && isJsonObject(current)) {
      live[at] = merger.mergeMap(current, item, itemSchema, itemPath);
    } else {
      const added = merger.materialize(item, { fields: itemSchema }, itemPath);
      if (added !== undefined) live.push(added);
    }
  }
  return orderMergedList({ merged: live, order: items.map((entry) => entry.item), serverOrder, identify });
}

interface OrderedMergeInput {
  /** The live list (when present). */
  readonly original: JsonValue | undefined;
  /** The patch's list (when present). */
  readonly patch: JsonValue | undefined;
  /** The `$setElementOrder/<field>` list. */
  readonly order: readonly JsonValue[];
  readonly meta: FieldPatchMeta;
  /** The list field's path, and the path of its `$setElementOrder/<field>` key (for errors). */
  readonly path: string;
  readonly orderPath: string;
  readonly merger: ItemMerger;
}

/**
 * A merge list with `$setElementOrder`: merge as usual, then order items named in the order list by it,
 * keeping live-only items near their live neighbours. Undefined when neither side has the list.
 */
export function mergeListInOrder(input: OrderedMergeInput): JsonValue[] | undefined {
  const { original, patch, order, meta, path, orderPath, merger } = input;
  const mergeKey = meta.mergeKey;
  if (mergeKey !== undefined) {
    order.forEach((item, index) => {
      if (!isJsonObject(item)) {
        throw new StrategicMergePatchError({ path: joinIndexPath(orderPath, index), detail: `expected a map, got ${describeJsonType(item)}` });
      }
      requireMergeKey(item, mergeKey, joinIndexPath(orderPath, index));
    });
  }
  if (patch !== undefined && !Array.isArray(patch)) {
    throw new StrategicMergePatchError({ path, detail: `expected a list to go with ${orderPath}, got ${describeJsonType(patch)}` });
  }
  const identify = mergeKey !== undefined ? identifyByKey(mergeKey) : identityOf;
  if (patch !== undefined) checkPatchFollowsOrder(patch, order, identify, orderPath);

  const originalList = Array.isArray(original) ? original : undefined;
  let merged: JsonValue[];
  if (originalList && patch) merged = mergeList({ original: originalList, patch, meta, path, merger });
  else if (originalList) merged = [...originalList];
  else if (patch) merged = materializeList(patch, meta, path, merger);
  else return undefined;
  return orderMergedList({ merged, order, serverOrder: originalList ?? [], identify });
}

/** `$deleteFromPrimitiveList/<field>`: removes every listed value from the live list. */
export function deleteFromPrimitiveList(current: readonly JsonValue[], values: readonly JsonValue[]): JsonValue[] {
  const doomed = new Set(values.map(identityOf));
  return current.filter((value) => !doomed.has(identityOf(value)));
}

/** The patch's data items must appear in the order list, in the same relative order. */
function checkPatchFollowsOrder(
  patch: readonly JsonValue[],
  order: readonly JsonValue[],
  identify: (value: JsonValue) => string | undefined,
  orderPath: string,
): void {
  const data = patch.filter((item) => !isDirectiveItem(item));
  let next = 0;
  for (const wanted of order) {
    if (next >= data.length) return;
    const item = data[next];
    if (item !== undefined && identify(item) === identify(wanted)) next++;
  }
  if (next < data.length) {
    throw new StrategicMergePatchError({
      path: orderPath,
      detail: "the order in the patch list doesn't match the $setElementOrder list",
    });
  }
}

interface OrderInput {
  readonly merged: readonly JsonValue[];
  readonly order: readonly JsonValue[];
  readonly serverOrder: readonly JsonValue[];
  readonly identify: (value: JsonValue) => string | undefined;
}

/**
 * Splits `merged` into items named by `order` (sorted by it) and server-only items (sorted by the live
 * order), then interleaves them: a server-only item goes first when the live list had it before the
 * next patch item. Upstream: normalizeElementOrder + mergeSortedSlice.
 */
function orderMergedList({ merged, order, serverOrder, identify }: OrderInput): JsonValue[] {
  const orderIndex = firstIndexById(order, identify);
  const serverIndex = firstIndexById(serverOrder, identify);
  const rankIn = (index: ReadonlyMap<string, number>, value: JsonValue): number | undefined => {
    const id = identify(value);
    return id === undefined ? undefined : index.get(id);
  };
  const fromPatch = merged.filter((value) => rankIn(orderIndex, value) !== undefined);
  const serverOnly = merged.filter((value) => rankIn(orderIndex, value) === undefined);
  const byRank = (index: ReadonlyMap<string, number>) => (a: JsonValue, b: JsonValue) =>
    (rankIn(index, a) ?? Number.MAX_SAFE_INTEGER) - (rankIn(index, b) ?? Number.MAX_SAFE_INTEGER);
  fromPatch.sort(byRank(orderIndex));
  serverOnly.sort(byRank(serverIndex));

  const result: JsonValue[] = [];
  let left = 0;
  let right = 0;
  while (left < serverOnly.length || right < fromPatch.length) {
    const l = serverOnly[left];
    const r = fromPatch[right];
    if (l === undefined) {
      result.push(r as JsonValue);
      right++;
    } else if (r === undefined) {
      result.push(l);
      left++;
    } else {
      const lr = rankIn(serverIndex, l);
      const rr = rankIn(serverIndex, r);
      if (lr !== undefined && rr !== undefined && lr < rr) {
        result.push(l);
        left++;
      } else {
        result.push(r);
        right++;
      }
    }
  }
  return result;
}

function firstIndexById(list: readonly JsonValue[], identify: (value: JsonValue) => string | undefined): Map<string, number> {
  const index = new Map<string, number>();
  list.forEach((value, position) => {
    const id = identify(value);
    if (id !== undefined && !index.has(id)) index.set(id, position);
  });
  return index;
}

function identifyByKey(mergeKey: string): (value: JsonValue) => string | undefined {
  return (value) =>
    isJsonObject(value) && Object.prototype.hasOwnProperty.call(value, mergeKey) ? identityOf(value[mergeKey]) : undefined;
}

function requireMergeKey(item: JsonObject, mergeKey: string, path: string): string {
  if (!Object.prototype.hasOwnProperty.call(item, mergeKey) || item[mergeKey] === undefined) {
    throw new StrategicMergePatchError({ path, detail: `map does not contain declared merge key: ${mergeKey}` });
  }
  return identityOf(item[mergeKey]);
}

function dedupeScalars(values: readonly JsonValue[]): JsonValue[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const id = identityOf(value);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** All items must be maps, or all primitives of one type; lists of lists are not supported. */
function elementKindOf(lists: ReadonlyArray<readonly JsonValue[]>, path: string): 'map' | 'scalar' {
  let kind: string | undefined;
  for (const list of lists) {
    for (const item of list) {
      if (Array.isArray(item)) {
        throw new StrategicMergePatchError({
          path,
          detail: 'lists of lists are not supported',
          reason: StrategicMergePatchErrorReason.Invalid,
        });
      }
      const itemKind = describeJsonType(item);
      if (kind === undefined) kind = itemKind;
      else if (kind !== itemKind) {
        throw new StrategicMergePatchError({ path, detail: `list element types are not identical: ${kind} and ${itemKind}` });
      }
    }
  }
  return kind === 'map' ? 'map' : 'scalar';
}
