// Applies a request's patch body to the stored object the way the API server does, turning patch failures into ApiErrors.
import { parse as parseYaml } from 'yaml';
import { apiVersionOf, type ResourceType } from '../client/resource-type.js';
import { PatchType } from '../client/kube-client.js';
import { ApiError } from '../errors/api-error.js';
import { applyJsonPatch, JsonPatchError, JsonPatchErrorReason } from '../patch/json-patch.js';
import { applyMergePatch } from '../patch/merge-patch.js';
import { isStrategicMergePatchError, strategicMergePatch, supportsStrategicMerge } from '../patch/strategic-merge.js';
import type { KubeObject } from '../types/meta.js';
import { badRequestError, unprocessableError, unsupportedMediaTypeError } from './object-tracker-errors.js';

/** Decodes a patch given as text (JSON, or YAML for apply patches); objects and arrays pass through. */
export function decodePatchBody(patch: unknown, patchType: PatchType): unknown {
  if (typeof patch !== 'string') return patch;
  try {
    return patchType === PatchType.Apply ? parseYaml(patch) : JSON.parse(patch);
  } catch (err: unknown) {
    throw new ApiError({ code: 400, reason: 'BadRequest', message: `error decoding patch: ${(err as Error).message}` }, { cause: err });
  }
}

/**
 * The object after the patch, before the tracker's update rules (status isolation, generation, preconditions).
 * JSON patch: 400 for a malformed patch, 422 when it does not apply. Strategic merge: 415 for kinds
 * without patch metadata (custom resources), as a real server answers. Apply: merged like a merge patch.
 */
export function applyPatchToObject(options: { type: ResourceType; current: KubeObject; patch: unknown; patchType: PatchType }): KubeObject {
  const { type, current, patch, patchType } = options;
  switch (patchType) {
    case PatchType.Json:
      try {
        return applyJsonPatch<KubeObject>(current, patch);
      } catch (err: unknown) {
        if (!(err instanceof JsonPatchError)) throw err;
        throw err.reason === JsonPatchErrorReason.InvalidPatch ? badRequestError(err.message) : unprocessableError(err.message);
      }
    case PatchType.Merge:
    case PatchType.Apply:
      requireObjectPatch(patch);
      return applyMergePatch<KubeObject>(current, patch);
    case PatchType.StrategicMerge: {
      const apiVersion = apiVersionOf(type);
      if (!supportsStrategicMerge(apiVersion, type.kind)) {
        throw unsupportedMediaTypeError(`the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`);
      }
      try {
        return strategicMergePatch(current, patch, { apiVersion, kind: type.kind }) as KubeObject;
      } catch (err: unknown) {
        if (!isStrategicMergePatchError(err)) throw err;
        throw err.code === 422 ? unprocessableError(err.message) : badRequestError(err.message);
      }
    }
    default:
      throw unsupportedMediaTypeError(`unsupported patch type ${JSON.stringify(patchType)}`);
  }
}

function requireObjectPatch(patch: unknown): void {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw badRequestError('the patch must be a JSON object');
  }
}
