// startListWatchServer: a small in-memory Kubernetes-style REST and watch server for client and informer tests.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { stringify } from 'yaml';

type StoredObject = { metadata: Record<string, unknown> & { name: string; namespace?: string; resourceVersion?: string } } & Record<string, unknown>;
type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

interface HistoryEntry {
  rv: number;
  collection: string;
  type: ChangeType;
  object: StoredObject;
}

interface Watcher {
  collection: string;
  namespace: string | undefined;
  matches: (object: StoredObject) => boolean;
  bookmarks: boolean;
  response: http.ServerResponse;
}

/** `/apis/apps/v1/namespaces/ns/replicasets/name/status`, taken apart. */
interface Target {
  collection: string;
  namespace: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string | undefined;
}

export interface ListWatchServerOptions {
  /** The bearer token requests must carry; default 'test-token'. */
  token?: string;
}

export interface ListWatchServer {
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RequestLogEntry[];
  /** The current global resourceVersion. */
  resourceVersion(): number;
  /** How many watch streams are open. */
  openWatches(): number;
  /** Destroys every open watch socket abruptly (no clean end of stream); returns how many. */
  dropWatches(): number;
  /** Forgets history: watching from an older resourceVersion now fails with 410, as an HTTP status or an ERROR event. */
  compactHistory(options?: { as?: 'status' | 'event' }): void;
  /** Sends a BOOKMARK at the current resourceVersion to every watch that allowed bookmarks. */
  sendBookmarks(): void;
  kubeConfig(): KubeConfig;
  kubeconfigYaml(): string;
  close(): Promise<void>;
}

const CONTEXT = 'list-watch-server';

export async function startListWatchServer(options: ListWatchServerOptions = {}): Promise<ListWatchServer> {
  const token = options.token ?? 'test-token';
  const objects = new Map<string, StoredObject>();
  const history: HistoryEntry[] = [];
  const watchers = new Set<Watcher>();
  const requests: RequestLogEntry[] = [];
  let rv = 0;
  let compactedRv = 0;
  let goneAs: 'status' | 'event' = 'status';

  const keyOf = (collection: string, namespace: string | undefined, name: string): string => `${collection}|${namespace ?? ''}|${name}`;

  const commit = (collection: string, type: ChangeType, object: StoredObject): StoredObject => {
    rv += 1;
    object.metadata.resourceVersion = String(rv);
    const key = keyOf(collection, object.metadata.namespace, object.metadata.name);
    if (type === 'DELETED') objects.delete(key);
    else objects.set(key, object);
    history.push({ rv, collection, type, object: structuredClone(object) });
    for (const watcher of watchers) {
      if (watcherWants(watcher, collection, object)) writeEvent(watcher.response, { type, object });
    }
    return structuredClone(object);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    requests.push({ method: req.method ?? '', path: url.pathname, query, contentType: req.headers['content-type'] });
    if (req.headers.authorization !== `Bearer ${token}`) return sendStatus(res, 401, 'Unauthorized', 'a valid bearer token is required');
    const target = parseTarget(url.pathname);
    if (!target) return sendStatus(res, 404, 'NotFound', `the server could not find the requested resource (${url.pathname})`);
    const { collection, namespace, name, subresource } = target;
    const key = name === undefined ? '' : keyOf(collection, namespace, name);
    const existing = objects.get(key);
    const body = req.method === 'GET' ? undefined : await readJson(req);

    if (req.method === 'GET' && name === undefined) {
      if (query.watch === 'true' || query.watch === '1') return startWatch(res, target, query);
      const matches = selectorMatcher(query.labelSelector);
      const items = [...objects.entries()]
        .filter(([k, object]) => k.startsWith(`${collection}|`) && (namespace === undefined || object.metadata.namespace === namespace) && matches(object))
        .map(([, object]) => object);
      return sendJson(res, 200, { kind: 'List', apiVersion: apiVersionOf(collection), metadata: { resourceVersion: String(rv) }, items });
    }
    if (name === undefined && req.method === 'POST') {
      const object = body as StoredObject;
      object.metadata ??= { name: '' };
      if (!object.metadata.name && typeof object.metadata.generateName === 'string') object.metadata.name = `${object.metadata.generateName}${randomUUID().slice(0, 5)}`;
      if (!object.metadata.name) return sendStatus(res, 422, 'Invalid', 'metadata.name: Required value');
      if (namespace !== undefined) object.metadata.namespace = namespace;
      if (objects.has(keyOf(collection, namespace, object.metadata.name))) {
        return sendStatus(res, 409, 'AlreadyExists', `"${object.metadata.name}" already exists`, { name: object.metadata.name });
      }
      Object.assign(object.metadata, { uid: randomUUID(), creationTimestamp: new Date().toISOString(), generation: 1 });
      return sendJson(res, 201, commit(collection, 'ADDED', object));
    }
    if (name === undefined) return sendStatus(res, 405, 'MethodNotAllowed', `${req.method} is not allowed on a collection`);
    if (!existing) return sendStatus(res, 404, 'NotFound', `"${name}" not found`, { name });
    if (req.method === 'GET') return sendJson(res, 200, existing);
    if (req.method === 'DELETE') return sendJson(res, 200, commit(collection, 'DELETED', structuredClone(existing)));

    let updated: StoredObject;
    if (req.method === 'PUT') {
      updated = body as StoredObject;
      const sentRv = updated.metadata?.resourceVersion;
      if (sentRv && sentRv !== existing.metadata.resourceVersion) {
        return sendStatus(res, 409, 'Conflict', `Operation cannot be fulfilled on "${name}": the object has been modified`, { name });
      }
      if (subresource === 'status') updated = { ...structuredClone(existing), status: updated.status };
    } else if (req.method === 'PATCH') {
      const type = req.headers['content-type'] ?? '';
      if (!type.startsWith('application/merge-patch+json') && !type.startsWith('application/strategic-merge-patch+json')) {
        return sendStatus(res, 415, 'UnsupportedMediaType', `the list-watch test server does not support ${type}`);
      }
      updated = mergePatch(structuredClone(existing), body) as StoredObject;
    } else {
      return sendStatus(res, 405, 'MethodNotAllowed', `${req.method} is not allowed`);
    }
    const keep = existing.metadata;
    updated.metadata = { ...updated.metadata, name: keep.name, namespace: keep.namespace, uid: keep.uid, creationTimestamp: keep.creationTimestamp };
    const specChanged = JSON.stringify(updated.spec) !== JSON.stringify(existing.spec);
    updated.metadata.generation = Number(keep.generation ?? 1) + (specChanged ? 1 : 0);
    return sendJson(res, 200, commit(collection, 'MODIFIED', updated));
  };

  const startWatch = (res: http.ServerResponse, target: Target, query: Record<string, string>): void => {
    const from = query.resourceVersion;
    const fromRv = from === undefined || from === '' || from === '0' ? undefined : Number(from);
    if (fromRv !== undefined && fromRv < compactedRv) {
      const message = `too old resource version: ${fromRv} (${compactedRv})`;
      if (goneAs === 'status') return sendStatus(res, 410, 'Expired', message);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      writeEvent(res, { type: 'ERROR', object: statusBody(410, 'Expired', message) });
      res.end();
      return;
    }
    const watcher: Watcher = {
      collection: target.collection,
      namespace: target.namespace,
      matches: selectorMatcher(query.labelSelector),
      bookmarks: query.allowWatchBookmarks === 'true',
      response: res,
    };
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.flushHeaders();
    if (fromRv === undefined) {
      for (const [key, object] of objects) {
        if (key.startsWith(`${target.collection}|`) && watcherWants(watcher, target.collection, object)) writeEvent(res, { type: 'ADDED', object });
      }
    } else {
      for (const entry of history) {
        if (entry.rv > fromRv && watcherWants(watcher, entry.collection, entry.object)) writeEvent(res, { type: entry.type, object: entry.object });
      }
    }
    watchers.add(watcher);
    const timeout = query.timeoutSeconds ? setTimeout(() => res.end(), Number(query.timeoutSeconds) * 1000) : undefined;
    res.on('close', () => {
      watchers.delete(watcher);
      if (timeout) clearTimeout(timeout);
    });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => sendStatus(res, 500, 'InternalError', String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const kubeconfigObject = () => ({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: CONTEXT, cluster: { server: url, 'insecure-skip-tls-verify': true } }],
    users: [{ name: CONTEXT, user: { token } }],
    contexts: [{ name: CONTEXT, context: { cluster: CONTEXT, user: CONTEXT, namespace: 'default' } }],
    'current-context': CONTEXT,
  });

  return {
    url,
    requests,
    resourceVersion: () => rv,
    openWatches: () => watchers.size,
    dropWatches(): number {
      const count = watchers.size;
      for (const watcher of watchers) watcher.response.socket?.destroy();
      watchers.clear();
      return count;
    },
    compactHistory(compactOptions = {}): void {
      compactedRv = rv;
      history.length = 0;
      goneAs = compactOptions.as ?? 'status';
    },
    sendBookmarks(): void {
      for (const watcher of watchers) {
        if (watcher.bookmarks) writeEvent(watcher.response, { type: 'BOOKMARK', object: { metadata: { resourceVersion: String(rv) } } });
      }
    },
    kubeConfig(): KubeConfig {
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromString(JSON.stringify(kubeconfigObject()));
      return kubeConfig;
    },
    kubeconfigYaml: () => stringify(kubeconfigObject()),
    close(): Promise<void> {
      for (const watcher of watchers) watcher.response.end();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function watcherWants(watcher: Watcher, collection: string, object: StoredObject): boolean {
  if (watcher.collection !== collection) return false;
  if (watcher.namespace !== undefined && object.metadata.namespace !== watcher.namespace) return false;
  return watcher.matches(object);
}

function parseTarget(pathname: string): Target | undefined {
  const segments = pathname.split('/').filter((segment) => segment !== '').map(decodeURIComponent);
  const rootLength = segments[0] === 'api' ? 2 : segments[0] === 'apis' ? 3 : 0;
  if (rootLength === 0 || segments.length <= rootLength) return undefined;
  let rest = segments.slice(rootLength);
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  return { collection: `${segments.slice(0, rootLength).join('/')}/${rest[0]}`, namespace, name: rest[1], subresource: rest[2] };
}

function apiVersionOf(collection: string): string {
  const parts = collection.split('/');
  return parts[0] === 'api' ? (parts[1] ?? 'v1') : `${parts[1]}/${parts[2]}`;
}

/** Equality (`a=b`, `a==b`, `a!=b`) and existence (`a`, `!a`) label selectors. */
function selectorMatcher(selector: string | undefined): (object: StoredObject) => boolean {
  const terms = (selector ?? '').split(',').map((term) => term.trim()).filter((term) => term !== '');
  return (object) => {
    const labels = (object.metadata.labels ?? {}) as Record<string, string>;
    return terms.every((term) => {
      const [key = '', value] = term.split(/!=|==|=/).map((part) => part.trim());
      if (term.includes('!=')) return labels[key] !== value;
      if (value !== undefined) return labels[key] === value;
      return term.startsWith('!') ? !(term.slice(1) in labels) : key in labels;
    });
  };
}

/** RFC 7386 JSON merge patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text === '' ? undefined : JSON.parse(text));
      } catch (err: unknown) {
        reject(err);
      }
    });
  });
}

function writeEvent(res: http.ServerResponse, event: { type: string; object: unknown }): void {
  res.write(`${JSON.stringify(event)}\n`);
}

function statusBody(code: number, reason: string, message: string, details?: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Status', metadata: {}, status: 'Failure', code, reason, message, ...(details ? { details } : {}) };
}

function sendStatus(res: http.ServerResponse, code: number, reason: string, message: string, details?: Record<string, unknown>): void {
  sendJson(res, code, statusBody(code, reason, message, details));
}

function sendJson(res: http.ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
