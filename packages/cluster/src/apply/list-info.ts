// ListInfoProvider: how lists and maps at each path merge and are tracked (the part of a schema server-side apply needs).
//
// Upstream gets this from the OpenAPI schema converted by k8s.io/kube-openapi pkg/schemaconv (smd.go):
// `x-kubernetes-list-type` / `x-kubernetes-list-map-keys` / `x-kubernetes-map-type`, falling back to the
// strategic-merge tags (`merge` + merge key → map, `merge` alone → set, anything else → atomic).

/** The `x-kubernetes-list-type` values. */
export const ListType = {
  /** Replaced as a whole; owned as one field. */
  Atomic: 'atomic',
  /** A list of unique scalars, merged as a set; each value owned separately. */
  Set: 'set',
  /** A list of objects identified by key fields, merged by key; each item and its fields owned separately. */
  Map: 'map',
} as const;
export type ListType = (typeof ListType)[keyof typeof ListType];

/** One key field of an associative list, with the default used when an item omits it (`protocol: TCP`). */
export interface ListKey {
  readonly name: string;
  readonly default?: unknown;
}

export interface ListSemantics {
  readonly type: ListType;
  /** For `map` lists: the key fields (`x-kubernetes-list-map-keys`). */
  readonly keys?: readonly ListKey[];
}

export interface MapSemantics {
  /** `x-kubernetes-map-type: atomic` / `+structType=atomic`: replaced and owned as a whole (label selectors). */
  readonly atomic: boolean;
  /**
   * Which keys are declared fields of a struct (`'all'` when every key is), as opposed to free-form map
   * keys (labels, additionalProperties). A free-form key is owned as a field in its own right even when
   * its value has children; a declared field is owned only through its leaves.
   */
  readonly fields: 'all' | ReadonlySet<string>;
}

/**
 * A schema path: the field names from the object root, with list items left out
 * (`['spec', 'template', 'spec', 'containers', 'ports']` for any container's ports).
 */
export type SchemaPath = readonly string[];

/** Answers, for a path, how the list or map found there behaves. Built-in kinds and CRDs each have one. */
export interface ListInfoProvider {
  listAt(path: SchemaPath): ListSemantics;
  mapAt(path: SchemaPath): MapSemantics;
  /**
   * What a create is compared against: the kind's zero value. Kubernetes' typed objects always serialize
   * some containers (`spec`, `spec.template`, `containers: null`), so a create does not "add" those and
   * Update entries carry no `.` marker for them. Absent (custom resources): `{}`.
   */
  emptyObject?(): Record<string, unknown>;
}

export const atomicList: ListSemantics = Object.freeze({ type: ListType.Atomic });
export const setList: ListSemantics = Object.freeze({ type: ListType.Set });
export const structMap: MapSemantics = Object.freeze({ atomic: false, fields: 'all' });
export const freeFormMap: MapSemantics = Object.freeze({ atomic: false, fields: new Set<string>() });
export const atomicMap: MapSemantics = Object.freeze({ atomic: true, fields: 'all' });

export function mapList(...keys: ReadonlyArray<string | ListKey>): ListSemantics {
  return { type: ListType.Map, keys: keys.map((key) => (typeof key === 'string' ? { name: key } : key)) };
}

/** Whether `key` is a declared field of a map with these semantics. */
export function isDeclaredField(semantics: MapSemantics, key: string): boolean {
  return semantics.fields === 'all' || semantics.fields.has(key);
}

/**
 * ObjectMeta (every kind's `metadata`, CRDs included): finalizers are a set, ownerReferences a map by uid,
 * labels and annotations free-form maps. `path` starts after `metadata`.
 */
export function objectMetaListAt(path: SchemaPath): ListSemantics {
  if (path.length !== 1) return atomicList;
  if (path[0] === 'finalizers') return setList;
  if (path[0] === 'ownerReferences') return mapList('uid');
  return atomicList;
}

export function objectMetaMapAt(path: SchemaPath): MapSemantics {
  if (path.length === 1 && (path[0] === 'labels' || path[0] === 'annotations')) return freeFormMap;
  return structMap;
}
