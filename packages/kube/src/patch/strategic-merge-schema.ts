// Patch metadata: how each field merges (Go struct tags `patchStrategy` / `patchMergeKey`), and lookups over it.

/** The `patchStrategy` tag values (besides `retainKeys`, which is a separate flag). */
export const PatchStrategy = {
  /** Lists: merge items (by `mergeKey` for lists of maps, by value for primitives). */
  Merge: 'merge',
  /** Maps: the patch value replaces the whole map instead of merging into it. */
  Replace: 'replace',
} as const;
export type PatchStrategy = (typeof PatchStrategy)[keyof typeof PatchStrategy];

/**
 * How one field merges. A field with no entry, or no `strategy`, gets the default: maps merge key by key,
 * lists are atomic (the patch's list replaces the live one).
 */
export interface FieldPatchMeta {
  readonly strategy?: PatchStrategy;
  /** For merging lists of maps: the field identifying an item (`name`, `containerPort`, `port`, `type`…). */
  readonly mergeKey?: string;
  /**
   * `patchStrategy:"…,retainKeys"`: kubectl sends `$retainKeys` for this field. The server honours a
   * `$retainKeys` directive wherever it appears, so this flag is informational.
   */
  readonly retainKeys?: boolean;
  /** The nested struct's fields (for a map) or the item's fields (for a list of maps). */
  readonly fields?: PatchSchema;
}

/** The patch metadata of a struct: field name → how it merges. Only fields that differ from the default. */
export type PatchSchema = Readonly<Record<string, FieldPatchMeta>>;

/** What `lookupFieldPatchMeta` answers: the field's strategy with the defaults made explicit. */
export interface ResolvedFieldPatchMeta {
  /**
   * `merge`: a list merged by `mergeKey` (or, without one, a primitive list merged as a set);
   * `replace`: a map replaced whole; `default`: maps merge, lists are replaced atomically.
   */
  readonly strategy: PatchStrategy | 'default';
  readonly mergeKey?: string;
  readonly retainKeys: boolean;
}

export const emptyPatchSchema: PatchSchema = Object.freeze({});

/** A list merged by `mergeKey`, whose items have `fields`. */
export function mergeListBy(mergeKey: string, fields?: PatchSchema, options?: { retainKeys?: boolean }): FieldPatchMeta {
  return {
    strategy: PatchStrategy.Merge,
    mergeKey,
    ...(fields ? { fields } : {}),
    ...(options?.retainKeys ? { retainKeys: true } : {}),
  };
}

/** A list of primitives merged as a set (`finalizers`, `podCIDRs`). */
export function mergePrimitiveList(): FieldPatchMeta {
  return { strategy: PatchStrategy.Merge };
}

/** A map (struct) with default merging whose own fields carry metadata. */
export function nestedFields(fields: PatchSchema, options?: { retainKeys?: boolean }): FieldPatchMeta {
  return { fields, ...(options?.retainKeys ? { retainKeys: true } : {}) };
}

/** The metadata of one field of `schema`, or undefined when it has none. */
export function fieldMetaOf(schema: PatchSchema, key: string): FieldPatchMeta | undefined {
  return Object.prototype.hasOwnProperty.call(schema, key) ? schema[key] : undefined;
}

/** The schema of a field's value (nested struct or list item). */
export function fieldsOf(meta: FieldPatchMeta | undefined): PatchSchema {
  return meta?.fields ?? emptyPatchSchema;
}

/**
 * Walks `path` (field names; list indices such as `0` or `[0]` are skipped, since a list's item shares
 * the list's entry) and answers the last field's metadata.
 *
 *   resolveFieldPatchMeta(podSchema, ['spec', 'containers', 'env'])
 *     → { strategy: 'merge', mergeKey: 'name', retainKeys: false }
 */
export function resolveFieldPatchMeta(schema: PatchSchema, path: readonly string[]): ResolvedFieldPatchMeta {
  let current: PatchSchema = schema;
  let meta: FieldPatchMeta | undefined;
  for (const segment of path) {
    if (isIndexSegment(segment)) continue;
    meta = fieldMetaOf(current, segment);
    current = fieldsOf(meta);
  }
  return {
    strategy: meta?.strategy ?? 'default',
    ...(meta?.mergeKey !== undefined ? { mergeKey: meta.mergeKey } : {}),
    retainKeys: meta?.retainKeys ?? false,
  };
}

/** `spec.template.spec.containers[0].env` → `['spec','template','spec','containers','0','env']`. */
export function splitFieldPath(path: string | readonly string[]): string[] {
  if (typeof path !== 'string') return [...path];
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '');
}

function isIndexSegment(segment: string): boolean {
  return /^\[?\d+\]?$/.test(segment);
}
