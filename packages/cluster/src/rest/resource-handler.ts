// The REST verbs on one resource: get, list, create, update, delete, deletecollection and the subresources,
// mapped onto ObjectService. Patch/apply and watch have their own files.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceInfo } from '../registry/index.js';
import { methodNotAllowedError, notFoundError } from '../server/api-errors.js';
import type { Negotiated } from '../server/content-negotiation.js';
import { Verb, type ResourceRequestInfo } from '../server/request-info.js';
import { bindPod } from './pod-binding.js';
import { servePodLogs } from './pod-logs.js';
import { deleteCollection, deleteObject } from './object-deletion.js';
import type { ObjectService, UpdateOptions } from './object-service.js';
import { patchObject } from './patch-handler.js';
import type { Reply } from './reply.js';
import { successStatus, writeReply } from './reply.js';
import { parseDeleteOptions, parseDryRun, parseFieldManager, parseFieldValidation, parseLimit } from './request-options.js';
import { resourcePolicy } from './resource-policy.js';
import { applyScale, scalePathsOf, toScale } from './scale-subresource.js';
import { serveWatch } from './watch-stream.js';
import { writeOptionsOf, type ResourceCall } from './resource-call.js';


/** Verbs of each subresource, as real discovery lists them. */
const subresourceVerbs: Readonly<Record<string, readonly Verb[]>> = {
  status: [Verb.Get, Verb.Update, Verb.Patch],
  scale: [Verb.Get, Verb.Update, Verb.Patch],
  binding: [Verb.Create],
  log: [Verb.Get],
  finalize: [Verb.Update],
};

export function handleResourceCall(service: ObjectService, call: ResourceCall): Reply {
  const { info, request } = call;
  if (request.subresource !== undefined) return handleSubresource(service, call, request.subresource);
  if (!info.verbs.includes(request.verb) || (request.verb === Verb.Create && request.name !== undefined)) {
    throw methodNotAllowedError(call.req.method ?? '', `${info.resource}${request.name !== undefined ? '/{name}' : ''}`);
  }
  const namespace = request.namespace;
  const name = request.name ?? '';
  switch (request.verb) {
    case Verb.Get:
      return { kind: 'object', code: 200, object: service.get(info, namespace, name) };
    case Verb.List:
      return { kind: 'list', code: 200, list: service.list(info, namespace, listOptionsOf(call.query)) };
    case Verb.Watch:
      serveWatch(service.context, { ...call, name: request.name, namespace });
      return { kind: 'streaming' };
    case Verb.Create: {
      return writeReply(201, service.create(info, namespace, call.body, writeOptionsOf(call)));
    }
    case Verb.Update: {
      const result = service.update(info, namespace, name, call.body, writeOptionsOf(call));
      return writeReply(result.created ? 201 : 200, result);
    }
    case Verb.Patch:
      return patchObject(service, call, undefined);
    case Verb.Delete: {
      const { options, dryRun } = parseDeleteOptions(call.body, call.query);
      const result = deleteObject(service, info, namespace, name, options, dryRun);
      if (result.deleted && !resourcePolicy.returnsDeletedObject(info)) {
        const details = { name, ...(info.group !== '' ? { group: info.group } : {}), kind: info.resource, uid: result.object.metadata?.uid ?? '' };
        return { kind: 'raw', code: 200, body: successStatus(200, details) };
      }
      return { kind: 'object', code: 200, object: result.object };
    }
    case Verb.DeleteCollection: {
      const { options, dryRun } = parseDeleteOptions(call.body, call.query);
      return { kind: 'list', code: 200, list: deleteCollection(service, info, namespace, listOptionsOf(call.query), options, dryRun) };
    }
  }
}

function handleSubresource(service: ObjectService, call: ResourceCall, subresource: string): Reply {
  const { info, request } = call;
  const name = request.name ?? '';
  const namespace = request.namespace;
  const known =
    (subresource === 'status' && info.statusSubresource) ||
    (subresource === 'scale' && info.scale !== undefined) ||
    (subresource === 'binding' && info.extraSubresources.includes('binding')) ||
    (subresource === 'log' && info.extraSubresources.includes('log')) ||
    (subresource === 'finalize' && resourcePolicy.is(info, '', 'namespaces'));
  if (!known) throw notFoundError(info, `${name}/${subresource}`);
  if (!(subresourceVerbs[subresource] ?? []).includes(request.verb)) {
    throw methodNotAllowedError(call.req.method ?? '', `${info.resource}/${subresource}`);
  }
  if (subresource === 'log') return servePodLogs(service, call);
  if (subresource === 'binding') return bindPod(service, { info, namespace, name, body: call.body, dryRun: parseDryRun(call.query.getAll('dryRun')) });
  if (subresource === 'scale') {
    scalePathsOf(info, name);
    if (request.verb === Verb.Get) return { kind: 'raw', code: 200, body: toScale(info, service.get(info, namespace, name)) };
    if (request.verb === Verb.Patch) return patchObject(service, call, 'scale');
    const live = service.get(info, namespace, name);
    const result = service.update(info, namespace, name, applyScale(info, live, call.body), { ...writeOptionsOf(call), subresource });
    return { kind: 'raw', code: 200, body: toScale(info, result.object), warnings: result.warnings };
  }
  if (request.verb === Verb.Get) return { kind: 'object', code: 200, object: service.get(info, namespace, name) };
  if (request.verb === Verb.Patch) return patchObject(service, call, subresource);
  return writeReply(200, service.update(info, namespace, name, call.body, { ...writeOptionsOf(call), subresource }));
}


function listOptionsOf(query: URLSearchParams): { labelSelector: string | null; fieldSelector: string | null; limit?: number; continue: string | null } {
  const limit = parseLimit(query.get('limit'));
  return {
    labelSelector: query.get('labelSelector'),
    fieldSelector: query.get('fieldSelector'),
    ...(limit !== undefined ? { limit } : {}),
    continue: query.get('continue'),
  };
}
