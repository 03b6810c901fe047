// Node port allocation for NodePort and LoadBalancer Services (pkg/registry/core/service/storage/alloc.go
// initNodePorts / updateNodePorts, pkg/registry/core/service/portallocator), deterministic from the stored Services.
import type { Service } from '@aviary/kube';
import type { FieldError } from '../server/api-errors.js';
import { dynamicBandStart, inRange, lowestFree, NODE_PORT_RANGE } from './ip-range.js';
import { needsNodePorts } from './service-defaults.js';

const PORT_DYNAMIC_START = dynamicBandStart(NODE_PORT_RANGE, { step: 32, max: 128 });
const RANGE_TEXT = `${NODE_PORT_RANGE.first}-${NODE_PORT_RANGE.last}`;

/** Node ports (and health-check node ports) held by other Services. */
export function usedNodePorts(services: readonly Readonly<Service>[]): Set<number> {
  const used = new Set<number>();
  for (const service of services) {
    for (const port of service.spec?.ports ?? []) if (port.nodePort) used.add(port.nodePort);
    if (service.spec?.healthCheckNodePort) used.add(service.spec.healthCheckNodePort);
  }
  return used;
}

/**
 * Checks requested node ports and allocates the missing ones, in place. Ports sharing a service port
 * number (TCP and UDP 53) share one node port, as upstream does. A type without node ports may not
 * name one. Returns the first error, as the allocator does.
 */
export function assignNodePorts(service: Service, previous: Readonly<Service> | undefined, usedByOthers: ReadonlySet<number>): FieldError[] {
  const spec = (service.spec ??= {});
  const ports = spec.ports ?? [];
  const allocating = needsNodePorts(service);
  const mayRequest = allocating || spec.type === 'LoadBalancer';
  const seen = new Map<string, number>();
  const used = new Set(usedByOthers);
  for (const [i, port] of ports.entries()) {
    if (!port.nodePort) continue;
    const path = `spec.ports[${i}].nodePort`;
    if (!mayRequest) return [{ path, type: 'FieldValueForbidden', message: `Forbidden: may not be used when \`type\` is '${spec.type ?? 'ClusterIP'}'` }];
    const key = `${port.nodePort}/${port.protocol ?? 'TCP'}`;
    if (seen.has(key)) return [{ path, type: 'FieldValueDuplicate', message: `Duplicate value: ${port.nodePort}` }];
    seen.set(key, i);
    const error = checkRequestedPort(path, port.nodePort, used, keptFrom(previous, port.nodePort));
    if (error !== undefined) return [error];
  }
  const own = new Set(ports.map((port) => port.nodePort ?? 0).filter((value) => value !== 0));
  for (const value of own) used.add(value);
  if (allocating) {
    const byServicePort = new Map<number, number>();
    for (const port of ports) if (port.nodePort) byServicePort.set(port.port, port.nodePort);
    for (const port of ports) {
      if (port.nodePort) continue;
      const shared = byServicePort.get(port.port);
      const value = shared ?? lowestFree(NODE_PORT_RANGE, PORT_DYNAMIC_START, used);
      if (value === undefined) return [{ path: 'spec.ports', type: 'FieldValueInvalid', message: 'Internal error: failed to allocate a nodePort: range is full' }];
      port.nodePort = value;
      used.add(value);
      byServicePort.set(port.port, value);
    }
  }
  return assignHealthCheckNodePort(service, previous, used);
}

/** LoadBalancer Services with externalTrafficPolicy Local get a health-check node port too. */
function assignHealthCheckNodePort(service: Service, previous: Readonly<Service> | undefined, used: Set<number>): FieldError[] {
  const spec = service.spec ?? {};
  if (spec.type !== 'LoadBalancer' || spec.externalTrafficPolicy !== 'Local') return [];
  if (spec.healthCheckNodePort) {
    const error = checkRequestedPort('spec.healthCheckNodePort', spec.healthCheckNodePort, used, previous?.spec?.healthCheckNodePort === spec.healthCheckNodePort);
    return error === undefined ? [] : [error];
  }
  const value = lowestFree(NODE_PORT_RANGE, PORT_DYNAMIC_START, used);
  if (value === undefined) return [{ path: 'spec.healthCheckNodePort', type: 'FieldValueInvalid', message: 'Internal error: failed to allocate a nodePort: range is full' }];
  spec.healthCheckNodePort = value;
  used.add(value);
  return [];
}

function checkRequestedPort(path: string, value: number, used: ReadonlySet<number>, kept: boolean): FieldError | undefined {
  if (kept) return undefined;
  if (!inRange(NODE_PORT_RANGE, value)) {
    return { path, type: 'FieldValueInvalid', message: `Invalid value: ${value}: provided port is not in the valid range. The range of valid ports is ${RANGE_TEXT}` };
  }
  if (used.has(value)) return { path, type: 'FieldValueInvalid', message: `Invalid value: ${value}: provided port is already allocated` };
  return undefined;
}

/** An update keeping a node port the Service already holds needs no new allocation. */
function keptFrom(previous: Readonly<Service> | undefined, nodePort: number): boolean {
  return (previous?.spec?.ports ?? []).some((port) => port.nodePort === nodePort);
}
