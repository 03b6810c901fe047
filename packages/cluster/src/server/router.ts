// The request pipeline: authentication, health and version endpoints, discovery and OpenAPI plugins, then
// resource requests (scope checks, body reading and decoding, the REST handlers, rendering). Every failure
// becomes a Kubernetes Status; nothing escapes as a 500 without one.
import { kubernetesProtobufMediaType } from '../protobuf/index.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceInfo } from '../registry/index.js';
import type { ObjectService } from '../rest/object-service.js';
import type { Store } from '../storage/store.js';
import { parseIncludeObject, renderList, renderObject } from '../rest/output.js';
import { patchMediaTypes } from '../rest/patch-body.js';
import type { Reply } from '../rest/reply.js';
import { handleResourceCall } from '../rest/resource-handler.js';
import type { WatchServerOptions } from '../rest/watch-stream.js';
import { methodNotAllowedError, pathNotFoundError, statusOf, unauthorizedError, unsupportedMediaTypeError } from './api-errors.js';
import { checkBearerToken, TokenCheck } from './bearer-token.js';
import { Encoding, negotiate, Representation, type Negotiated } from './content-negotiation.js';
import type { PathHandler, PathRequest, ResolvedPlugins } from './plugins.js';
import { BodyTooLargeError, decodeBody, mediaTypeOf, readBody, toBodyError } from './request-body.js';
import { parseRequestInfo, type ResourceRequestInfo } from './request-info.js';
import { sendBody, sendStatus } from './response-writer.js';
import type { VersionInfo } from './version-info.js';

export interface RouterOptions {
  readonly token: string;
  readonly service: ObjectService;
  readonly plugins: ResolvedPlugins;
  readonly maxBodyBytes: number;
  readonly watch: WatchServerOptions;
  readonly version: VersionInfo;
}

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);
const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const healthPaths = ['/healthz', '/livez', '/readyz'];

function isPublicPath(path: string): boolean {
  return path === '/version' || path === '/version/' || healthPaths.some((p) => path === p || path.startsWith(`${p}/`));
}

/** What the HTTPS listener and the in-process loopback hand each request to. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function createRequestHandler(options: RouterOptions): RequestHandler {
  return (req, res) => {
    route(options, req, res).catch((err: unknown) => {
      if (err instanceof BodyTooLargeError) res.setHeader('Connection', 'close');
      const status = statusOf(toBodyError(err));
      if (!res.headersSent) sendStatus(res, status);
      else if (!res.writableEnded) res.end();
      if (err instanceof BodyTooLargeError) res.on('finish', () => req.socket.destroy());
    });
  };
}

async function route(options: RouterOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://apiserver.local');
  const path = url.pathname;
  const auth = checkBearerToken(req.headers.authorization, options.token);
  if (auth === TokenCheck.Invalid || (auth === TokenCheck.Missing && !isPublicPath(path))) throw unauthorizedError();
  const method = req.method ?? 'GET';
  if (isPublicPath(path)) return servePublic(options, path, url.searchParams, res);
  if (!methods.has(method)) throw methodNotAllowedError(method, path);
  const info = parseRequestInfo(method, path, url.searchParams);
  if (info === undefined) throw pathNotFoundError();
  const context = options.service.context.pluginContext;
  if (!info.isResourceRequest) {
    const request: PathRequest = { method, path, query: url.searchParams, headers: req.headers };
    const handlers: (PathHandler | undefined)[] = [options.plugins.discovery, options.plugins.openapi, serveRoot];
    for (const handler of handlers) {
      const answer = handler?.(request, context);
      if (answer === undefined) continue;
      sendBody(res, answer.statusCode ?? 200, answer.body, {
        ...(answer.contentType !== undefined ? { contentType: answer.contentType } : {}),
        ...(answer.headers !== undefined ? { headers: answer.headers } : {}),
      });
      return;
    }
    throw pathNotFoundError();
  }
  const resource = resolveResource(options, info);
  const negotiated = negotiate(req.headers.accept);
  let body: unknown;
  const mediaType = mediaTypeOf(req.headers['content-type']);
  if (bodyMethods.has(method)) {
    checkBodyMediaType(method, mediaType);
    const raw = await readBody(req, options.maxBodyBytes);
    if (raw.length > 0) body = decodeBody(raw, mediaType);
  }
  const reply = handleResourceCall(options.service, {
    info: resource,
    request: info,
    query: url.searchParams,
    body,
    mediaType,
    userAgent: req.headers['user-agent'],
    negotiated,
    req,
    res,
    watch: options.watch,
  });
  await untilDurable(options.service.context.store);
  sendReply(options, res, resource, reply, negotiated, url.searchParams);
}

/**
 * Waits for the group commit of everything written so far (at most the rest of this event-loop turn), so
 * no client learns of a write a crash could still lose; free when nothing is pending.
 */
async function untilDurable(store: Store): Promise<void> {
  const revision = store.currentRevision();
  if (store.durableRevision() < revision) await store.whenDurable(revision);
}

const objectMediaTypes = new Set(['', 'application/json', 'application/yaml', 'application/x-yaml', 'text/yaml', kubernetesProtobufMediaType]);

/** PATCH must name a patch type; other writes carry an object as JSON or YAML. Anything else is 415. */
function checkBodyMediaType(method: string, mediaType: string): void {
  if (method === 'PATCH') {
    if (!patchMediaTypes.includes(mediaType)) throw unsupportedMediaTypeError(mediaType, patchMediaTypes);
  } else if (!objectMediaTypes.has(mediaType)) {
    throw unsupportedMediaTypeError(mediaType, ['application/json', 'application/yaml']);
  }
}

function resolveResource(options: RouterOptions, info: ResourceRequestInfo): ResourceInfo {
  const resource = options.service.context.registry.lookup(info.group, info.version, info.resource);
  if (resource === undefined) throw pathNotFoundError();
  if (info.namespace !== undefined && !resource.namespaced) throw pathNotFoundError();
  if (resource.namespaced && info.namespace === undefined && info.name !== undefined) throw pathNotFoundError();
  return resource;
}

function sendReply(options: RouterOptions, res: ServerResponse, info: ResourceInfo, reply: Reply, negotiated: Negotiated, query: URLSearchParams): void {
  if (reply.kind === 'streaming') return;
  const warnings = reply.warnings ?? [];
  const encoding = { encoding: negotiated.encoding, warnings };
  const context = options.service.context;
  if (reply.kind === 'raw') return sendBody(res, reply.code, reply.body, encoding);
  const render = { negotiated, includeObject: parseIncludeObject(query.get('includeObject')) };
  if (reply.kind === 'object' && reply.json !== undefined && negotiated.representation === Representation.Object && negotiated.encoding === Encoding.Json) {
    // The stored JSON is what rendering and JSON.stringify would produce: send it without decoding and encoding.
    return sendBody(res, reply.code, reply.json, { encoding: negotiated.encoding, warnings, contentType: 'application/json' });
  }
  const body = reply.kind === 'object' ? renderObject(context, info, reply.object, render) : renderList(context, info, reply.list, render);
  sendBody(res, reply.code, body, encoding);
}

function servePublic(options: RouterOptions, path: string, query: URLSearchParams, res: ServerResponse): void {
  if (path.startsWith('/version')) return sendBody(res, 200, options.version);
  if (query.has('verbose')) {
    const name = path.split('/')[1] ?? 'healthz';
    return sendBody(res, 200, `[+]ping ok\n[+]etcd ok\n${name} check passed\n`);
  }
  sendBody(res, 200, 'ok');
}

/** `GET /`: the list of root paths, as real servers answer it. */
const serveRoot: PathHandler = (request, context) => {
  if (request.path !== '/' || (request.method !== 'GET' && request.method !== 'HEAD')) return undefined;
  const paths = new Set(['/api', '/api/v1', '/apis', '/healthz', '/livez', '/readyz', '/openapi/v2', '/openapi/v3', '/version']);
  for (const gv of context.registry.groupVersions()) if (gv.group !== '') paths.add(`/apis/${gv.group}/${gv.version}`).add(`/apis/${gv.group}`);
  return { body: { paths: [...paths].sort() } };
};
