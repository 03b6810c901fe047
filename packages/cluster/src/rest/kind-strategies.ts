// What create and update do to particular kinds before storing: status isolation, namespace finalizers and
// phase, pod phase and QoS class (k8s.io/kubernetes/pkg/registry/*/strategy.go PrepareForCreate/PrepareForUpdate).
import { copyJson, type KubeObject } from '@aviary/kube';
import { copyMembers, copyMembersExcept } from '../json/copy-members.js';
import type { ResourceInfo } from '../registry/index.js';
import { resourcePolicy } from './resource-policy.js';

type Json = Record<string, unknown>;

export const namespaceFinalizer = 'kubernetes';
export const namespaceNameLabel = 'kubernetes.io/metadata.name';

const isNamespaces = (info: ResourceInfo): boolean => resourcePolicy.is(info, '', 'namespaces');
const isPods = (info: ResourceInfo): boolean => resourcePolicy.is(info, '', 'pods');
const isNodes = (info: ResourceInfo): boolean => resourcePolicy.is(info, '', 'nodes');
const isServices = (info: ResourceInfo): boolean => resourcePolicy.is(info, '', 'services');
const isJobs = (info: ResourceInfo): boolean => resourcePolicy.is(info, 'batch', 'jobs');

/** Resets what a create may not set (status behind a status subresource) and fills kind-specific defaults. */
export function prepareForCreate(info: ResourceInfo, object: KubeObject): void {
  const json = object as Json;
  if (info.statusSubresource && !isNodes(info)) {
    if (resourcePolicy.isCustom(info)) delete json.status;
    else json.status = {};
  }
  if (isNamespaces(info)) {
    const spec = (json.spec ?? {}) as Json;
    spec.finalizers = [namespaceFinalizer];
    json.spec = spec;
    json.status = { phase: 'Active' };
    labelNamespace(object);
  } else if (isPods(info)) {
    json.status = { phase: 'Pending', qosClass: podQosClass(json.spec) };
  } else if (isServices(info)) {
    json.status = { loadBalancer: {} };
  } else if (isJobs(info)) {
    generateJobSelector(object);
  }
}

/**
 * A Job without `manualSelector` selects its pods by its own uid, and its pod template carries the four job
 * labels (k8s.io/kubernetes/pkg/registry/batch/job/strategy.go generateSelector).
 */
function generateJobSelector(job: KubeObject): void {
  const json = job as Json;
  const spec = (json.spec ??= {}) as Json;
  if (spec.manualSelector === true) return;
  const uid = job.metadata?.uid ?? '';
  const name = job.metadata?.name ?? '';
  const template = (spec.template ??= {}) as Json;
  const metadata = (template.metadata ??= {}) as Json;
  metadata.labels = {
    ...((metadata.labels ?? {}) as Record<string, string>),
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
    'controller-uid': uid,
    'job-name': name,
  };
  spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
}

/**
 * Applies status isolation to an update: a main-resource write keeps the live status, a `status` write keeps
 * everything but status (and managedFields) from the live object; `finalize` on a namespace changes only
 * spec.finalizers. Returns the object to store.
 */
export function prepareForUpdate(info: ResourceInfo, live: KubeObject, incoming: KubeObject, subresource: string | undefined): KubeObject {
  const liveJson = live as Json;
  if (subresource === 'status') {
    // All but status (and managedFields a client may send) is the stored object's: shared with `live`, not
    // copied — the write path replaces members of the result and of its own metadata, never deeper ones —
    // so what the write leaves alone is the same value on both sides and later walks pass over it at once.
    const status = (incoming as Json).status;
    const managed = incoming.metadata?.managedFields;
    const metadata = copyMembers(live.metadata ?? {}, managed !== undefined ? { managedFields: managed } : undefined);
    return (status === undefined ? copyMembersExcept(copyMembers(live, { metadata }), 'status') : copyMembers(live, { metadata, status })) as KubeObject;
  }
  if (subresource === 'finalize' && isNamespaces(info)) {
    const next = copyJson(live) as Json;
    const finalizers = ((incoming as Json).spec as Json | undefined)?.finalizers;
    next.spec = { ...((next.spec ?? {}) as Json), finalizers: Array.isArray(finalizers) ? finalizers : [] };
    return next as KubeObject;
  }
  const next = incoming as Json;
  if (info.statusSubresource) {
    if (liveJson.status === undefined) delete next.status;
    else next.status = copyJson(liveJson.status);
  }
  if (isNamespaces(info)) {
    const liveSpec = (liveJson.spec ?? {}) as Json;
    next.spec = { ...((next.spec ?? {}) as Json), finalizers: copyJson(liveSpec.finalizers ?? []) };
    labelNamespace(next as KubeObject);
  }
  return next as KubeObject;
}

function labelNamespace(object: KubeObject): void {
  const metadata = (object.metadata ??= {});
  metadata.labels = { ...metadata.labels, [namespaceNameLabel]: metadata.name ?? '' };
}

/** Guaranteed when every container limits and requests cpu and memory equally, BestEffort with no resources at all. */
export function podQosClass(spec: unknown): string {
  const containers = [
    ...(((spec as Json | undefined)?.containers as Json[] | undefined) ?? []),
    ...(((spec as Json | undefined)?.initContainers as Json[] | undefined) ?? []),
  ];
  let anyResources = false;
  let guaranteed = containers.length > 0;
  for (const container of containers) {
    const resources = (container.resources ?? {}) as { requests?: Json; limits?: Json };
    const requests = resources.requests ?? {};
    const limits = resources.limits ?? {};
    if (Object.keys(requests).length > 0 || Object.keys(limits).length > 0) anyResources = true;
    for (const name of ['cpu', 'memory']) {
      const limit = limits[name];
      const request = requests[name] ?? limit;
      if (limit === undefined || String(request) !== String(limit)) guaranteed = false;
    }
  }
  if (!anyResources) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
