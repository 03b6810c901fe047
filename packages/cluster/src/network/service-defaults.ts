// Service field defaults and the type predicates allocation turns on (k8s.io/kubernetes/pkg/apis/core/v1/defaults.go
// SetDefaults_Service, pkg/registry/core/service/storage/alloc.go needsClusterIP / needsNodePort).
import { ServiceType, type Service, type ServiceSpec } from '@aviary/kube';

/** The ClientIP affinity timeout upstream fills in: three hours. */
export const DEFAULT_CLIENT_IP_TIMEOUT_SECONDS = 10800;

/** Every type but ExternalName has a cluster IP (`None` counts: a headless Service still "has" one). */
export function needsClusterIP(service: Readonly<Service>): boolean {
  return (service.spec?.type ?? ServiceType.ClusterIP) !== ServiceType.ExternalName;
}

/** NodePort Services, and LoadBalancer Services unless allocateLoadBalancerNodePorts is false, get node ports. */
export function needsNodePorts(service: Readonly<Service>): boolean {
  const type = service.spec?.type;
  if (type === ServiceType.NodePort) return true;
  return type === ServiceType.LoadBalancer && service.spec?.allocateLoadBalancerNodePorts !== false;
}

/** Reachable from outside the cluster, so externalTrafficPolicy applies. */
export function isExternallyAccessible(spec: Readonly<ServiceSpec>): boolean {
  const type = spec.type;
  return type === ServiceType.NodePort || type === ServiceType.LoadBalancer || (type === ServiceType.ClusterIP && (spec.externalIPs?.length ?? 0) > 0);
}

/** True for `clusterIP: None` (or `clusterIPs: [None]`). */
export function isHeadless(spec: Readonly<ServiceSpec>): boolean {
  return spec.clusterIP === 'None' || spec.clusterIPs?.[0] === 'None';
}

/**
 * Fills what a decoded Service gets before storage sees it: type ClusterIP, sessionAffinity None,
 * port protocol TCP and targetPort = port, internalTrafficPolicy Cluster (not for ExternalName),
 * externalTrafficPolicy Cluster for NodePort / LoadBalancer, allocateLoadBalancerNodePorts true.
 * Changes `service` in place.
 */
export function applyServiceDefaults(service: Service): void {
  const spec = (service.spec ??= {});
  spec.type ??= ServiceType.ClusterIP;
  spec.sessionAffinity ??= 'None';
  if (spec.sessionAffinity === 'ClientIP') {
    const clientIP = ((spec.sessionAffinityConfig ??= {}).clientIP ??= {});
    clientIP.timeoutSeconds ??= DEFAULT_CLIENT_IP_TIMEOUT_SECONDS;
  }
  for (const port of spec.ports ?? []) {
    port.protocol ??= 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  if (spec.type !== ServiceType.ExternalName) spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === ServiceType.NodePort || spec.type === ServiceType.LoadBalancer) spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === ServiceType.LoadBalancer) spec.allocateLoadBalancerNodePorts ??= true;
}
