// Applies a PATCH body to the live object by its Content-Type: JSON patch, merge patch or strategic merge patch
// (415 for kinds without strategic merge metadata, as custom resources), mapping patch errors onto Status codes.
import {
  ApiError,
  applyJsonPatch,
  applyMergePatch,
  isJsonPatchError,
  isStrategicMergePatchError,
  JsonPatchErrorReason,
  strategicMergePatch,
  supportsStrategicMerge,
  StatusReason,
} from '@aviary/kube';
import { badRequestError, unsupportedMediaTypeError } from '../server/api-errors.js';
import { PatchContentType } from '../server/request-body.js';

/** What a PATCH on a resource may be sent as (apply is handled apart). */
export const patchMediaTypes: readonly string[] = [
  PatchContentType.Json,
  PatchContentType.Merge,
  PatchContentType.StrategicMerge,
  PatchContentType.Apply,
];

const noStrategicMediaTypes = [PatchContentType.Json, PatchContentType.Merge, PatchContentType.Apply];

export interface ApplyPatchInput {
  readonly mediaType: string;
  readonly live: object;
  readonly patch: unknown;
  /** The type of the live object: picks the strategic merge metadata. */
  readonly apiVersion: string;
  readonly kind: string;
  /** Treat strategic merge as merge patch (for Scale objects, which have no list fields). */
  readonly strategicAsMerge?: boolean;
}

export function applyPatchBody(input: ApplyPatchInput): unknown {
  switch (input.mediaType) {
    case PatchContentType.Json:
      if (!Array.isArray(input.patch)) throw badRequestError('json patch: the patch must be a JSON array of operations');
      try {
        return applyJsonPatch(input.live, input.patch);
      } catch (err: unknown) {
        if (isJsonPatchError(err)) {
          if (err.reason === JsonPatchErrorReason.InvalidPatch) throw badRequestError(err.message);
          throw unprocessable(`the server rejected our request due to an error in our request: ${err.message}`);
        }
        throw err;
      }
    case PatchContentType.Merge:
      if (typeof input.patch !== 'object' || input.patch === null || Array.isArray(input.patch)) {
        throw badRequestError('merge patch: the patch must be a JSON object');
      }
      return applyMergePatch(input.live, input.patch);
    case PatchContentType.StrategicMerge:
      if (input.strategicAsMerge) return applyMergePatch(input.live, input.patch);
      if (!supportsStrategicMerge(input.apiVersion, input.kind)) throw unsupportedMediaTypeError(input.mediaType, noStrategicMediaTypes);
      try {
        return strategicMergePatch(input.live, input.patch, { apiVersion: input.apiVersion, kind: input.kind });
      } catch (err: unknown) {
        if (isStrategicMergePatchError(err)) {
          if (err.code === 422) throw unprocessable(err.message);
          throw badRequestError(err.message);
        }
        throw err;
      }
    default:
      throw unsupportedMediaTypeError(input.mediaType, patchMediaTypes);
  }
}

/**
 * Rejects a patch type the resource cannot take (strategic merge on a custom resource) before anything is read,
 * as the real API server does: 415 comes ahead of 404.
 */
export function checkPatchMediaType(mediaType: string, apiVersion: string, kind: string, subresource: string | undefined): void {
  if (mediaType === PatchContentType.StrategicMerge && subresource !== 'scale' && !supportsStrategicMerge(apiVersion, kind)) {
    throw unsupportedMediaTypeError(mediaType, noStrategicMediaTypes);
  }
}

function unprocessable(message: string): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: StatusReason.Invalid, code: 422 });
}
