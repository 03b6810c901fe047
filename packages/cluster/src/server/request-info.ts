// Parses a request URL into what it addresses: a resource request (group, version, namespace, resource, name,
// subresource, verb) or a non-resource path. Follows k8s.io/apiserver/pkg/endpoints/request/requestinfo.go.

export const Verb = {
  Get: 'get',
  List: 'list',
  Watch: 'watch',
  Create: 'create',
  Update: 'update',
  Patch: 'patch',
  Delete: 'delete',
  DeleteCollection: 'deletecollection',
} as const;
export type Verb = (typeof Verb)[keyof typeof Verb];

export interface ResourceRequestInfo {
  readonly isResourceRequest: true;
  /** '' for the core group. */
  readonly group: string;
  readonly version: string;
  /** From `/namespaces/<ns>/…`; for `/api/v1/namespaces/<name>` this is undefined and `name` is set. */
  readonly namespace: string | undefined;
  readonly resource: string;
  readonly name: string | undefined;
  readonly subresource: string | undefined;
  readonly verb: Verb;
}

export interface NonResourceRequestInfo {
  readonly isResourceRequest: false;
  readonly path: string;
}

export type RequestInfo = ResourceRequestInfo | NonResourceRequestInfo;

/** Subresources of a namespace object itself (`/api/v1/namespaces/x/status`), not namespaced collections. */
const namespaceSubresources = new Set(['status', 'finalize']);

/**
 * Classifies a request. `pathname` is the URL path (still percent-encoded), `query` its parameters.
 * Returns undefined for a resource-shaped path that cannot address anything (too many segments, bad encoding).
 */
export function parseRequestInfo(method: string, pathname: string, query: URLSearchParams): RequestInfo | undefined {
  const raw = pathname.split('/').filter((p, i) => i > 0 || p !== '');
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  let parts: string[];
  try {
    parts = raw.map((p) => decodeURIComponent(p));
  } catch {
    return undefined;
  }
  const prefix = parts[0];
  let group: string;
  let version: string;
  let rest: string[];
  if (prefix === 'api' && parts.length >= 3) {
    group = '';
    version = parts[1] ?? '';
    rest = parts.slice(2);
  } else if (prefix === 'apis' && parts.length >= 4) {
    group = parts[1] ?? '';
    version = parts[2] ?? '';
    rest = parts.slice(3);
  } else {
    return { isResourceRequest: false, path: pathname };
  }
  let watchPath = false;
  if (rest[0] === 'watch') {
    watchPath = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length > 2 && !namespaceSubresources.has(rest[2] ?? '')) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length === 0 || rest.length > 3 || rest.some((p) => p === '')) return undefined;
  const [resource = '', name, subresource] = rest;
  const verb = verbOf({ method, hasName: name !== undefined, watch: watchPath || isTrue(query.get('watch')) });
  if (verb === undefined) return undefined;
  return { isResourceRequest: true, group, version, namespace, resource, name, subresource, verb };
}

function verbOf(input: { method: string; hasName: boolean; watch: boolean }): Verb | undefined {
  switch (input.method) {
    case 'GET':
    case 'HEAD':
      if (input.watch) return Verb.Watch;
      return input.hasName ? Verb.Get : Verb.List;
    case 'POST':
      return Verb.Create;
    case 'PUT':
      return Verb.Update;
    case 'PATCH':
      return Verb.Patch;
    case 'DELETE':
      return input.hasName ? Verb.Delete : Verb.DeleteCollection;
    default:
      return undefined;
  }
}

/** Query booleans as Go's strconv.ParseBool reads them. */
export function isTrue(value: string | null | undefined): boolean {
  return value === 'true' || value === '1' || value === 't' || value === 'T' || value === 'TRUE' || value === 'True';
}
