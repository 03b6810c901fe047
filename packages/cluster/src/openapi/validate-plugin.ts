// The server's `validate` hook: prune, validate and default every written object against its kind's schema.
import type { KubeObject } from '@aviary/kube';
import { copyMembers, copyMembersExcept } from '../json/copy-members.js';
import { compileSchema } from '../schema/compiled-schema.js';
import { applyDefaults } from '../schema/apply-defaults.js';
import type { PluginContext, ValidateInput, ValidateResult } from '../server/plugins.js';
import { resolveBuiltinRef } from './builtin-schemas.js';
import { applyResourceDefaults, pruneAndValidateResource, pruneAndValidateStatus, statusSchemaForResource } from './resource-schema.js';

/**
 * Checks the whole object; a `/status` update only its status (as upstream's status strategy validates the
 * status against the status schema: the rest is the stored object's own). `/scale` bodies are Scale objects
 * the server maps itself, so they pass through. Unknown fields are always reported and pruned; the server
 * decides by fieldValidation whether that is a 400, a warning or silence.
 */
export function validateWithSchemas(input: ValidateInput, _context?: PluginContext): ValidateResult {
  if (input.subresource === 'scale') return { object: input.object };
  if (input.subresource === 'status' && input.operation === 'update') {
    const statusOnly = validateStatus(input);
    if (statusOnly !== undefined) return statusOnly;
  }
  // The object is the server's own copy of the request: pruning shares what it keeps instead of copying it all.
  const result = pruneAndValidateResource(input.info, input.object, { copy: false });
  const object = applyResourceDefaults(input.info, result.object as KubeObject);
  return { object, unknownFields: result.unknownFields, errors: result.errors };
}

/** Prunes, validates and defaults `status` alone; undefined when the kind's schema declares no status. */
function validateStatus(input: ValidateInput): ValidateResult | undefined {
  const schema = statusSchemaForResource(input.info);
  if (schema === undefined) return undefined;
  const object = input.object as KubeObject & { status?: unknown };
  if (object.status === undefined) return { object };
  // A null in a non-nullable status is dropped, as the whole-object walk drops it.
  if (object.status === null && !compileSchema(schema, resolveBuiltinRef).nullable) return { object: copyMembersExcept(object, 'status') };
  const result = pruneAndValidateStatus(schema, object.status);
  const status = input.info.schema ? applyDefaults(result.object, schema, { resolve: resolveBuiltinRef }) : result.object;
  return { object: status === object.status ? object : copyMembers(object, { status }), unknownFields: result.unknownFields, errors: result.errors };
}
