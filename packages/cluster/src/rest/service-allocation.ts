// Service addresses at write time, as the real API server allocates them: cluster IPs and node ports chosen
// against every stored Service, so allocation needs no state of its own and survives restarts.
import type { KubeObject, Service } from '@aviary/kube';
import { assignServiceAddresses } from '../network/index.js';
import type { ResourceInfo } from '../registry/index.js';
import { invalidError } from '../server/api-errors.js';
import { collectionPrefix } from '../storage/keys.js';
import type { Store } from '../storage/store.js';
import { resourcePolicy } from './resource-policy.js';

/** Fills spec.clusterIP(s), node ports and Service defaults; a conflict or an illegal change is a 422. */
export function allocateServiceAddresses(context: { store: Store; serviceCidr?: string }, info: ResourceInfo, object: KubeObject, live?: KubeObject): KubeObject {
  if (!resourcePolicy.is(info, '', 'services')) return object;
  const existing = context.store.list(collectionPrefix({ group: '', resource: 'services' })).items.map((item) => item.object as Service);
  const { service, errors } = assignServiceAddresses({
    service: object as Service,
    ...(live ? { previous: live as Service } : {}),
    existing,
    ...(context.serviceCidr ? { serviceCidr: context.serviceCidr } : {}),
  });
  if (errors.length > 0) throw invalidError(info, object.metadata?.name ?? '', errors);
  return service;
}
