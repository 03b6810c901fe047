// The built-in resources the embedded API server serves, with the discovery data real Kubernetes gives them.
import { Resources, type ResourceType } from '@aviary/kube';
import { ResourceSource, standardVerbs, type ResourceInfo, type ScalePaths } from './resource-info.js';

interface BuiltinExtras {
  shortNames?: string[];
  categories?: string[];
  status?: boolean;
  scale?: ScalePaths;
  extraSubresources?: string[];
  verbs?: readonly string[];
}

const replicasScale: ScalePaths = {
  specReplicasPath: '.spec.replicas',
  statusReplicasPath: '.status.replicas',
  labelSelectorPath: '.status.selector',
};

function builtin(type: ResourceType, extras: BuiltinExtras = {}): ResourceInfo {
  return Object.freeze({
    ...type,
    singular: type.kind.toLowerCase(),
    listKind: `${type.kind}List`,
    shortNames: extras.shortNames ?? [],
    categories: extras.categories ?? [],
    verbs: extras.verbs ?? standardVerbs,
    statusSubresource: extras.status ?? false,
    ...(extras.scale ? { scale: extras.scale } : {}),
    extraSubresources: extras.extraSubresources ?? [],
    source: ResourceSource.BuiltIn,
  });
}

/** Built-in resources in discovery order. Short names and categories follow Kubernetes 1.32. */
export const builtinResources: readonly ResourceInfo[] = [
  builtin(Resources.namespaces, { shortNames: ['ns'], status: true, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }),
  builtin(Resources.nodes, { shortNames: ['no'], status: true }),
  builtin(Resources.pods, { shortNames: ['po'], categories: ['all'], status: true, extraSubresources: ['binding', 'log'] }),
  builtin(Resources.services, { shortNames: ['svc'], categories: ['all'], status: true }),
  builtin(Resources.endpoints, { shortNames: ['ep'] }),
  builtin(Resources.configMaps, { shortNames: ['cm'] }),
  builtin(Resources.secrets),
  builtin(Resources.events, { shortNames: ['ev'] }),
  builtin(Resources.serviceAccounts, { shortNames: ['sa'] }),
  builtin(Resources.replicaSets, { shortNames: ['rs'], categories: ['all'], status: true, scale: replicasScale }),
  builtin(Resources.deployments, { shortNames: ['deploy'], categories: ['all'], status: true, scale: replicasScale }),
  builtin(Resources.jobs, { categories: ['all'], status: true }),
  builtin(Resources.ingresses, { shortNames: ['ing'], status: true }),
  builtin(Resources.leases),
  builtin(Resources.customResourceDefinitions, { shortNames: ['crd', 'crds'], categories: ['api-extensions'], status: true }),
];
