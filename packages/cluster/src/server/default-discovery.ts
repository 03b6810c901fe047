// Default discovery: the legacy documents (APIVersions, APIGroupList, APIGroup, APIResourceList) built from the registry.
// kubectl falls back to these when /apis answers a plain APIGroupList; the discovery/ plugin adds aggregated discovery.
import type { ResourceInfo } from '../registry/index.js';
import type { PathHandler, PathResponse } from './plugins.js';

export const serveLegacyDiscovery: PathHandler = (request, context) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const parts = request.path.split('/').filter((p) => p !== '');
  const infos = context.registry.all();
  if (parts[0] === 'api') {
    if (parts.length === 1) return ok({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
    if (parts.length === 2) return resourceList('', parts[1] ?? '', infos);
    return undefined;
  }
  if (parts[0] !== 'apis') return undefined;
  const groups = groupsOf(infos);
  if (parts.length === 1) return ok({ kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(renderGroup) });
  const group = groups.find((g) => g.name === parts[1]);
  if (group === undefined) return undefined;
  if (parts.length === 2) return ok({ kind: 'APIGroup', apiVersion: 'v1', ...renderGroup(group) });
  if (parts.length === 3) return resourceList(group.name, parts[2] ?? '', infos);
  return undefined;
};

interface GroupVersions {
  name: string;
  versions: string[];
}

function groupsOf(infos: readonly ResourceInfo[]): GroupVersions[] {
  const groups = new Map<string, GroupVersions>();
  for (const info of infos) {
    if (info.group === '') continue;
    const entry = groups.get(info.group) ?? { name: info.group, versions: [] };
    if (!entry.versions.includes(info.version)) entry.versions.push(info.version);
    groups.set(info.group, entry);
  }
  return [...groups.values()];
}

function renderGroup(group: GroupVersions): object {
  const versions = group.versions.map((v) => ({ groupVersion: `${group.name}/${v}`, version: v }));
  return { name: group.name, versions, preferredVersion: versions[0] };
}

function resourceList(group: string, version: string, infos: readonly ResourceInfo[]): PathResponse | undefined {
  const served = infos.filter((i) => i.group === group && i.version === version);
  if (served.length === 0) return undefined;
  const resources: object[] = [];
  for (const info of served) {
    resources.push({
      name: info.resource,
      singularName: info.singular,
      namespaced: info.namespaced,
      kind: info.kind,
      verbs: [...info.verbs],
      ...(info.shortNames.length > 0 ? { shortNames: [...info.shortNames] } : {}),
      ...(info.categories.length > 0 ? { categories: [...info.categories] } : {}),
    });
    const sub = (name: string, kind: string, verbs: string[], extra: object = {}): void => {
      resources.push({ name: `${info.resource}/${name}`, singularName: '', namespaced: info.namespaced, ...extra, kind, verbs });
    };
    if (info.statusSubresource) sub('status', info.kind, ['get', 'patch', 'update']);
    if (info.scale) sub('scale', 'Scale', ['get', 'patch', 'update'], { group: 'autoscaling', version: 'v1' });
    for (const extra of info.extraSubresources) sub(extra, extra === 'binding' ? 'Binding' : info.kind, extra === 'binding' ? ['create'] : ['get']);
  }
  const groupVersion = group === '' ? version : `${group}/${version}`;
  return ok({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources });
}

function ok(body: object): PathResponse {
  return { body };
}
