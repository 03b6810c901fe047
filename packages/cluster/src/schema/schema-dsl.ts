// A tiny builder DSL for OpenAPI schemas, so the built-in and CRD schemas read like the Go types they mirror.
import type { GroupVersionKind, JsonSchema } from './json-schema.js';

type Extra = Partial<JsonSchema>;

export const componentPrefix = '#/components/schemas/';

/** An object with declared fields. `required` lists mandatory fields; `extra` adds any other keyword. */
export function object(properties: Record<string, JsonSchema>, extra: Extra & { required?: string[] } = {}): JsonSchema {
  const required = extra.required && extra.required.length > 0 ? { required: extra.required } : {};
  return { ...extra, type: 'object', properties, ...required };
}

/** A map with string keys (labels, annotations, data): `additionalProperties` is the value schema. */
export function map(values: JsonSchema = string(), extra: Extra = {}): JsonSchema {
  return { ...extra, type: 'object', additionalProperties: values };
}

/** An object kept as-is: unknown fields are neither pruned nor reported (used for unmodelled subtrees). */
export function preserve(extra: Extra = {}): JsonSchema {
  return { ...extra, type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
}

export function string(extra: Extra = {}): JsonSchema {
  return { ...extra, type: 'string' };
}

/** A string restricted to the given values. */
export function oneOfStrings(values: readonly string[], extra: Extra = {}): JsonSchema {
  return { ...extra, type: 'string', enum: [...values] };
}

export function int32(extra: Extra = {}): JsonSchema {
  return { ...extra, type: 'integer', format: 'int32' };
}

export function int64(extra: Extra = {}): JsonSchema {
  return { ...extra, type: 'integer', format: 'int64' };
}

export function number(extra: Extra = {}): JsonSchema {
  return { ...extra, type: 'number', format: 'double' };
}

export function boolean(extra: Extra = {}): JsonSchema {
  return { ...extra, type: 'boolean' };
}

/** An RFC 3339 timestamp (metav1.Time). */
export function dateTime(extra: Extra = {}): JsonSchema {
  return { ...extra, type: 'string', format: 'date-time' };
}

/** IntOrString as CRDs write it (structural): integer or string. */
export function intOrString(extra: Extra = {}): JsonSchema {
  return { ...extra, 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] };
}

/** A reference to a named component schema. */
export function ref(name: string, extra: Extra = {}): JsonSchema {
  if (Object.keys(extra).length === 0) return { $ref: `${componentPrefix}${name}` };
  // OpenAPI 3.0 ignores siblings of $ref, so Kubernetes wraps the ref in allOf when it adds keywords.
  return { allOf: [{ $ref: `${componentPrefix}${name}` }], ...extra };
}

export interface ListOptions {
  /** Strategic merge key (`x-kubernetes-patch-merge-key`), e.g. `name` for containers. */
  mergeKey?: string;
  /** Strategic merge strategy; defaults to `merge` when a merge key is given. */
  strategy?: string;
  /** Server-side apply list type; defaults to `map` with a merge key, else unset (atomic). */
  listType?: 'atomic' | 'set' | 'map';
  /** Keys of a `map` list; defaults to `[mergeKey]`. */
  mapKeys?: string[];
}

/** An array; with `mergeKey` it carries the strategic merge and server-side apply markers kubectl reads. */
export function list(items: JsonSchema, options: ListOptions & Extra = {}): JsonSchema {
  const { mergeKey, strategy, listType, mapKeys, ...extra } = options;
  const schema: JsonSchema = { ...extra, type: 'array', items };
  const type = listType ?? (mergeKey ? 'map' : undefined);
  if (type) schema['x-kubernetes-list-type'] = type;
  if (type === 'map') schema['x-kubernetes-list-map-keys'] = mapKeys ?? (mergeKey ? [mergeKey] : []);
  if (mergeKey) schema['x-kubernetes-patch-merge-key'] = mergeKey;
  const patchStrategy = strategy ?? (mergeKey ? 'merge' : undefined);
  if (patchStrategy) schema['x-kubernetes-patch-strategy'] = patchStrategy;
  return schema;
}

/** A list of strings that strategic merge treats as a set (finalizers). */
export function stringSet(extra: Extra = {}): JsonSchema {
  return { ...extra, type: 'array', items: string(), 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' };
}

/** A top-level kind: apiVersion, kind, metadata and the given fields, tagged with its group/version/kind. */
export function kind(gvk: GroupVersionKind, fields: Record<string, JsonSchema>, extra: Extra = {}): JsonSchema {
  return object(
    {
      apiVersion: string({ description: 'APIVersion defines the versioned schema of this representation of an object.' }),
      kind: string({ description: 'Kind is a string value representing the REST resource this object represents.' }),
      metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', { default: {}, description: "Standard object's metadata." }),
      ...fields,
    },
    { ...extra, 'x-kubernetes-group-version-kind': [{ group: gvk.group, kind: gvk.kind, version: gvk.version }] },
  );
}

/** The `<Kind>List` schema for a kind. */
export function listKind(gvk: GroupVersionKind, itemComponent: string): JsonSchema {
  return object(
    {
      apiVersion: string(),
      items: list(ref(itemComponent)),
      kind: string(),
      metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', { default: {} }),
    },
    { required: ['items'], 'x-kubernetes-group-version-kind': [{ group: gvk.group, kind: `${gvk.kind}List`, version: gvk.version }] },
  );
}
