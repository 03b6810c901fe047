// How a walker treats a value (or a live/applied pair of values) at a path: as a leaf, a granular map or a granular list.
import { isEmptyContainer, isJsonObject } from './json-values.js';
import { ListType, type ListInfoProvider, type ListSemantics, type MapSemantics, type SchemaPath } from './list-info.js';

export type ValueShape =
  | { readonly kind: 'leaf' }
  | { readonly kind: 'map'; readonly semantics: MapSemantics }
  | { readonly kind: 'list'; readonly semantics: ListSemantics };

const leaf: ValueShape = { kind: 'leaf' };

/**
 * The shape shared by the present values. Scalars, mismatched types, atomic maps and lists, and maps or
 * lists that are empty (or null) on every side are leaves (structured-merge-diff's "emptyPromoteToLeaf").
 */
export function shapeOfPair(options: {
  readonly values: readonly unknown[];
  readonly schemaPath: SchemaPath;
  readonly listInfo: ListInfoProvider;
}): ValueShape {
  // A null stands for an empty map or list here (a nil slice or pointer in Kubernetes' typed objects).
  const present = options.values.filter((value) => value !== undefined && value !== null);
  if (present.length === 0) return leaf;
  const allEmpty = present.every(isEmptyContainer);
  if (present.every(isJsonObject)) {
    const semantics = options.listInfo.mapAt(options.schemaPath);
    return semantics.atomic || allEmpty ? leaf : { kind: 'map', semantics };
  }
  if (present.every(Array.isArray)) {
    const semantics = options.listInfo.listAt(options.schemaPath);
    return semantics.type === ListType.Atomic || allEmpty ? leaf : { kind: 'list', semantics };
  }
  return leaf;
}

/** shapeOfPair for exactly two values (compare's hot path), without building arrays. */
export function shapeOfTwo(lhs: unknown, rhs: unknown, schemaPath: SchemaPath, listInfo: ListInfoProvider): ValueShape {
  const left = lhs === undefined || lhs === null ? undefined : lhs;
  const right = rhs === undefined || rhs === null ? undefined : rhs;
  if (left === undefined && right === undefined) return leaf;
  const allEmpty = (left === undefined || isEmptyContainer(left)) && (right === undefined || isEmptyContainer(right));
  if ((left === undefined || isJsonObject(left)) && (right === undefined || isJsonObject(right))) {
    const semantics = listInfo.mapAt(schemaPath);
    return semantics.atomic || allEmpty ? leaf : { kind: 'map', semantics };
  }
  if ((left === undefined || Array.isArray(left)) && (right === undefined || Array.isArray(right))) {
    const semantics = listInfo.listAt(schemaPath);
    return semantics.type === ListType.Atomic || allEmpty ? leaf : { kind: 'list', semantics };
  }
  return leaf;
}
