// Which TCP listeners a Service needs on this machine: its cluster IP, its node ports and, for a LoadBalancer,
// its port on the node address (kube-proxy's per-service rules, and k3s' service load balancer for the last).
import type { DeepReadonly, Endpoints, Service } from '@aviary/kube';

/** Why a listener exists; shown in warnings and in ServiceProxy.listeners(). */
export const ListenerRole = { ClusterIP: 'clusterIP', NodePort: 'nodePort', LoadBalancer: 'loadBalancer' } as const;
export type ListenerRole = (typeof ListenerRole)[keyof typeof ListenerRole];

export interface ListenerSpec {
  readonly host: string;
  readonly port: number;
  /** The Service port (by name; '' when unnamed) whose endpoints receive the connections. */
  readonly servicePortName: string;
  readonly role: ListenerRole;
}

export interface ServicePlan {
  readonly listeners: readonly ListenerSpec[];
  /** Ports this proxy cannot serve, as `UDP/53`: only TCP is proxied. */
  readonly unsupported: readonly string[];
}

export interface PlanServiceOptions {
  service: DeepReadonly<Service>;
  /** The Service's Endpoints, when they exist. */
  endpoints: DeepReadonly<Endpoints> | undefined;
  /** Where node ports and LoadBalancer ports listen: the node's address. */
  bindHost: string;
}

const EMPTY: ServicePlan = { listeners: [], unsupported: [] };

/**
 * The listeners for one Service. ExternalName and headless Services get none (they have no virtual IP),
 * nor does a Service with neither a selector nor Endpoints of its own (nothing could ever answer).
 * A LoadBalancer Service with a loadBalancerClass belongs to another implementation: it gets no
 * node-address listener on its port, as k3s' service load balancer leaves it alone.
 */
export function planServiceListeners(options: PlanServiceOptions): ServicePlan {
  const { service, endpoints, bindHost } = options;
  const spec = service.spec;
  if (!spec || spec.type === 'ExternalName') return EMPTY;
  const hasSelector = Object.keys(spec.selector ?? {}).length > 0;
  if (!hasSelector && endpoints === undefined) return EMPTY;
  const clusterIP = spec.clusterIP && spec.clusterIP !== 'None' ? spec.clusterIP : undefined;
  if (clusterIP === undefined) return EMPTY;
  const listeners: ListenerSpec[] = [];
  const unsupported: string[] = [];
  const taken = new Set<string>();
  const add = (listener: ListenerSpec): void => {
    const key = `${listener.host}:${listener.port}`;
    if (taken.has(key)) return;
    taken.add(key);
    listeners.push(listener);
  };
  const isLoadBalancer = spec.type === 'LoadBalancer' && !spec.loadBalancerClass;
  for (const port of spec.ports ?? []) {
    const protocol = port.protocol ?? 'TCP';
    if (protocol !== 'TCP') {
      unsupported.push(`${protocol}/${port.port}`);
      continue;
    }
    const servicePortName = port.name ?? '';
    add({ host: clusterIP, port: port.port, servicePortName, role: ListenerRole.ClusterIP });
    if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && port.nodePort) {
      add({ host: bindHost, port: port.nodePort, servicePortName, role: ListenerRole.NodePort });
    }
    if (isLoadBalancer) add({ host: bindHost, port: port.port, servicePortName, role: ListenerRole.LoadBalancer });
  }
  return { listeners, unsupported };
}
