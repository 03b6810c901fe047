// Strategic merge patch (`application/strategic-merge-patch+json`): the public entry of the engine.
//
// Semantics follow k8s.io/apimachinery/pkg/util/strategicpatch (StrategicMergeMapPatch, as the API server
// applies it): maps merge, null deletes, lists merge by their merge key or replace, and the `$patch`,
// `$retainKeys`, `$setElementOrder/…` and `$deleteFromPrimitiveList/…` directives apply.
import { StrategicMergePatchError } from './strategic-merge-error.js';
import { builtInPatchSchema } from './strategic-merge-kinds.js';
import { mergeMap } from './strategic-merge-maps.js';
import {
  emptyPatchSchema,
  resolveFieldPatchMeta,
  splitFieldPath,
  type PatchSchema,
  type ResolvedFieldPatchMeta,
} from './strategic-merge-schema.js';
import { copyJson } from './json-values.js';
import { isJsonObject } from './strategic-merge-values.js';

export {
  StrategicMergePatchError,
  StrategicMergePatchErrorReason,
  isStrategicMergePatchError,
  type StrategicMergePatchErrorOptions,
} from './strategic-merge-error.js';
export {
  PatchStrategy,
  type FieldPatchMeta,
  type PatchSchema,
  type ResolvedFieldPatchMeta,
} from './strategic-merge-schema.js';
export { DirectiveKey, PatchDirective } from './strategic-merge-directives.js';

export interface StrategicMergePatchOptions {
  readonly apiVersion?: string;
  readonly kind?: string;
  /** Patch metadata to use instead of the built-in kind's (tests, or kinds described elsewhere). */
  readonly schema?: PatchSchema;
}

/**
 * Applies a strategic merge patch and returns the patched object; `original` and `patch` are not changed
 * and the result shares no structure with them. Kinds without patch metadata (custom resources) get plain
 * JSON-merge-patch behaviour for lists (the server should reject them first: `supportsStrategicMerge`).
 * Throws StrategicMergePatchError for malformed patches.
 *
 *   strategicMergePatch(service, {
 *     spec: { '$setElementOrder/ports': [{ port: 81 }],
 *             ports: [{ port: 81, targetPort: 8080 }, { $patch: 'delete', port: 80 }] },
 *   }, { apiVersion: 'v1', kind: 'Service' })   // port 80 replaced by 81
 */
export function strategicMergePatch(
  original: object,
  patch: unknown,
  options: StrategicMergePatchOptions = {},
): Record<string, unknown> {
  if (!isJsonObject(original)) {
    throw new StrategicMergePatchError({ path: '', detail: 'the object to patch must be a JSON object' });
  }
  if (!isJsonObject(patch)) {
    throw new StrategicMergePatchError({ path: '', detail: 'invalid JSON document: a strategic merge patch must be a JSON object' });
  }
  const schema = options.schema ?? patchSchemaOf(options) ?? emptyPatchSchema;
  return mergeMap(copyJson(original), patch, schema, '');
}

/**
 * Whether the API server accepts strategic merge patches for this kind: true for built-in kinds, false for
 * custom resources (the server answers 415 Unsupported Media Type, as Kubernetes does).
 */
export function supportsStrategicMerge(apiVersion: string, kind: string): boolean {
  return builtInPatchSchema(apiVersion, kind) !== undefined;
}

/** The patch metadata of a built-in kind; undefined for unknown kinds. */
export function patchSchemaOf(options: { readonly apiVersion?: string; readonly kind?: string }): PatchSchema | undefined {
  if (options.apiVersion === undefined || options.kind === undefined) return undefined;
  return builtInPatchSchema(options.apiVersion, options.kind);
}

/**
 * How the field at `path` merges for a kind (`'spec.template.spec.containers'`, or segments; list indices
 * are skipped). Undefined for unknown kinds, whose lists all replace and maps all merge.
 *
 *   lookupPatchMeta({ apiVersion: 'v1', kind: 'Service', path: 'spec.ports' })
 *     → { strategy: 'merge', mergeKey: 'port', retainKeys: false }
 *   lookupPatchMeta({ apiVersion: 'v1', kind: 'Pod', path: 'spec.tolerations' })
 *     → { strategy: 'default', retainKeys: false }   // atomic list
 */
export function lookupPatchMeta(options: {
  readonly apiVersion: string;
  readonly kind: string;
  readonly path: string | readonly string[];
}): ResolvedFieldPatchMeta | undefined {
  const schema = builtInPatchSchema(options.apiVersion, options.kind);
  if (schema === undefined) return undefined;
  return resolveFieldPatchMeta(schema, splitFieldPath(options.path));
}
