// Server-side apply and managedFields as the API server's plugin hooks: list semantics from the kind (built-in
// strategic-merge metadata, or the CRD schema), conflicts as a 409 Status.
import { apiVersionOf, type KubeObject } from '@aviary/kube';
import type { ResourceInfo } from '../registry/index.js';
import type { ApplyInput, ManagedFieldsInput } from '../server/plugins.js';
import { badRequestError, internalError } from '../server/api-errors.js';
import { isApplyInputError } from './apply-error.js';
import { conflictError } from './conflicts.js';
import { listInfoFor } from './list-info-for.js';
import { serverSideApply } from './server-side-apply.js';
import { trackUpdate } from './track-update.js';

function listInfoOf(info: ResourceInfo) {
  return listInfoFor({ apiVersion: apiVersionOf(info), kind: info.kind, ...(info.source === 'crd' && info.schema ? { crdSchema: info.schema } : {}) });
}

/** Applies `input.patch` for its field manager; throws a 409 naming each conflicting field unless forced. */
export function applyHook(input: ApplyInput): KubeObject {
  try {
    const result = serverSideApply({
      ...(input.live ? { live: input.live } : {}),
      applied: input.patch,
      manager: input.fieldManager,
      force: input.force,
      now: input.now,
      apiVersion: apiVersionOf(input.info),
      listInfo: listInfoOf(input.info),
      ...(input.subresource !== undefined ? { subresource: input.subresource } : {}),
    });
    if (result.conflicts.length > 0) throw conflictError(result.conflicts);
    return result.object as KubeObject;
  } catch (err: unknown) {
    if (isApplyInputError(err)) throw err.statusCode === 400 ? badRequestError(err.message) : internalError(err.message);
    throw err;
  }
}

/** Records the writer of a create, update or patch in managedFields (operation Update). */
export function trackManagedFieldsHook(input: ManagedFieldsInput): KubeObject {
  return trackUpdate({
    ...(input.live ? { live: input.live } : {}),
    updated: input.object,
    manager: input.fieldManager,
    now: input.now,
    apiVersion: apiVersionOf(input.info),
    listInfo: listInfoOf(input.info),
    ...(input.subresource !== undefined ? { subresource: input.subresource } : {}),
    // Custom resources' list semantics change with their CRD, so only built-in kinds share results.
    ...(input.info.source !== 'crd' ? { memoKind: `${apiVersionOf(input.info)}/${input.info.kind}` } : {}),
  }) as KubeObject;
}
