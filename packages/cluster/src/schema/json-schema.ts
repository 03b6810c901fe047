// The JSON schema shape this package reads and writes: OpenAPI v3 plus the Kubernetes extensions.

/** `{group, version, kind}` as it appears in `x-kubernetes-group-version-kind`. */
export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/**
 * An OpenAPI v3 schema as Kubernetes uses it: the structural subset CRDs allow, plus `$ref`/`allOf`
 * (OpenAPI documents of built-in kinds) and the patch extensions kubectl reads for strategic merge.
 */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  description?: string;
  format?: string;
  default?: unknown;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  /** A map's value schema (`true` keeps any value). */
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  required?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  uniqueItems?: boolean;
  multipleOf?: number;
  $ref?: string;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'granular' | 'atomic';
  'x-kubernetes-validations'?: { rule: string; message?: string }[];
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
}

/** Resolves a `$ref` such as `#/components/schemas/io.k8s.api.core.v1.Pod`. */
export type SchemaResolver = (ref: string) => JsonSchema | undefined;

/** Reads `$ref` or the single-element `allOf: [{$ref}]` form Kubernetes uses next to descriptions. */
export function refOf(schema: JsonSchema): string | undefined {
  if (schema.$ref) return schema.$ref;
  const only = schema.allOf?.length === 1 ? schema.allOf[0] : undefined;
  return only?.$ref;
}
