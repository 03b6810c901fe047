// One Service sync as a checklist: gone → delete its Endpoints; no selector → leave alone; else write the computed subsets.
import { Resources, isNotFound, selectorFromSet, splitObjectKey, type DeepReadonly, type Endpoints, type KubeClient, type Pod, type Service, type SharedInformer } from '@aviary/kube';
import { canonicalJson } from '../shared/canonical-json.js';
import { computeSubsets } from './endpoint-subsets.js';

export const EndpointsLabel = {
  /** Marks Endpoints written by this controller (upstream LabelManagedBy / ControllerName). */
  ManagedBy: 'endpoints.kubernetes.io/managed-by',
  Headless: 'service.kubernetes.io/headless',
} as const;
export const ENDPOINT_CONTROLLER_NAME = 'endpoint-controller';
export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';

export interface EndpointsSyncDeps {
  client: KubeClient;
  services: SharedInformer<Service>;
  pods: SharedInformer<Pod>;
  endpoints: SharedInformer<Endpoints>;
}

export async function syncEndpoints(deps: EndpointsSyncDeps, key: string): Promise<void> {
  const { namespace, name } = splitObjectKey(key);
  const service = deps.services.getByKey(key);
  // The Service is gone: its Endpoints go too (they carry no owner reference for GC).
  if (service === undefined) {
    await deleteEndpoints(deps, namespace, name);
    return;
  }
  // ExternalName Services and Services without a selector have Endpoints managed by someone else.
  if (service.spec?.type === 'ExternalName' || service.spec?.selector === undefined) return;
  const selector = selectorFromSet(service.spec.selector);
  const pods = deps.pods.list(namespace).filter((pod) => selector.matches(pod.metadata?.labels));
  const { subsets, truncated } = computeSubsets(service, pods);
  const current = deps.endpoints.getByKey(key);
  const desired = desiredEndpoints(service, current, subsets, truncated);
  if (current !== undefined && sameContent(current, desired)) return;
  if (current === undefined) await deps.client.create<Endpoints>(Resources.endpoints, desired);
  else await deps.client.update<Endpoints>(Resources.endpoints, desired);
}

function desiredEndpoints(service: DeepReadonly<Service>, current: DeepReadonly<Endpoints> | undefined, subsets: Endpoints['subsets'], truncated: boolean): Endpoints {
  const next: Endpoints = current ? (structuredClone(current) as Endpoints) : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: service.metadata?.name, namespace: service.metadata?.namespace } };
  const labels: Record<string, string> = { ...(service.metadata?.labels ?? {}), [EndpointsLabel.ManagedBy]: ENDPOINT_CONTROLLER_NAME };
  if (service.spec?.clusterIP === 'None') labels[EndpointsLabel.Headless] = '';
  next.metadata = { ...next.metadata, labels };
  const annotations = { ...(next.metadata.annotations ?? {}) };
  if (truncated) annotations[OVER_CAPACITY_ANNOTATION] = 'truncated';
  else delete annotations[OVER_CAPACITY_ANNOTATION];
  if (Object.keys(annotations).length > 0) next.metadata.annotations = annotations;
  else delete next.metadata.annotations;
  next.subsets = subsets ?? [];
  return next;
}

function sameContent(current: DeepReadonly<Endpoints>, desired: Endpoints): boolean {
  return (
    canonicalJson(current.subsets ?? []) === canonicalJson(desired.subsets ?? []) &&
    canonicalJson(current.metadata?.labels ?? {}) === canonicalJson(desired.metadata?.labels ?? {}) &&
    canonicalJson(current.metadata?.annotations ?? {}) === canonicalJson(desired.metadata?.annotations ?? {})
  );
}

async function deleteEndpoints(deps: EndpointsSyncDeps, namespace: string | undefined, name: string): Promise<void> {
  const current = deps.endpoints.get(namespace, name);
  if (current === undefined) return;
  try {
    await deps.client.delete(Resources.endpoints, name, namespace);
  } catch (err: unknown) {
    if (!isNotFound(err)) throw err;
  }
}
