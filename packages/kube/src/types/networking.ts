// networking.k8s.io/v1 Ingress: host/path rules routed to Service backends (what the NGINX and ALB routers edit).
import type { TypedLocalObjectReference } from './core-common.js';
import type { KubeObject, ObjectList, ObjectMeta } from './meta.js';

export const PathType = {
  Exact: 'Exact',
  Prefix: 'Prefix',
  ImplementationSpecific: 'ImplementationSpecific',
} as const;
export type PathType = (typeof PathType)[keyof typeof PathType];

/** Exactly one of `name` or `number`. */
export interface ServiceBackendPort {
  name?: string;
  number?: number;
}

export interface IngressServiceBackend {
  name: string;
  port?: ServiceBackendPort;
}

/** Exactly one of `service` or `resource`. */
export interface IngressBackend {
  service?: IngressServiceBackend;
  resource?: TypedLocalObjectReference;
}

export interface HTTPIngressPath {
  path?: string;
  pathType: PathType;
  backend: IngressBackend;
}

export interface IngressRule {
  /** Empty matches every host; a leading `*.` is a single-label wildcard. */
  host?: string;
  http?: { paths: HTTPIngressPath[] };
}

export interface IngressTLS {
  hosts?: string[];
  secretName?: string;
}

export interface IngressSpec {
  /** The IngressClass; the legacy annotation `kubernetes.io/ingress.class` still works with most controllers. */
  ingressClassName?: string;
  defaultBackend?: IngressBackend;
  tls?: IngressTLS[];
  rules?: IngressRule[];
}

export interface IngressPortStatus {
  port: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  error?: string;
}

export interface IngressLoadBalancerIngress {
  ip?: string;
  hostname?: string;
  ports?: IngressPortStatus[];
}

export interface IngressStatus {
  loadBalancer?: { ingress?: IngressLoadBalancerIngress[] };
}

export interface Ingress extends KubeObject {
  metadata?: ObjectMeta;
  spec?: IngressSpec;
  status?: IngressStatus;
}
export type IngressList = ObjectList<Ingress>;
