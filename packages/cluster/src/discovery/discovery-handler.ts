// The server's `discovery` hook: answers /api, /api/v1, /apis, /apis/<group> and /apis/<group>/<version>.
import type { PathHandler, PathResponse } from '../server/plugins.js';
import { aggregatedDiscovery } from './aggregated-discovery.js';
import { negotiateDiscovery, DiscoveryFormat } from './discovery-negotiation.js';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from './legacy-discovery.js';

// Aggregated and legacy answers share URLs, so caches must key on Accept.
const varyAccept = { Vary: 'Accept' };

export const discoveryPathHandler: PathHandler = (request, context): PathResponse | undefined => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const path = request.path.replace(/\/+$/, '');
  const { registry } = context;
  if (path === '/api' || path === '/apis') {
    const format = negotiateDiscovery(request.headers.accept);
    const scope = path === '/api' ? 'core' : 'apis';
    if (format !== DiscoveryFormat.Legacy) {
      const { contentType, body } = aggregatedDiscovery(registry, { scope, version: format });
      return { contentType, headers: varyAccept, body };
    }
    const body = scope === 'core' ? apiVersions({ serverAddress: request.headers.host ?? '127.0.0.1' }) : apiGroupList(registry);
    return { headers: varyAccept, body };
  }
  const core = /^\/api\/([^/]+)$/.exec(path);
  if (core) {
    const list = apiResourceList(registry, '', core[1] ?? '');
    return list ? { body: list } : undefined;
  }
  const grouped = /^\/apis\/([^/]+)(?:\/([^/]+))?$/.exec(path);
  if (grouped) {
    const [, group = '', version] = grouped;
    const body = version === undefined ? apiGroup(registry, group) : apiResourceList(registry, group, version);
    return body ? { body } : undefined;
  }
  return undefined;
};
