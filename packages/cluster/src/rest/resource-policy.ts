// Per-resource behaviours that differ between kinds, as the upstream registry strategies set them
// (k8s.io/kubernetes/pkg/registry/*/strategy.go and the generic store options).
import type { ResourceInfo } from '../registry/index.js';
import { ResourceSource } from '../registry/index.js';

function id(info: ResourceInfo): string {
  return `${info.group}/${info.resource}`;
}

const withGeneration = new Set([
  'apps/replicasets',
  'apps/deployments',
  'batch/jobs',
  'networking.k8s.io/ingresses',
  'apiextensions.k8s.io/customresourcedefinitions',
]);

const deleteReturnsObject = new Set([
  '/pods',
  '/services',
  '/namespaces',
  'apps/replicasets',
  'apps/deployments',
  'batch/jobs',
  'apiextensions.k8s.io/customresourcedefinitions',
]);

const createOnUpdate = new Set(['/endpoints', '/events', '/services', 'coordination.k8s.io/leases']);

const isCustom = (info: ResourceInfo): boolean => info.source === ResourceSource.Crd;

export const resourcePolicy = {
  /** Whether objects carry metadata.generation (custom resources and the workload kinds). */
  hasGeneration: (info: ResourceInfo): boolean => isCustom(info) || withGeneration.has(id(info)),
  /** Whether a completed DELETE answers with the object (else a Success Status). */
  returnsDeletedObject: (info: ResourceInfo): boolean => isCustom(info) || deleteReturnsObject.has(id(info)),
  /** Whether PUT of an absent object creates it. */
  allowsCreateOnUpdate: (info: ResourceInfo): boolean => createOnUpdate.has(id(info)),
  /** Whether PUT may omit metadata.resourceVersion (custom resources require it). */
  allowsUnconditionalUpdate: (info: ResourceInfo): boolean => !isCustom(info),
  /** Whether list items carry apiVersion/kind (unstructured custom resources do; typed built-ins do not). */
  listItemsCarryKind: (info: ResourceInfo): boolean => isCustom(info),
  isCustom,
  is: (info: ResourceInfo, group: string, resource: string): boolean => info.group === group && info.resource === resource,
} as const;
