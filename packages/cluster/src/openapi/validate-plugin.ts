// The server's `validate` hook: prune, validate and default every written object against its kind's schema.
import type { KubeObject } from '@aviary/kube';
import type { PluginContext, ValidateInput, ValidateResult } from '../server/plugins.js';
import { applyResourceDefaults, pruneAndValidateResource } from './resource-schema.js';

/**
 * Checks the whole object (also for `/status` writes). `/scale` bodies are Scale objects the server maps
 * itself, so they pass through. Unknown fields are always reported and pruned; the server decides by
 * fieldValidation whether that is a 400, a warning or silence.
 */
export function validateWithSchemas(input: ValidateInput, _context?: PluginContext): ValidateResult {
  if (input.subresource === 'scale') return { object: input.object };
  // The object is the server's own copy of the request: pruning shares what it keeps instead of copying it all.
  const result = pruneAndValidateResource(input.info, input.object, { copy: false });
  const object = applyResourceDefaults(input.info, result.object as KubeObject);
  return { object, unknownFields: result.unknownFields, errors: result.errors };
}
