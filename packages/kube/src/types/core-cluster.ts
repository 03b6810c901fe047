// core/v1 cluster-scoped kinds: Namespace and Node.
import type { Taint } from './core-scheduling.js';
import type { ConditionStatus, KubeObject, ObjectList, ObjectMeta } from './meta.js';
import type { Quantity, Time } from './scalars.js';

export const NamespacePhase = { Active: 'Active', Terminating: 'Terminating' } as const;
export type NamespacePhase = (typeof NamespacePhase)[keyof typeof NamespacePhase];

export interface NamespaceCondition {
  /** `NamespaceDeletionDiscoveryFailure`, `NamespaceContentRemaining`, `NamespaceFinalizersRemaining`, … */
  type: string;
  status: ConditionStatus;
  lastTransitionTime?: Time;
  reason?: string;
  message?: string;
}

export interface Namespace extends KubeObject {
  metadata?: ObjectMeta;
  /** `kubernetes` here holds the namespace in Terminating until its content is gone. */
  spec?: { finalizers?: string[] };
  status?: { phase?: NamespacePhase; conditions?: NamespaceCondition[] };
}
export type NamespaceList = ObjectList<Namespace>;

export const NodeConditionType = {
  Ready: 'Ready',
  MemoryPressure: 'MemoryPressure',
  DiskPressure: 'DiskPressure',
  PIDPressure: 'PIDPressure',
  NetworkUnavailable: 'NetworkUnavailable',
} as const;
export type NodeConditionType = (typeof NodeConditionType)[keyof typeof NodeConditionType];

export interface NodeCondition {
  type: NodeConditionType | (string & {});
  status: ConditionStatus;
  lastHeartbeatTime?: Time;
  lastTransitionTime?: Time;
  reason?: string;
  message?: string;
}

export interface NodeAddress {
  type: 'Hostname' | 'InternalIP' | 'ExternalIP' | 'InternalDNS' | 'ExternalDNS';
  address: string;
}

export interface NodeSystemInfo {
  machineID: string;
  systemUUID: string;
  bootID: string;
  kernelVersion: string;
  osImage: string;
  containerRuntimeVersion: string;
  kubeletVersion: string;
  kubeProxyVersion?: string;
  operatingSystem: string;
  architecture: string;
}

export interface NodeSpec {
  podCIDR?: string;
  podCIDRs?: string[];
  providerID?: string;
  /** Cordoned: no new pods are scheduled here. */
  unschedulable?: boolean;
  taints?: Taint[];
}

export interface NodeStatus {
  capacity?: Record<string, Quantity>;
  /** Capacity minus what is reserved for the system: what pods may request. */
  allocatable?: Record<string, Quantity>;
  conditions?: NodeCondition[];
  addresses?: NodeAddress[];
  daemonEndpoints?: { kubeletEndpoint?: { Port: number } };
  nodeInfo?: NodeSystemInfo;
  images?: { names?: string[]; sizeBytes?: number }[];
  volumesInUse?: string[];
}

export interface Node extends KubeObject {
  metadata?: ObjectMeta;
  spec?: NodeSpec;
  status?: NodeStatus;
}
export type NodeList = ObjectList<Node>;
