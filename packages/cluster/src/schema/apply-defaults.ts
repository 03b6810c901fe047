// Structural defaulting: fills absent fields from their schema's `default`, as the apiserver does on read and write.
// Follows apiextensions-apiserver pkg/apiserver/schema/defaulting/algorithm.go: defaults apply only where the
// parent exists; a null in a non-nullable field with a default is replaced by the default.
import { copyJson } from '@aviary/kube';
import type { JsonSchema, SchemaResolver } from './json-schema.js';
import { resolveSchema } from './schema-resolution.js';

export interface ApplyDefaultsOptions {
  readonly resolve?: SchemaResolver;
}

/** Applies `default:` values throughout the object. Mutates and returns it (call it on a private copy). */
export function applyDefaults<T>(object: T, schema: JsonSchema | Record<string, unknown>, options: ApplyDefaultsOptions = {}): T {
  fill(object, schema as JsonSchema, options.resolve);
  return object;
}

function fill(value: unknown, rawSchema: JsonSchema, resolve: SchemaResolver | undefined): void {
  if (value === null || typeof value !== 'object') return;
  const schema = resolveSchema(rawSchema, resolve);
  if (Array.isArray(value)) {
    if (schema.items) for (const item of value) fill(item, schema.items, resolve);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [key, propertyRaw] of Object.entries(schema.properties ?? {})) {
    const property = resolveSchema(propertyRaw, resolve);
    const current = record[key];
    const replaceable = current === undefined || (current === null && !property.nullable);
    if (replaceable && property.default !== undefined) record[key] = copyJson(property.default);
    if (record[key] !== undefined) fill(record[key], property, resolve);
  }
  const additional = schema.additionalProperties;
  if (additional && typeof additional === 'object') {
    for (const [key, child] of Object.entries(record)) {
      if (!schema.properties || !Object.hasOwn(schema.properties, key)) fill(child, additional, resolve);
    }
  }
}
