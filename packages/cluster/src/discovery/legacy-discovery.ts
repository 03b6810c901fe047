// Legacy discovery: /api (APIVersions), /apis (APIGroupList), /apis/<group> (APIGroup) and the per-group/version APIResourceList.
import type { ResourceRegistry } from '../registry/resource-registry.js';
import { discoveredGroups, storageVersionHash, subresourcesOf, type DiscoveredGroup } from './discovery-groups.js';

export interface GroupVersionForDiscovery {
  groupVersion: string;
  version: string;
}

export interface APIGroup {
  kind?: 'APIGroup';
  apiVersion?: 'v1';
  name: string;
  versions: GroupVersionForDiscovery[];
  preferredVersion: GroupVersionForDiscovery;
}

export interface APIGroupList {
  kind: 'APIGroupList';
  apiVersion: 'v1';
  groups: APIGroup[];
}

export interface APIVersions {
  kind: 'APIVersions';
  versions: string[];
  serverAddressByClientCIDRs: { clientCIDR: string; serverAddress: string }[];
}

export interface APIResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

export interface APIResourceList {
  kind: 'APIResourceList';
  apiVersion?: 'v1';
  groupVersion: string;
  resources: APIResource[];
}

export interface APIVersionsOptions {
  /** `host:port` clients should use, e.g. `127.0.0.1:6443`. */
  readonly serverAddress: string;
}

/** `GET /api`. */
export function apiVersions(options: APIVersionsOptions): APIVersions {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: options.serverAddress }] };
}

function groupEntry(group: DiscoveredGroup): APIGroup {
  const versions = group.versions.map(({ version }) => ({ groupVersion: `${group.name}/${version}`, version }));
  const preferred = versions[0] ?? { groupVersion: `${group.name}/`, version: '' };
  return { name: group.name, versions, preferredVersion: preferred };
}

/** `GET /apis`: every non-core group, preferred version first. */
export function apiGroupList(registry: ResourceRegistry): APIGroupList {
  const groups = discoveredGroups(registry).filter((group) => group.name !== '');
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(groupEntry) };
}

/** `GET /apis/<group>`; undefined when the group is not served. */
export function apiGroup(registry: ResourceRegistry, group: string): APIGroup | undefined {
  const found = group === '' ? undefined : discoveredGroups(registry).find((candidate) => candidate.name === group);
  return found ? { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(found) } : undefined;
}

/** `GET /api/v1` or `GET /apis/<group>/<version>`; undefined when not served. Subresources are listed as `pods/status`. */
export function apiResourceList(registry: ResourceRegistry, group: string, version: string): APIResourceList | undefined {
  const served = discoveredGroups(registry)
    .find((candidate) => candidate.name === group)
    ?.versions.find((candidate) => candidate.version === version);
  if (!served) return undefined;
  const resources: APIResource[] = [];
  for (const info of served.resources) {
    const entry: APIResource = { name: info.resource, singularName: info.singular, namespaced: info.namespaced, kind: info.kind, verbs: [...info.verbs] };
    if (info.shortNames.length > 0) entry.shortNames = [...info.shortNames];
    if (info.categories.length > 0) entry.categories = [...info.categories];
    entry.storageVersionHash = storageVersionHash(info);
    resources.push(entry);
    for (const sub of subresourcesOf(info)) {
      const subEntry: APIResource = { name: `${info.resource}/${sub.name}`, singularName: '', namespaced: info.namespaced, kind: sub.kind, verbs: sub.verbs };
      if (sub.group !== info.group || sub.version !== info.version) {
        // Only cross-group responses (scale → autoscaling/v1) name their group and version, as the apiserver does.
        Object.assign(subEntry, { group: sub.group, version: sub.version });
        const { kind, verbs, ...head } = subEntry;
        resources.push({ ...head, kind, verbs });
      } else {
        resources.push(subEntry);
      }
    }
  }
  const groupVersion = group === '' ? version : `${group}/${version}`;
  // The core list carries no apiVersion, exactly like kube-apiserver's /api/v1.
  return group === '' ? { kind: 'APIResourceList', groupVersion, resources } : { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}
