// Pure Service → Endpoints math: which pods count, their ports, and subsets grouped by port set (endpoints_controller.go, repack.go).
import type { DeepReadonly, EndpointAddress, EndpointPort, EndpointSubset, Pod, Service, ServicePort } from '@aviary/kube';
import { isPodReady } from '../shared/pod-conditions.js';

type ReadonlyPod = DeepReadonly<Pod>;

/** Upstream maxCapacity: at most this many addresses, then `endpoints.kubernetes.io/over-capacity: truncated`. */
export const MAX_ENDPOINT_ADDRESSES = 1000;

/** ShouldPodBeInEndpoints: has an IP, is not terminating (unless tolerated), and has not finished for good. */
export function shouldPodBeInEndpoints(pod: ReadonlyPod, includeTerminating = false): boolean {
  if (!pod.status?.podIP) return false;
  if (!includeTerminating && pod.metadata?.deletionTimestamp !== undefined) return false;
  const phase = pod.status.phase;
  const restartPolicy = pod.spec?.restartPolicy ?? 'Always';
  if (restartPolicy === 'Never') return phase !== 'Failed' && phase !== 'Succeeded';
  if (restartPolicy === 'OnFailure') return phase !== 'Succeeded';
  return true;
}

/** FindPort: a numeric targetPort as is; a named one from the pod's container ports (same protocol); undefined when absent. */
export function findPodPort(pod: ReadonlyPod, servicePort: DeepReadonly<ServicePort>): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = servicePort.protocol ?? 'TCP';
  for (const container of pod.spec?.containers ?? []) {
    for (const port of container.ports ?? []) {
      if (port.name === target && (port.protocol ?? 'TCP') === protocol) return port.containerPort;
    }
  }
  return undefined;
}

function addressOf(pod: ReadonlyPod, service: DeepReadonly<Service>): EndpointAddress {
  const address: EndpointAddress = {
    ip: pod.status?.podIP ?? '',
    targetRef: { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid },
  };
  if (pod.spec?.nodeName) address.nodeName = pod.spec.nodeName;
  // A pod with hostname and a subdomain naming this Service gets a DNS name under it.
  if (pod.spec?.hostname && pod.spec.subdomain === service.metadata?.name) address.hostname = pod.spec.hostname;
  return address;
}

/**
 * The subsets for a Service from candidate pods: ready pods (or every pod with
 * publishNotReadyAddresses) in `addresses`, the rest in `notReadyAddresses`, one entry per port that
 * resolves for the pod; then repacked so addresses sharing a port set share a subset.
 */
export function computeSubsets(service: DeepReadonly<Service>, pods: readonly ReadonlyPod[]): { subsets: EndpointSubset[]; truncated: boolean } {
  const tolerateUnready = service.spec?.publishNotReadyAddresses === true;
  const entries: { address: EndpointAddress; ready: boolean; ports: EndpointPort[] }[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
    const ready = tolerateUnready || isPodReady(pod);
    const servicePorts = service.spec?.ports ?? [];
    if (servicePorts.length === 0) {
      // Only headless Services publish addresses without ports.
      if (service.spec?.clusterIP === 'None') entries.push({ address: addressOf(pod, service), ready, ports: [] });
      continue;
    }
    const ports: EndpointPort[] = [];
    for (const servicePort of servicePorts) {
      const port = findPodPort(pod, servicePort);
      if (port === undefined) continue;
      const endpointPort: EndpointPort = { port, protocol: servicePort.protocol ?? 'TCP' };
      if (servicePort.name) endpointPort.name = servicePort.name;
      if (servicePort.appProtocol) endpointPort.appProtocol = servicePort.appProtocol;
      ports.push(endpointPort);
    }
    if (ports.length > 0) entries.push({ address: addressOf(pod, service), ready, ports });
  }
  return repack(entries);
}

function repack(entries: { address: EndpointAddress; ready: boolean; ports: EndpointPort[] }[]): { subsets: EndpointSubset[]; truncated: boolean } {
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const entry of entries) {
    const ports = [...entry.ports].sort(comparePorts);
    const groupKey = JSON.stringify(ports);
    let group = groups.get(groupKey);
    if (group === undefined) groups.set(groupKey, (group = { ports, ready: [], notReady: [] }));
    (entry.ready ? group.ready : group.notReady).push(entry.address);
  }
  let budget = MAX_ENDPOINT_ADDRESSES;
  let truncated = false;
  const subsets: EndpointSubset[] = [];
  for (const [, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const ready = group.ready.sort(compareAddresses).slice(0, Math.max(0, budget));
    budget -= ready.length;
    const notReady = group.notReady.sort(compareAddresses).slice(0, Math.max(0, budget));
    budget -= notReady.length;
    if (ready.length < group.ready.length || notReady.length < group.notReady.length) truncated = true;
    const subset: EndpointSubset = {};
    if (ready.length > 0) subset.addresses = ready;
    if (notReady.length > 0) subset.notReadyAddresses = notReady;
    if (group.ports.length > 0) subset.ports = group.ports;
    if (ready.length + notReady.length > 0) subsets.push(subset);
  }
  return { subsets, truncated };
}

function comparePorts(a: EndpointPort, b: EndpointPort): number {
  return (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port || (a.protocol ?? '').localeCompare(b.protocol ?? '');
}

/** By IP (numerically for IPv4), then by pod uid (LessEndpointAddress). */
function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  return compareIps(a.ip, b.ip) || (a.targetRef?.uid ?? '').localeCompare(b.targetRef?.uid ?? '');
}

function compareIps(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  if (pa.length === 4 && pb.length === 4 && [...pa, ...pb].every((n) => Number.isInteger(n))) {
    for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
    return 0;
  }
  return a.localeCompare(b);
}
