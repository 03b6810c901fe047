// Resolves `$ref`/`allOf` references so the walkers see one effective schema per node.
import { refOf, type JsonSchema, type SchemaResolver } from './json-schema.js';

const resolvedCache = new WeakMap<JsonSchema, WeakMap<SchemaResolver, JsonSchema>>();

/**
 * The schema with references followed: the referenced schema with the referring node's own keywords
 * (description, default, nullable, patch markers) laid over it. Schemas without references come back as-is.
 */
export function resolveSchema(schema: JsonSchema, resolve: SchemaResolver | undefined): JsonSchema {
  const ref = refOf(schema);
  if (!ref) return schema;
  if (!resolve) throw new UnresolvedSchemaRefError(ref);
  let byResolver = resolvedCache.get(schema);
  const cached = byResolver?.get(resolve);
  if (cached) return cached;
  const target = resolve(ref);
  if (!target) throw new UnresolvedSchemaRefError(ref);
  const { $ref: _ref, allOf: _allOf, ...own } = schema;
  const merged: JsonSchema = { ...resolveSchema(target, resolve), ...own };
  if (!byResolver) {
    byResolver = new WeakMap();
    resolvedCache.set(schema, byResolver);
  }
  byResolver.set(resolve, merged);
  return merged;
}

/** A `$ref` names a schema the resolver does not know: a defect in the schema set, not in the input. */
export class UnresolvedSchemaRefError extends Error {
  override readonly name = 'UnresolvedSchemaRefError';
  constructor(readonly ref: string) {
    super(`unresolved schema reference ${ref}`);
  }
}

/** True when the schema accepts integers and strings (CRD `x-kubernetes-int-or-string`, or OpenAPI `format: int-or-string`). */
export function isIntOrString(schema: JsonSchema): boolean {
  return schema['x-kubernetes-int-or-string'] === true || schema.format === 'int-or-string';
}

/** Simple type alternatives without a `type` (Quantity is `oneOf: [{type: string}, {type: number}]`). */
export function typeAlternatives(schema: JsonSchema): string[] | undefined {
  if (schema.type) return undefined;
  const options = schema.oneOf ?? schema.anyOf;
  if (!options || options.length === 0) return undefined;
  const types = options.map((option) => option.type);
  return types.every((t): t is NonNullable<typeof t> => t !== undefined) ? types : undefined;
}
