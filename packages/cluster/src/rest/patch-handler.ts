// PATCH: merge, JSON and strategic merge patches applied to the live object then written through update, and
// server-side apply (`application/apply-patch+yaml`) through the serverSideApply plugin, creating when absent.
import { apiVersionOf, type KubeObject } from '@aviary/kube';
import { badRequestError, notFoundError } from '../server/api-errors.js';
import { PatchContentType } from '../server/request-body.js';
import { isTrue } from '../server/request-info.js';
import { withType, type ObjectService } from './object-service.js';
import { requireObjectBody } from './object-validation.js';
import { applyPatchBody, checkPatchMediaType } from './patch-body.js';
import { writeReply, type Reply } from './reply.js';
import { writeOptionsOf, type ResourceCall } from './resource-call.js';
import { formatTimestamp } from './timestamps.js';
import { applyScale, toScale } from './scale-subresource.js';

export function patchObject(service: ObjectService, call: ResourceCall, subresource: string | undefined): Reply {
  const { info, request } = call;
  const namespace = request.namespace;
  const name = request.name ?? '';
  const options = { ...writeOptionsOf(call), ...(subresource !== undefined ? { subresource } : {}) };
  const force = call.query.get('force');
  if (call.mediaType === PatchContentType.Apply) return applyObject(service, call, subresource, force !== null && isTrue(force));
  if (force !== null) throw badRequestError('force: Invalid value: force is only allowed for apply patches');
  checkPatchMediaType(call.mediaType, apiVersionOf(info), info.kind, subresource);
  const stored = service.find(info, namespace, name);
  if (stored === undefined) throw notFoundError(info, name);
  const live = withType(stored.object, info);
  if (subresource === 'scale') {
    const patchedScale = applyPatchBody({
      mediaType: call.mediaType,
      live: toScale(info, live),
      patch: call.body,
      apiVersion: 'autoscaling/v1',
      kind: 'Scale',
      strategicAsMerge: true,
    });
    const result = service.update(info, namespace, name, applyScale(info, live, patchedScale), options);
    return { kind: 'raw', code: 200, body: toScale(info, result.object), warnings: result.warnings };
  }
  // The patch functions copy what they change, so the stored object stays as read and serves update as the live one.
  const patched = applyPatchBody({ mediaType: call.mediaType, live, patch: call.body, apiVersion: apiVersionOf(info), kind: info.kind });
  return writeReply(200, service.update(info, namespace, name, patched, { ...options, readStored: stored }));
}

function applyObject(service: ObjectService, call: ResourceCall, subresource: string | undefined, force: boolean): Reply {
  const { info, request } = call;
  const namespace = request.namespace;
  const name = request.name ?? '';
  if (subresource === 'scale') throw badRequestError('apply patches are not supported on the scale subresource');
  const fieldManager = call.query.get('fieldManager');
  if (fieldManager === null || fieldManager === '') throw badRequestError('fieldManager: Required value: is required for apply patch');
  const patch = requireObjectBody(call.body);
  if (!patch.apiVersion) throw badRequestError('apiVersion must be set in an apply patch');
  if (!patch.kind) throw badRequestError('kind must be set in an apply patch');
  const metadata = (patch.metadata ??= {});
  if (metadata.name !== undefined && metadata.name !== name) {
    throw badRequestError(`the name of the object (${metadata.name}) does not match the name on the URL (${name})`);
  }
  metadata.name = name;
  const stored = service.find(info, namespace, name);
  if (stored === undefined && subresource !== undefined) service.get(info, namespace, name);
  const live = stored === undefined ? undefined : withType(stored.object, info);
  const applied: KubeObject = service.context.plugins.serverSideApply(
    {
      info,
      live,
      patch,
      fieldManager,
      force,
      now: formatTimestamp(service.context.clock.now()),
      ...(subresource !== undefined ? { subresource } : {}),
    },
    service.context.pluginContext,
  );
  const options = { ...writeOptionsOf(call), fieldManager, managedFieldsDone: true, ...(subresource !== undefined ? { subresource } : {}) };
  if (live === undefined) {
    return writeReply(201, service.create(info, namespace, applied, options));
  }
  return writeReply(200, service.update(info, namespace, name, applied, options));
}
