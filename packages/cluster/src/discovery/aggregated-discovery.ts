// Aggregated discovery (apidiscovery.k8s.io v2 / v2beta1): every group, version and resource in one response.
// Shapes follow k8s.io/api/apidiscovery/v2 types.go; kubectl needs only two requests (/api and /apis) with it.
import type { ResourceRegistry } from '../registry/resource-registry.js';
import { discoveredGroups, subresourcesOf, type DiscoveredGroup } from './discovery-groups.js';
import { discoveryContentType, DiscoveryFormat } from './discovery-negotiation.js';

export interface AggregatedDiscoveryOptions {
  /** `core` answers `/api` (the '' group only); `apis` answers `/apis` (every other group). */
  readonly scope: 'core' | 'apis';
  readonly version: typeof DiscoveryFormat.V2 | typeof DiscoveryFormat.V2Beta1;
}

export interface DiscoveryResponse<T> {
  readonly contentType: string;
  readonly body: T;
}

interface GroupVersionKindJson {
  group: string;
  version: string;
  kind: string;
}

export interface APIResourceDiscovery {
  resource: string;
  responseKind: GroupVersionKindJson;
  scope: 'Namespaced' | 'Cluster';
  singularResource: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: { subresource: string; responseKind: GroupVersionKindJson; verbs: string[] }[];
}

export interface APIGroupDiscovery {
  metadata: { name?: string; creationTimestamp: null };
  versions: { version: string; resources: APIResourceDiscovery[]; freshness: 'Current' }[];
}

export interface APIGroupDiscoveryList {
  kind: 'APIGroupDiscoveryList';
  apiVersion: string;
  metadata: Record<string, never>;
  items: APIGroupDiscovery[];
}

function groupDiscovery(group: DiscoveredGroup): APIGroupDiscovery {
  return {
    metadata: group.name === '' ? { creationTimestamp: null } : { name: group.name, creationTimestamp: null },
    versions: group.versions.map(({ version, resources }) => ({
      version,
      resources: resources.map((info) => {
        const entry: APIResourceDiscovery = {
          resource: info.resource,
          responseKind: { group: info.group, version: info.version, kind: info.kind },
          scope: info.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: info.singular,
          verbs: [...info.verbs],
        };
        if (info.shortNames.length > 0) entry.shortNames = [...info.shortNames];
        if (info.categories.length > 0) entry.categories = [...info.categories];
        const subresources = subresourcesOf(info);
        if (subresources.length > 0) {
          entry.subresources = subresources.map((sub) => ({
            subresource: sub.name,
            responseKind: { group: sub.group, version: sub.version, kind: sub.kind },
            verbs: sub.verbs,
          }));
        }
        return entry;
      }),
      freshness: 'Current' as const,
    })),
  };
}

/** The aggregated discovery document for `/api` or `/apis`, with the Content-Type to send it under. */
export function aggregatedDiscovery(registry: ResourceRegistry, options: AggregatedDiscoveryOptions): DiscoveryResponse<APIGroupDiscoveryList> {
  const groups = discoveredGroups(registry).filter((group) => (options.scope === 'core' ? group.name === '' : group.name !== ''));
  return {
    contentType: discoveryContentType(options.version),
    body: {
      kind: 'APIGroupDiscoveryList',
      apiVersion: `apidiscovery.k8s.io/${options.version}`,
      metadata: {},
      items: groups.map(groupDiscovery),
    },
  };
}
