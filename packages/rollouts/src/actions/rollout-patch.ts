// Merge patches on a Rollout and on its status subresource, with upstream's fallback for clusters without one.
import { isNotFound, PatchType, Resources, type Rollout } from '@aviary/kube';
import type { ActionTarget } from './action-types.js';

/** A JSON merge patch on the Rollout, or on its `status` subresource. */
export function mergePatchRollout(target: ActionTarget, patch: object, options: { status?: boolean } = {}): Promise<Rollout> {
  return target.client.patch<Rollout>(Resources.rollouts, target.name, target.namespace, patch, PatchType.Merge, options.status ? { subresource: 'status' } : {});
}

/**
 * Patches status through the subresource; on NotFound patches the whole object instead, as the plugin does
 * for CRDs served without a status subresource. A missing Rollout fails both ways and its NotFound is thrown.
 */
export async function mergePatchRolloutStatus(target: ActionTarget, patch: object): Promise<Rollout> {
  try {
    return await mergePatchRollout(target, patch, { status: true });
  } catch (err: unknown) {
    if (!isNotFound(err)) throw err;
    return mergePatchRollout(target, patch);
  }
}
