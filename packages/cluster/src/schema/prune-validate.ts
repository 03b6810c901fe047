// Structural pruning and validation of one object against its schema, as the apiserver does on every write.
// Behaviour follows apiextensions-apiserver (pkg/apiserver/schema/pruning/algorithm.go and the
// kube-openapi validator): unknown fields are dropped and reported by path, known fields are validated.
import { copyJson } from '@aviary/kube';
import { FieldErrorType, type FieldError } from './field-errors.js';
import type { JsonSchema, SchemaResolver } from './json-schema.js';
import { resolveSchema } from './schema-resolution.js';
import { compileSchema, type CompiledSchema } from './compiled-schema.js';
import { checkConstraints, checkType } from './value-checks.js';

export interface PruneValidateOptions {
  /** The value is a whole resource: `apiVersion`, `kind` and `metadata` are always allowed at its root. Default true. */
  readonly resourceRoot?: boolean;
  /** Schema for `metadata` at the root and in embedded resources (ObjectMeta); default keeps any object. */
  readonly metadataSchema?: JsonSchema;
  /** Follows `$ref`s (built-in schemas reference OpenAPI components). */
  readonly resolve?: SchemaResolver;
  /**
   * Default true: the result is a deep copy. False: the result shares every unpruned part with the input (and is
   * the input itself when nothing was pruned), for callers that own the input and want no copy.
   */
  readonly copy?: boolean;
  /** Where the value sits in its object, for the paths of findings (`status` when only the status is checked). */
  readonly basePath?: string;
}

export interface PruneValidateResult {
  /** A pruned deep copy of the input (the input is not changed); with `copy: false`, the input where unpruned. */
  readonly object: unknown;
  /** Paths of dropped fields, as kubectl prints them: `spec.foo`, `spec.template.spec.containers[0].bar`. */
  readonly unknownFields: string[];
  readonly errors: FieldError[];
}

const anyObject: JsonSchema = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
const typeMetaSchema: JsonSchema = { type: 'string' };

interface WalkContext {
  readonly resolve: SchemaResolver | undefined;
  /** Copies kept values (copyJson) or shares them. */
  readonly keep: <T>(value: T) => T;
  readonly metadataSchema: JsonSchema | undefined;
  readonly unknownFields: string[];
  readonly errors: FieldError[];
}

/** Prunes unknown fields and validates the rest. Structural schemas only; CEL rules are not evaluated. */
export function pruneAndValidate(object: unknown, schema: JsonSchema | Record<string, unknown>, options: PruneValidateOptions = {}): PruneValidateResult {
  const context: WalkContext = {
    resolve: options.resolve,
    keep: options.copy === false ? share : copyJson,
    metadataSchema: options.metadataSchema,
    unknownFields: [],
    errors: [],
  };
  const pruned = walk(object, schema as JsonSchema, options.basePath ?? '', context, options.resourceRoot ?? true);
  return { object: pruned, unknownFields: context.unknownFields, errors: context.errors };
}

function share<T>(value: T): T {
  return value;
}

function childPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

function walk(value: unknown, rawSchema: JsonSchema, path: string, context: WalkContext, resourceRoot = false): unknown {
  const compiled = compileSchema(rawSchema, context.resolve);
  if (value === null) {
    if (!compiled.nullable && compiled.typed) {
      const schema = compiled.schema;
      context.errors.push({ path, type: FieldErrorType.TypeInvalid, message: `Invalid value: "null": ${path} in body must be of type ${schema.type ?? 'integer/string'}: "null"` });
    }
    return null;
  }
  if (!compiled.typeMatches(value)) {
    const typeError = checkType(value, compiled.schema, path);
    if (typeError) {
      context.errors.push(typeError);
      return context.keep(value);
    }
  }
  if (compiled.hasConstraints) {
    const constraintErrors = checkConstraints(value, compiled.schema, path);
    if (constraintErrors.length > 0) context.errors.push(...constraintErrors);
  }
  if (Array.isArray(value)) return walkArray(value, compiled, path, context);
  if (typeof value === 'object') return walkObject(value as Record<string, unknown>, compiled, path, context, resourceRoot);
  return value;
}

function walkArray(value: unknown[], schema: CompiledSchema, path: string, context: WalkContext): unknown[] {
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    context.errors.push({ path, type: FieldErrorType.Invalid, message: `Invalid value: ${value.length}: ${path} in body should have at least ${schema.minItems} items` });
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    context.errors.push({ path, type: FieldErrorType.TooMany, message: `Too many: ${value.length}: must have at most ${schema.maxItems} items` });
  }
  const items = schema.items;
  const pruned = value.map((item, index) => (items ? walk(item, items, `${path}[${index}]`, context) : context.keep(item)));
  if (schema.uniqueListType !== undefined) checkListUniqueness(pruned, schema.uniqueListType, schema.listMapKeys, path, context);
  // Sharing: an array whose items all came back unchanged is returned itself.
  return context.keep === share && pruned.every((item, index) => item === value[index]) ? value : pruned;
}

/** `x-kubernetes-list-type: set` needs unique items; `map` needs unique key tuples. */
function checkListUniqueness(items: unknown[], listType: 'set' | 'map', keys: readonly string[], path: string, context: WalkContext): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const identity =
      listType === 'set' ? JSON.stringify(item) : JSON.stringify(keys.map((key) => (item as Record<string, unknown> | null)?.[key] ?? null));
    if (seen.has(identity)) {
      const shown = listType === 'set' ? JSON.stringify(item) : `map[${keys.map((key) => `${key}:${JSON.stringify((item as Record<string, unknown>)[key])}`).join(' ')}]`;
      context.errors.push({ path: `${path}[${index}]`, type: FieldErrorType.Duplicate, message: `Duplicate value: ${shown}` });
    }
    seen.add(identity);
  });
}

function walkObject(value: Record<string, unknown>, schema: CompiledSchema, path: string, context: WalkContext, resourceRoot: boolean): Record<string, unknown> {
  const properties = schema.properties;
  const additional = schema.additional;
  const preserveUnknown = schema.preserveUnknown;
  const typeMetaAllowed = resourceRoot || schema.embeddedResource;
  const pruned: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const child = value[key];
    const fieldPath = childPath(path, key);
    const declared = properties?.get(key);
    let fieldSchema: JsonSchema | undefined = declared;
    if (typeMetaAllowed && (key === 'apiVersion' || key === 'kind')) fieldSchema ??= typeMetaSchema;
    if (typeMetaAllowed && key === 'metadata') fieldSchema = metadataSchemaFor(declared, context);
    if (fieldSchema) {
      // A null in a non-nullable field is dropped, as the apiserver prunes it before defaulting.
      if (child === null && !compileSchema(fieldSchema, context.resolve).nullable) continue;
      pruned[key] = walk(child, fieldSchema, fieldPath, context);
    } else if (additional !== undefined && additional !== false) {
      pruned[key] = additional === true ? context.keep(child) : walk(child, additional, properties ? fieldPath : `${path}[${key}]`, context);
    } else if (preserveUnknown) {
      pruned[key] = context.keep(child);
    } else {
      context.unknownFields.push(fieldPath);
    }
  }
  for (const required of schema.required) {
    if (pruned[required] === undefined) context.errors.push({ path: childPath(path, required), type: FieldErrorType.Required, message: 'Required value' });
  }
  return context.keep === share && sameMembers(value, pruned) ? value : pruned;
}

/** Whether `pruned` kept every member of `value`, each the very same value. */
function sameMembers(value: Record<string, unknown>, pruned: Record<string, unknown>): boolean {
  let count = 0;
  for (const key in pruned) {
    if (!Object.hasOwn(pruned, key)) continue;
    if (pruned[key] !== value[key]) return false;
    count++;
  }
  return count === Object.keys(value).length;
}

/**
 * `metadata` of a resource is always ObjectMeta: CRD schemas only say `metadata: {type: object}`, so the
 * given ObjectMeta schema wins; without one, a declared schema with fields is used, else anything is kept.
 */
function metadataSchemaFor(declared: JsonSchema | undefined, context: WalkContext): JsonSchema {
  if (context.metadataSchema) return context.metadataSchema;
  const resolved = declared ? resolveSchema(declared, context.resolve) : undefined;
  return resolved?.properties ? resolved : anyObject;
}
