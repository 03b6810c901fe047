// The OpenAPI v3 index and per-group/version documents, memoised per registry until the registry changes.
import { createHash } from 'node:crypto';
import type { ResourceInfo } from '../registry/resource-info.js';
import type { ResourceRegistry } from '../registry/resource-registry.js';
import type { JsonSchema } from '../schema/json-schema.js';
import { componentPrefix } from '../schema/schema-dsl.js';
import { builtinComponents } from './builtin-schemas.js';
import { autoscalingV1, metaV1 } from './component-names.js';
import { crdComponents } from './crd-components.js';
import { resourcePaths } from './openapi-paths.js';
import type { OpenApiObject } from './openapi-operations.js';

/** The version string in each document's `info`. */
export const openApiInfoVersion = 'v1.32.0';

export interface OpenApiDocument {
  readonly document: OpenApiObject;
  /** The document serialised once, ready to send. */
  readonly json: string;
  /** Upper-case hex SHA-512 of `json`: the `?hash=` of its index entry (and a strong ETag). */
  readonly hash: string;
}

export interface OpenApiIndex {
  readonly paths: Record<string, { serverRelativeURL: string }>;
}

interface RegistryCache {
  documents?: Map<string, OpenApiDocument>;
  index?: OpenApiIndex;
}

const caches = new WeakMap<ResourceRegistry, RegistryCache>();

function cacheOf(registry: ResourceRegistry): RegistryCache {
  let cache = caches.get(registry);
  if (!cache) {
    const created: RegistryCache = {};
    registry.onChange(() => {
      created.documents = undefined;
      created.index = undefined;
    });
    caches.set(registry, created);
    cache = created;
  }
  return cache;
}

/** `api/v1` for the core group, `apis/<group>/<version>` otherwise (the index keys). */
export function groupVersionPath(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

function allDocuments(registry: ResourceRegistry): Map<string, OpenApiDocument> {
  const cache = cacheOf(registry);
  if (!cache.documents) {
    const documents = new Map<string, OpenApiDocument>();
    for (const { group, version } of registry.groupVersions()) {
      const infos = registry.all().filter((info) => info.group === group && info.version === version);
      documents.set(groupVersionPath(group, version), buildDocument(infos));
    }
    cache.documents = documents;
  }
  return cache.documents;
}

/** The `/openapi/v3` index: one entry per served group/version with a content-hashed URL. */
export function openApiIndex(registry: ResourceRegistry): OpenApiIndex {
  const cache = cacheOf(registry);
  if (!cache.index) {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const [path, doc] of allDocuments(registry)) paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${doc.hash}` };
    cache.index = { paths };
  }
  return cache.index;
}

/** The document for `api/v1` or `apis/<group>/<version>` (a leading `/` or `openapi/v3/` is ignored); undefined if not served. */
export function openApiDocument(registry: ResourceRegistry, gvPath: string): OpenApiDocument | undefined {
  const key = gvPath.replace(/^\/+/, '').replace(/^openapi\/v3\//, '').replace(/\/+$/, '');
  return allDocuments(registry).get(key);
}

function buildDocument(infos: readonly ResourceInfo[]): OpenApiDocument {
  const paths: Record<string, OpenApiObject> = {};
  const own: Record<string, JsonSchema> = {};
  for (const info of [...infos].sort((a, b) => a.resource.localeCompare(b.resource))) {
    Object.assign(paths, resourcePaths(info));
    if (info.source === 'crd') Object.assign(own, crdComponents(info));
  }
  const roots = [...Object.keys(own), metaV1('Status'), metaV1('DeleteOptions'), metaV1('Patch')];
  if (infos.some((info) => info.scale)) roots.push(autoscalingV1('Scale'));
  const document: OpenApiObject = {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: openApiInfoVersion },
    paths: sortKeys(paths),
    components: {
      schemas: collectSchemas(paths, roots, own),
      securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' } },
    },
  };
  const json = JSON.stringify(document);
  return { document, json, hash: createHash('sha512').update(json).digest('hex').toUpperCase() };
}

/** Every component reachable from the paths and the given roots, sorted by name. */
function collectSchemas(paths: unknown, roots: readonly string[], own: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const found = new Map<string, JsonSchema>();
  const pending: string[] = [...roots];
  const scan = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) scan(item);
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith(componentPrefix)) pending.push(child.slice(componentPrefix.length));
        else scan(child);
      }
    }
  };
  scan(paths);
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (found.has(name)) continue;
    const schema = own[name] ?? builtinComponents[name];
    if (!schema) continue;
    found.set(name, schema);
    scan(schema);
  }
  return sortKeys(Object.fromEntries(found));
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
