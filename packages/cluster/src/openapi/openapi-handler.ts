// The server's `openapi` hook: /openapi/v3 (index) and /openapi/v3/<group-version>, with the apiserver's caching headers.
import type { PathHandler, PathResponse } from '../server/plugins.js';
import { openApiDocument, openApiIndex } from './openapi-document.js';

const uncached = { 'Cache-Control': 'no-cache, private' };

export const openApiPathHandler: PathHandler = (request, context): PathResponse | undefined => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const path = request.path.replace(/\/+$/, '');
  if (path === '/openapi/v3') return { headers: uncached, body: openApiIndex(context.registry) };
  if (!path.startsWith('/openapi/v3/')) return undefined;
  const doc = openApiDocument(context.registry, path);
  if (!doc) return undefined;
  const hash = request.query.get('hash');
  if (hash === null) return { headers: { ...uncached, ETag: `"${doc.hash}"` }, body: doc.json };
  // A stale hash is redirected to the current one, as kube-apiserver does; a matching one is cacheable forever.
  if (hash !== doc.hash) return { statusCode: 301, headers: { ...uncached, Location: `${path}?hash=${doc.hash}` }, body: '' };
  return { headers: { 'Cache-Control': 'public, immutable', ETag: `"${doc.hash}"`, Expires: 'Thu, 31 Dec 2099 23:59:59 GMT' }, body: doc.json };
};
