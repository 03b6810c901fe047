// core/v1 building blocks used by several kinds: object references, protocols, load-balancer status.

/** Points at any object, by kind/namespace/name (Event.involvedObject, Endpoints targetRef, …). */
export interface ObjectReference {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  resourceVersion?: string;
  /** A path into the object, e.g. `spec.containers{web}` for an event about one container. */
  fieldPath?: string;
}

/** A reference to an object in the same namespace, by name only. */
export interface LocalObjectReference {
  name?: string;
}

/** A reference to an object in the same namespace, by API group, kind and name. */
export interface TypedLocalObjectReference {
  apiGroup?: string;
  kind: string;
  name: string;
}

export const Protocol = { TCP: 'TCP', UDP: 'UDP', SCTP: 'SCTP' } as const;
export type Protocol = (typeof Protocol)[keyof typeof Protocol];

export interface PortStatus {
  port: number;
  protocol: Protocol;
  error?: string;
}

export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
  /** `VIP` (traffic delivered with the LB's IP as destination) or `Proxy`. */
  ipMode?: 'VIP' | 'Proxy';
  ports?: PortStatus[];
}

/** Service.status.loadBalancer: the addresses of a provisioned load balancer. */
export interface LoadBalancerStatus {
  ingress?: LoadBalancerIngress[];
}

/** The object-field selector of the downward API: `metadata.name`, `status.podIP`, … */
export interface ObjectFieldSelector {
  apiVersion?: string;
  fieldPath: string;
}

/** The container-resource selector of the downward API: `limits.cpu`, `requests.memory`, … */
export interface ResourceFieldSelector {
  containerName?: string;
  resource: string;
  divisor?: string;
}

export interface KeyToPath {
  key: string;
  path: string;
  mode?: number;
}
