// How an incoming Service is reconciled with the stored one before allocation: allocated values a client left
// out are kept, clusterIP and clusterIPs are kept in step, and fields the new type no longer uses are dropped
// (pkg/registry/core/service/storage/storage.go patchAllocatedValues, normalizeClusterIPs; strategy.go dropTypeDependentFields).
import type { Service, ServiceSpec } from '@aviary/kube';
import { isExternallyAccessible, needsClusterIP, needsNodePorts } from './service-defaults.js';

/** On create, an old client that set only `clusterIP` gets `clusterIPs` filled from it. */
export function normalizeCreatedService(service: Service): void {
  const spec = (service.spec ??= {});
  if (spec.clusterIP && (spec.clusterIPs?.length ?? 0) === 0) spec.clusterIPs = [spec.clusterIP];
}

/** Applies the update fix-ups to `service` (in place), in upstream's order. */
export function fixUpdatedService(service: Service, previous: Readonly<Service>): void {
  dropTypeDependentFields(service, previous);
  patchAllocatedValues(service, previous);
  normalizeUpdatedClusterIPs(service, previous);
}

/** Clears what the previous type allocated when the new type does not use it and the client did not touch it. */
function dropTypeDependentFields(service: Service, previous: Readonly<Service>): void {
  const spec = (service.spec ??= {});
  const old = previous.spec ?? {};
  if (needsClusterIP(previous) && !needsClusterIP(service)) {
    if (sameClusterIPs(spec, old)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameList(spec.ipFamilies, old.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === old.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePorts(previous) && !needsNodePorts(service) && sameNodePorts(spec, old)) {
    for (const port of spec.ports ?? []) delete port.nodePort;
  }
  if (old.type === 'LoadBalancer' && spec.type === 'LoadBalancer' && old.externalTrafficPolicy === 'Local' && spec.externalTrafficPolicy !== 'Local') {
    if (spec.healthCheckNodePort === old.healthCheckNodePort) delete spec.healthCheckNodePort;
  }
  if (old.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts === old.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (spec.healthCheckNodePort === old.healthCheckNodePort) delete spec.healthCheckNodePort;
  }
  if (!isExternallyAccessible(spec)) delete spec.externalTrafficPolicy;
}

/** A client that left out the clusterIP or a node port (kubectl replace of an old manifest) keeps the allocated one. */
function patchAllocatedValues(service: Service, previous: Readonly<Service>): void {
  const spec = (service.spec ??= {});
  const old = previous.spec ?? {};
  if (needsClusterIP(previous) && needsClusterIP(service)) {
    if (!spec.clusterIP && old.clusterIP) spec.clusterIP = old.clusterIP;
    if ((spec.clusterIPs?.length ?? 0) === 0 && (old.clusterIPs?.length ?? 0) > 0) spec.clusterIPs = [...(old.clusterIPs ?? [])];
  }
  if (needsNodePorts(previous) && needsNodePorts(service)) {
    const oldUsed = new Set((old.ports ?? []).map((port) => port.nodePort ?? 0).filter((nodePort) => nodePort !== 0));
    const newUsed = new Set((spec.ports ?? []).map((port) => port.nodePort ?? 0).filter((nodePort) => nodePort !== 0));
    // Ports kept by value in the new spec cannot be handed to another port.
    const taken = new Set([...oldUsed].filter((nodePort) => newUsed.has(nodePort)));
    const byName = new Map((old.ports ?? []).map((port) => [port.name ?? '', port.nodePort ?? 0] as const));
    for (const port of spec.ports ?? []) {
      if (port.nodePort) continue;
      const oldValue = byName.get(port.name ?? '') ?? 0;
      if (oldValue !== 0 && !taken.has(oldValue)) port.nodePort = oldValue;
    }
  }
  if (spec.type === 'LoadBalancer' && old.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local' && old.externalTrafficPolicy === 'Local') {
    if (!spec.healthCheckNodePort && old.healthCheckNodePort) spec.healthCheckNodePort = old.healthCheckNodePort;
  }
}

/** Keeps the singular and plural fields in step when only one of them was sent or changed. */
function normalizeUpdatedClusterIPs(service: Service, previous: Readonly<Service>): void {
  const spec = (service.spec ??= {});
  const old = previous.spec ?? {};
  if ((old.clusterIPs?.length ?? 0) > 0 && (spec.clusterIPs?.length ?? 0) === 0 && old.clusterIP === spec.clusterIP) {
    spec.clusterIPs = [...(old.clusterIPs ?? [])];
  }
  if (old.clusterIP !== spec.clusterIP) {
    if (old.clusterIP && !spec.clusterIP && sameClusterIPs(spec, old)) delete spec.clusterIPs;
    else if (sameClusterIPs(spec, old) && spec.clusterIP) spec.clusterIPs = [spec.clusterIP];
  }
}

function sameClusterIPs(a: Readonly<ServiceSpec>, b: Readonly<ServiceSpec>): boolean {
  return sameList(a.clusterIPs, b.clusterIPs);
}

/** The new spec adds no node port the old one did not have (ports may be removed or changed otherwise). */
function sameNodePorts(a: Readonly<ServiceSpec>, b: Readonly<ServiceSpec>): boolean {
  const oldPorts = new Set((b.ports ?? []).map((port) => port.nodePort ?? 0));
  return (a.ports ?? []).every((port) => !port.nodePort || oldPorts.has(port.nodePort));
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((value, i) => value === right[i]);
}
