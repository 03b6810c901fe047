// A schema node compiled for the prune/validate walk: references followed, and every keyword the walk reads held
// as a fixed field, so the hot loop reads one object shape instead of the many shapes schema objects have
// (property reads on those are megamorphic and slow in V8). Checks that fail fall back to value-checks.ts,
// which builds the exact messages.
import type { JsonSchema, SchemaResolver } from './json-schema.js';
import { isIntOrString, resolveSchema, typeAlternatives } from './schema-resolution.js';
import { matchesType } from './value-checks.js';

export class CompiledSchema {
  /** The effective schema (references followed), for building messages. */
  readonly schema: JsonSchema;
  readonly nullable: boolean;
  /** Has a type (or int-or-string): a null value is then an error unless nullable. */
  readonly typed: boolean;
  /** The JSON types a value may have (as checkType decides), or undefined for any. */
  readonly expectedTypes: readonly string[] | undefined;
  /** Any enum, bound, length, pattern or format keyword: only then are constraints checked. */
  readonly hasConstraints: boolean;
  readonly properties: ReadonlyMap<string, JsonSchema> | undefined;
  readonly additional: JsonSchema | boolean | undefined;
  readonly preserveUnknown: boolean;
  readonly embeddedResource: boolean;
  readonly required: readonly string[];
  readonly items: JsonSchema | undefined;
  readonly minItems: number | undefined;
  readonly maxItems: number | undefined;
  /** `set` or `map` when items must be unique. */
  readonly uniqueListType: 'set' | 'map' | undefined;
  readonly listMapKeys: readonly string[];

  constructor(schema: JsonSchema) {
    this.schema = schema;
    this.nullable = schema.nullable === true;
    this.typed = Boolean(schema.type || schema['x-kubernetes-int-or-string']);
    this.expectedTypes = isIntOrString(schema) ? ['integer', 'string'] : schema.type ? [schema.type] : typeAlternatives(schema);
    this.hasConstraints =
      schema.enum !== undefined ||
      schema.minimum !== undefined ||
      schema.maximum !== undefined ||
      schema.multipleOf !== undefined ||
      schema.minLength !== undefined ||
      schema.maxLength !== undefined ||
      Boolean(schema.pattern) ||
      Boolean(schema.format);
    this.properties = schema.properties ? new Map(Object.keys(schema.properties).map((key) => [key, schema.properties![key]!])) : undefined;
    this.additional = schema.additionalProperties;
    this.preserveUnknown = schema['x-kubernetes-preserve-unknown-fields'] === true;
    this.embeddedResource = schema['x-kubernetes-embedded-resource'] === true;
    this.required = schema.required ?? [];
    this.items = schema.items;
    this.minItems = schema.minItems;
    this.maxItems = schema.maxItems;
    const listType = schema['x-kubernetes-list-type'];
    this.uniqueListType = listType === 'set' || listType === 'map' ? listType : undefined;
    this.listMapKeys = schema['x-kubernetes-list-map-keys'] ?? [];
  }

  /** Whether the value has an allowed type (checkType would report nothing). */
  typeMatches(value: unknown): boolean {
    const expected = this.expectedTypes;
    if (expected === undefined) return true;
    for (const type of expected) if (matchesType(value, type)) return true;
    return false;
  }
}

const compiledSchemas = new WeakMap<JsonSchema, { readonly resolve: SchemaResolver | undefined; readonly compiled: CompiledSchema }>();

/** The compiled form of a schema node, cached per node (and resolver). Schemas must not change once used. */
export function compileSchema(raw: JsonSchema, resolve: SchemaResolver | undefined): CompiledSchema {
  const hit = compiledSchemas.get(raw);
  if (hit !== undefined && hit.resolve === resolve) return hit.compiled;
  const compiled = new CompiledSchema(resolveSchema(raw, resolve));
  compiledSchemas.set(raw, { resolve, compiled });
  return compiled;
}
