// The server's `validate` hook: prune, validate and default every written object against its kind's schema.
import type { KubeObject } from '@aviary/kube';
import { copyMembers, copyMembersExcept } from '../json/copy-members.js';
import type { PluginContext, ValidateInput, ValidateResult } from '../server/plugins.js';
import { applyResourceDefaults, pruneAndValidateResource, pruneValidateAndDefaultStatus } from './resource-schema.js';

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
  const object = input.object as KubeObject & { status?: unknown };
  const result = pruneValidateAndDefaultStatus(input.info, object.status);
  if (result === undefined) return undefined;
  const status = result.object;
  const checked = status === object.status ? object : status === undefined ? copyMembersExcept(object, 'status') : copyMembers(object, { status });
  return { object: checked, unknownFields: result.unknownFields, errors: result.errors };
}
