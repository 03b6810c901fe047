// core/v1 Service and Endpoints: virtual IPs, ports, selectors and the ready/not-ready addresses behind them.
import type { LoadBalancerStatus, ObjectReference, Protocol } from './core-common.js';
import type { Condition, KubeObject, ObjectList, ObjectMeta } from './meta.js';
import type { IntOrString } from './scalars.js';

export const ServiceType = {
  ClusterIP: 'ClusterIP',
  NodePort: 'NodePort',
  LoadBalancer: 'LoadBalancer',
  ExternalName: 'ExternalName',
} as const;
export type ServiceType = (typeof ServiceType)[keyof typeof ServiceType];

/** `clusterIP: None` makes a headless Service (no virtual IP; DNS returns the pod IPs). */
export const ClusterIPNone = 'None';

export const ServiceAffinity = { ClientIP: 'ClientIP', None: 'None' } as const;
export type ServiceAffinity = (typeof ServiceAffinity)[keyof typeof ServiceAffinity];

export const IPFamily = { IPv4: 'IPv4', IPv6: 'IPv6' } as const;
export type IPFamily = (typeof IPFamily)[keyof typeof IPFamily];

export interface ServicePort {
  /** Required when the Service has more than one port. */
  name?: string;
  protocol?: Protocol;
  appProtocol?: string;
  /** The port the Service's virtual IP listens on. */
  port: number;
  /** The pod port: a number or a container port name; defaults to `port`. */
  targetPort?: IntOrString;
  /** Allocated on every node for NodePort / LoadBalancer Services. */
  nodePort?: number;
}

export interface ServiceSpec {
  ports?: ServicePort[];
  /** Pods with these labels receive the traffic; Argo Rollouts adds `rollouts-pod-template-hash` here. */
  selector?: Record<string, string>;
  /** Allocated by the API server unless set; `None` = headless. */
  clusterIP?: string;
  clusterIPs?: string[];
  type?: ServiceType;
  externalIPs?: string[];
  sessionAffinity?: ServiceAffinity;
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
  loadBalancerIP?: string;
  loadBalancerSourceRanges?: string[];
  loadBalancerClass?: string;
  allocateLoadBalancerNodePorts?: boolean;
  externalName?: string;
  externalTrafficPolicy?: 'Cluster' | 'Local';
  internalTrafficPolicy?: 'Cluster' | 'Local';
  healthCheckNodePort?: number;
  /** Publish addresses of pods that are not ready (used by StatefulSet peer discovery). */
  publishNotReadyAddresses?: boolean;
  ipFamilies?: IPFamily[];
  ipFamilyPolicy?: 'SingleStack' | 'PreferDualStack' | 'RequireDualStack';
  trafficDistribution?: string;
}

export interface ServiceStatus {
  loadBalancer?: LoadBalancerStatus;
  conditions?: Condition[];
}

export interface Service extends KubeObject {
  metadata?: ObjectMeta;
  spec?: ServiceSpec;
  status?: ServiceStatus;
}
export type ServiceList = ObjectList<Service>;

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  /** Usually the Pod behind this address. */
  targetRef?: ObjectReference;
}

export interface EndpointPort {
  /** Matches ServicePort.name. */
  name?: string;
  port: number;
  protocol?: Protocol;
  appProtocol?: string;
}

/** A set of addresses that all expose the same ports. */
export interface EndpointSubset {
  /** Ready addresses: traffic goes here. */
  addresses?: EndpointAddress[];
  /** Addresses of pods that are not (yet) ready. */
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

/** core/v1 Endpoints: same name as its Service, maintained by the endpoints controller. */
export interface Endpoints extends KubeObject {
  metadata?: ObjectMeta;
  subsets?: EndpointSubset[];
}
export type EndpointsList = ObjectList<Endpoints>;
