// What discovery lists, in the apiserver's order: groups by priority, versions by Kubernetes version priority, and each resource's subresources.
import { createHash } from 'node:crypto';
import type { ResourceInfo } from '../registry/resource-info.js';
import type { ResourceRegistry } from '../registry/resource-registry.js';

/** Built-in group order of kube-apiserver 1.32 (pkg/controlplane/apiserver: group priorities); CRD groups follow, by name. */
const builtinGroupOrder = [
  '',
  'apiregistration.k8s.io',
  'apps',
  'events.k8s.io',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'networking.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'node.k8s.io',
  'discovery.k8s.io',
  'flowcontrol.apiserver.k8s.io',
];

export interface DiscoveredVersion {
  readonly version: string;
  /** Resources of this group/version, sorted by name. */
  readonly resources: ResourceInfo[];
}

export interface DiscoveredGroup {
  readonly name: string;
  /** Preferred (highest priority) version first. */
  readonly versions: DiscoveredVersion[];
}

/** Orders versions as Kubernetes does: GA before beta before alpha, higher numbers first, unknown shapes last by name. */
export function compareVersions(a: string, b: string): number {
  const rank = (version: string): [number, number, number] | undefined => {
    const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
    if (!match) return undefined;
    const stability = match[2] === undefined ? 3 : match[2] === 'beta' ? 2 : 1;
    return [stability, Number(match[1]), Number(match[3] ?? 0)];
  };
  const ra = rank(a);
  const rb = rank(b);
  if (ra && rb) return rb[0] - ra[0] || rb[1] - ra[1] || rb[2] - ra[2];
  if (ra) return -1;
  if (rb) return 1;
  return a.localeCompare(b);
}

function groupRank(group: string): number {
  const index = builtinGroupOrder.indexOf(group);
  return index === -1 ? builtinGroupOrder.length : index;
}

/** Every served group with its versions and resources, core first. */
export function discoveredGroups(registry: ResourceRegistry): DiscoveredGroup[] {
  const byGroup = new Map<string, Map<string, ResourceInfo[]>>();
  for (const info of registry.all()) {
    const versions = byGroup.get(info.group) ?? new Map<string, ResourceInfo[]>();
    byGroup.set(info.group, versions);
    const resources = versions.get(info.version) ?? [];
    versions.set(info.version, resources);
    resources.push(info);
  }
  return [...byGroup.entries()]
    .sort(([a], [b]) => groupRank(a) - groupRank(b) || a.localeCompare(b))
    .map(([name, versions]) => ({
      name,
      versions: [...versions.entries()]
        .sort(([a], [b]) => compareVersions(a, b))
        .map(([version, resources]) => ({ version, resources: [...resources].sort((x, y) => x.resource.localeCompare(y.resource)) })),
    }));
}

export interface SubresourceEntry {
  readonly name: string;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly verbs: string[];
}

const readWrite = ['get', 'patch', 'update'];

/** The subresources of a resource with the kind each returns and the verbs it allows, sorted by name. */
export function subresourcesOf(info: ResourceInfo): SubresourceEntry[] {
  const own = { group: info.group, version: info.version };
  const entries: SubresourceEntry[] = [];
  if (info.statusSubresource) entries.push({ name: 'status', ...own, kind: info.kind, verbs: readWrite });
  if (info.scale) entries.push({ name: 'scale', group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: readWrite });
  for (const extra of info.extraSubresources) {
    if (extra === 'binding') entries.push({ name: 'binding', group: '', version: 'v1', kind: 'Binding', verbs: ['create'] });
    else if (extra === 'log') entries.push({ name: 'log', ...own, kind: info.kind, verbs: ['get'] });
    else entries.push({ name: extra, ...own, kind: info.kind, verbs: ['get'] });
  }
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}

/** A stable 8-byte hash of the storage group/version/kind, base64 as the apiserver prints it. */
export function storageVersionHash(info: ResourceInfo): string {
  return createHash('sha256').update(`${info.group}/${info.version}/${info.kind}`).digest().subarray(0, 8).toString('base64');
}
