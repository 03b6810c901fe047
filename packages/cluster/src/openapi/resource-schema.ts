// One entry point for the server: prune, validate and default an object of any served kind.
import type { ResourceInfo } from '../registry/resource-info.js';
import { applyDefaults } from '../schema/apply-defaults.js';
import type { JsonSchema } from '../schema/json-schema.js';
import { compileSchema } from '../schema/compiled-schema.js';
import { pruneAndValidate, type PruneValidateResult } from '../schema/prune-validate.js';
import { resolveSchema } from '../schema/schema-resolution.js';
import { ref } from '../schema/schema-dsl.js';
import { builtinKindSchema, resolveBuiltinRef } from './builtin-schemas.js';
import { metaV1 } from './component-names.js';

const objectMetaSchema = ref(metaV1('ObjectMeta'));

/** The schema objects of this kind are checked against: the CRD's schema, else our built-in one. */
export function schemaForResource(info: Pick<ResourceInfo, 'group' | 'version' | 'kind' | 'schema'>): JsonSchema | undefined {
  return (info.schema as JsonSchema | undefined) ?? builtinKindSchema(info.group, info.version, info.kind);
}

/**
 * Prunes and validates a whole object of the given kind (metadata checked as ObjectMeta). A kind without
 * any schema is passed through unchanged with no findings. The result is a copy unless `copy: false`.
 */
export function pruneAndValidateResource(
  info: Pick<ResourceInfo, 'group' | 'version' | 'kind' | 'schema'>,
  object: unknown,
  options: { readonly copy?: boolean } = {},
): PruneValidateResult {
  const schema = schemaForResource(info);
  if (!schema) return { object: options.copy === false ? object : structuredClone(object), unknownFields: [], errors: [] };
  return pruneAndValidate(object, schema, { resourceRoot: true, metadataSchema: objectMetaSchema, resolve: resolveBuiltinRef, ...(options.copy === false ? { copy: false } : {}) });
}

/**
 * Applies `default:` values of a CRD-defined kind (in place; returns the object). Built-in kinds are
 * defaulted by code in the real apiserver, not from OpenAPI, so they are returned unchanged.
 */
export function applyResourceDefaults<T>(info: Pick<ResourceInfo, 'schema'>, object: T): T {
  return info.schema ? applyDefaults(object, info.schema, { resolve: resolveBuiltinRef }) : object;
}

/** The schema of the kind's `status`, when its schema declares one. */
function statusSchemaForResource(info: Pick<ResourceInfo, 'group' | 'version' | 'kind' | 'schema'>): JsonSchema | undefined {
  const schema = schemaForResource(info);
  return schema ? resolveSchema(schema, resolveBuiltinRef).properties?.status : undefined;
}

/**
 * Prunes, validates and (for CRD-defined kinds) defaults a status value alone against the kind's status schema;
 * findings are named `status.…`; no status, or a null the schema does not allow, comes back as undefined (dropped,
 * as the whole-object walk drops it). Undefined when the kind's schema declares no status.
 */
export function pruneValidateAndDefaultStatus(info: Pick<ResourceInfo, 'group' | 'version' | 'kind' | 'schema'>, status: unknown): PruneValidateResult | undefined {
  const schema = statusSchemaForResource(info);
  if (schema === undefined) return undefined;
  if (status === undefined || (status === null && !compileSchema(schema, resolveBuiltinRef).nullable)) return { object: undefined, unknownFields: [], errors: [] };
  const result = pruneAndValidate(status, schema, { resourceRoot: false, resolve: resolveBuiltinRef, copy: false, basePath: 'status' });
  return info.schema ? { ...result, object: applyDefaults(result.object, schema, { resolve: resolveBuiltinRef }) } : result;
}
