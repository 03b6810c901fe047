// assignServiceAddresses: the API server's Service create/update step that fills defaults, keeps and checks the
// cluster IP and allocates node ports (pkg/registry/core/service/storage/alloc.go, ipallocator, portallocator).
import type { Service } from '@aviary/kube';
import type { FieldError } from '../server/api-errors.js';
import { dynamicBandStart, formatIPv4, inRange, lowestFree, NODE_PORT_RANGE, parseIPv4, SERVICE_CIDR, usableRangeOf } from './ip-range.js';
import { applyServiceDefaults, isHeadless, needsClusterIP } from './service-defaults.js';
import { assignNodePorts, usedNodePorts } from './node-ports.js';
import { fixUpdatedService, normalizeCreatedService } from './service-update-fixups.js';
import { checkIPFamilies, clusterIPsError, goStringSlice } from './service-field-errors.js';

export interface AssignServiceAddressesInput {
  /** The Service being created, or the new body of an update. Not changed. */
  service: Readonly<Service>;
  /** The stored Service an update replaces; omit on create. */
  previous?: Readonly<Service>;
  /** Every stored Service (all namespaces). An entry with the same namespace and name as `service` is ignored. */
  existing: readonly Readonly<Service>[];
  /** The service IP range (`--service-cluster-ip-range`); default SERVICE_CIDR. */
  serviceCidr?: string;
}

export interface AssignServiceAddressesResult {
  /** A copy of the input with defaults, cluster IP and node ports filled in. */
  service: Service;
  /** Validation errors; when not empty the write must be refused (422 Invalid) and `service` is meaningless. */
  errors: FieldError[];
}

interface ServiceIPRange {
  cidr: string;
  range: ReturnType<typeof usableRangeOf>;
  dynamicStart: number;
}

const ranges = new Map<string, ServiceIPRange>();

/** The usable addresses of a service CIDR and where automatic allocation starts (memoized per CIDR). */
function serviceIPRange(cidr: string): ServiceIPRange {
  let known = ranges.get(cidr);
  if (!known) {
    const range = usableRangeOf(cidr);
    known = { cidr, range, dynamicStart: dynamicBandStart(range, { step: 16, max: 256 }) };
    ranges.set(cidr, known);
  }
  return known;
}

/**
 * Fills a Service's defaults and addresses, deterministically from `existing` (no hidden allocator state,
 * so it survives restarts): a ClusterIP, NodePort or LoadBalancer Service gets the lowest free address of
 * 127.96.0.0/16 above the static band (see ip-range.ts), `clusterIP: None` stays headless, ExternalName
 * gets none; node ports come from 30000–32767 the same way. A requested address or port already used by
 * another Service, or an update changing the cluster IP, is an error with upstream's wording:
 *
 *   spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated
 *   spec.clusterIPs: Invalid value: []string{"127.96.0.5"}: failed to allocate IP 127.96.0.5: provided IP is already allocated
 *   spec.clusterIPs[0]: Invalid value: []string{"127.96.0.9"}: may not change once set
 */
export function assignServiceAddresses(input: AssignServiceAddressesInput): AssignServiceAddressesResult {
  const service = structuredClone(input.service) as Service;
  applyServiceDefaults(service);
  if (input.previous) fixUpdatedService(service, input.previous);
  else normalizeCreatedService(service);

  const others = input.existing.filter((other) => !isSameObject(other, service));
  const steps = [
    () => checkClusterIPFields(service, input.previous),
    () => assignClusterIP(service, input.previous, usedClusterIPs(others), serviceIPRange(input.serviceCidr ?? SERVICE_CIDR)),
    () => assignNodePorts(service, input.previous, usedNodePorts(others)),
  ];
  // Like upstream, stop at the first step that fails: later steps would allocate for a doomed write.
  for (const step of steps) {
    const errors = step();
    if (errors.length > 0) return { service, errors };
  }
  return { service, errors: [] };
}

/** Checks that need no allocator: ExternalName without an IP, plural matching singular, no change on update. */
function checkClusterIPFields(service: Service, previous: Readonly<Service> | undefined): FieldError[] {
  const spec = service.spec ?? {};
  if (!needsClusterIP(service)) {
    if (spec.clusterIP) return [{ path: 'spec.clusterIP', type: 'FieldValueForbidden', message: 'Forbidden: may not be set for ExternalName services' }];
    return [];
  }
  const ips = spec.clusterIPs ?? [];
  if (ips.length > 0 && spec.clusterIP !== ips[0]) {
    return [clusterIPsError('spec.clusterIPs', ips, 'first value must match `clusterIP`')];
  }
  if (ips.length > 1) return [clusterIPsError('spec.clusterIPs', ips, 'this cluster is not configured for dual-stack services')];
  if (previous && needsClusterIP(previous) && !(isHeadless(spec) && isHeadless(previous.spec ?? {}))) {
    const oldIPs = previous.spec?.clusterIPs ?? [];
    if (oldIPs.length > 0 && ips.length === 0) return [clusterIPsError('spec.clusterIPs[0]', ips, 'primary clusterIP can not be unset')];
    const changed = oldIPs.findIndex((ip, i) => i < ips.length && ip !== ips[i]);
    if (changed >= 0) return [clusterIPsError(`spec.clusterIPs[${changed}]`, ips, 'may not change once set')];
  }
  return checkIPFamilies(spec);
}

function assignClusterIP(service: Service, previous: Readonly<Service> | undefined, used: ReadonlySet<number>, ips: ServiceIPRange): FieldError[] {
  const spec = (service.spec ??= {});
  if (!needsClusterIP(service)) return [];
  spec.ipFamilies = spec.ipFamilies?.length ? spec.ipFamilies : ['IPv4'];
  spec.ipFamilyPolicy ??= 'SingleStack';
  if (isHeadless(spec)) {
    spec.clusterIP = 'None';
    spec.clusterIPs = ['None'];
    return [];
  }
  const kept = previous !== undefined && needsClusterIP(previous) && previous.spec?.clusterIP === spec.clusterIP && Boolean(spec.clusterIP);
  if (kept) return [];
  const requested = spec.clusterIP;
  if (requested) {
    const value = parseIPv4(requested);
    if (value === undefined) {
      return [{ path: 'spec.clusterIPs[0]', type: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(requested)}: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)` }];
    }
    const failure = !inRange(ips.range, value)
      ? `the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${ips.cidr}`
      : used.has(value)
        ? 'provided IP is already allocated'
        : undefined;
    if (failure !== undefined) return [clusterIPsError('spec.clusterIPs', spec.clusterIPs ?? [requested], `failed to allocate IP ${requested}: ${failure}`)];
    spec.clusterIPs = [requested];
    return [];
  }
  const next = lowestFree(ips.range, ips.dynamicStart, used);
  if (next === undefined) return [{ path: 'spec.clusterIPs', type: 'FieldValueInvalid', message: `Invalid value: ${goStringSlice(spec.clusterIPs)}: failed to allocate a serviceIP: range is full` }];
  spec.clusterIP = formatIPv4(next);
  spec.clusterIPs = [spec.clusterIP];
  return [];
}

/** Addresses held by other Services (headless and ExternalName ones hold none). */
function usedClusterIPs(services: readonly Readonly<Service>[]): Set<number> {
  const used = new Set<number>();
  for (const service of services) {
    if (!needsClusterIP(service)) continue;
    for (const ip of [service.spec?.clusterIP, ...(service.spec?.clusterIPs ?? [])]) {
      const value = ip ? parseIPv4(ip) : undefined;
      if (value !== undefined) used.add(value);
    }
  }
  return used;
}

function isSameObject(a: Readonly<Service>, b: Readonly<Service>): boolean {
  return (a.metadata?.namespace ?? '') === (b.metadata?.namespace ?? '') && a.metadata?.name === b.metadata?.name;
}

export { NODE_PORT_RANGE, SERVICE_CIDR };
