// The LoadBalancer status the proxy publishes: the node address, as k3s' service load balancer (klipper-lb) does.
import type { DeepReadonly, LoadBalancerStatus, Service } from '@aviary/kube';

/**
 * What status.loadBalancer should say, or undefined to leave it alone: a LoadBalancer Service this proxy
 * serves gets `ingress: [{ ip, ipMode: 'VIP' }]`; a Service that stopped being one loses the ingress this
 * proxy wrote (and only that one); a loadBalancerClass Service belongs to someone else.
 */
export function desiredLoadBalancerStatus(service: DeepReadonly<Service>, ingressIP: string): LoadBalancerStatus | undefined {
  const spec = service.spec ?? {};
  const current = service.status?.loadBalancer?.ingress ?? [];
  if (spec.type === 'LoadBalancer') {
    if (spec.loadBalancerClass) return undefined;
    return { ingress: [{ ip: ingressIP, ipMode: 'VIP' }] };
  }
  const ours = current.length === 1 && current[0]?.ip === ingressIP && current[0]?.hostname === undefined;
  return ours ? {} : undefined;
}

/** True when the stored status already says `desired`. */
export function loadBalancerStatusEquals(service: DeepReadonly<Service>, desired: LoadBalancerStatus): boolean {
  return JSON.stringify(normalize(service.status?.loadBalancer)) === JSON.stringify(normalize(desired));
}

function normalize(status: DeepReadonly<LoadBalancerStatus> | undefined): unknown {
  const ingress = (status?.ingress ?? []).map((entry) => ({ ip: entry.ip, hostname: entry.hostname, ipMode: entry.ipMode, ports: entry.ports }));
  return ingress.length === 0 ? [] : ingress;
}
