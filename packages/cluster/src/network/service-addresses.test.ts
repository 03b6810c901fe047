// Tables for Service address allocation: defaults, headless and ExternalName, node port ranges, conflicts, updates.
import type { Service, ServicePort, ServiceSpec } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { assignServiceAddresses } from './service-addresses.js';

function service(name: string, spec: ServiceSpec, namespace = 'default'): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec };
}

const web: ServicePort[] = [{ port: 80 }];

function assign(input: { service: Service; previous?: Service; existing?: Service[] }): Service {
  const result = assignServiceAddresses({ existing: [], ...input });
  expect(result.errors).toEqual([]);
  return result.service;
}

function errorsOf(input: { service: Service; previous?: Service; existing?: Service[] }): string[] {
  return assignServiceAddresses({ existing: [], ...input }).errors.map((error) => `${error.path}: ${error.message} (${error.type})`);
}

describe('assignServiceAddresses defaults', () => {
  it('fills a ClusterIP Service the way the API server does', () => {
    const out = assign({ service: service('web', { selector: { app: 'web' }, ports: web }) });
    expect(out.spec).toEqual({
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      clusterIP: '127.96.1.1',
      clusterIPs: ['127.96.1.1'],
    });
  });

  it('does not change its input', () => {
    const input = service('web', { ports: web });
    assign({ service: input });
    expect(input.spec).toEqual({ ports: [{ port: 80 }] });
  });

  it.each([
    ['a named targetPort is kept', { port: 80, targetPort: 'http' }, { port: 80, targetPort: 'http', protocol: 'TCP' }],
    ['targetPort 0 becomes the port', { port: 8080, targetPort: 0 }, { port: 8080, targetPort: 8080, protocol: 'TCP' }],
    ['a UDP protocol is kept', { port: 53, protocol: 'UDP' as const }, { port: 53, targetPort: 53, protocol: 'UDP' }],
  ])('ports: %s', (_name, port, expected) => {
    expect(assign({ service: service('web', { ports: [port] }) }).spec?.ports).toEqual([expected]);
  });

  it('gives ClientIP affinity the three-hour timeout', () => {
    const out = assign({ service: service('web', { ports: web, sessionAffinity: 'ClientIP' }) });
    expect(out.spec?.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });

  it('keeps a headless Service headless', () => {
    const out = assign({ service: service('db', { clusterIP: 'None', selector: { app: 'db' }, ports: web }) });
    expect(out.spec).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
  });

  it('gives an ExternalName Service no address and no IP family', () => {
    const out = assign({ service: service('ext', { type: 'ExternalName', externalName: 'example.com' }) });
    expect(out.spec).toEqual({ type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' });
  });

  it('fills NodePort and LoadBalancer defaults', () => {
    const node = assign({ service: service('n', { type: 'NodePort', ports: web }) });
    expect(node.spec).toMatchObject({ externalTrafficPolicy: 'Cluster', ports: [{ port: 80, nodePort: 30086 }] });
    const lb = assign({ service: service('l', { type: 'LoadBalancer', ports: web }) });
    expect(lb.spec).toMatchObject({ externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true, ports: [{ nodePort: 30086 }] });
  });
});

describe('assignServiceAddresses cluster IPs', () => {
  const holding = (name: string, ip: string, namespace = 'default'): Service => service(name, { clusterIP: ip, clusterIPs: [ip], ports: web }, namespace);

  it.each([
    ['the first dynamic address when nothing is used', [], '127.96.1.1'],
    ['the next free dynamic address', [holding('a', '127.96.1.1'), holding('b', '127.96.1.2', 'other')], '127.96.1.3'],
    ['a gap left by a deleted Service', [holding('a', '127.96.1.1'), holding('c', '127.96.1.3')], '127.96.1.2'],
    ['past addresses users picked in the static band', [holding('a', '127.96.0.1'), holding('b', '127.96.0.5')], '127.96.1.1'],
  ])('allocates %s', (_name, existing, expected) => {
    expect(assign({ service: service('web', { ports: web }), existing }).spec?.clusterIP).toBe(expected);
  });

  it('takes a requested free address, and fills clusterIPs from an old client`s clusterIP', () => {
    const out = assign({ service: service('web', { clusterIP: '127.96.0.5', ports: web }), existing: [holding('a', '127.96.0.6')] });
    expect(out.spec).toMatchObject({ clusterIP: '127.96.0.5', clusterIPs: ['127.96.0.5'] });
  });

  it.each([
    ['already allocated', { clusterIP: '127.96.0.5' }, 'spec.clusterIPs: Invalid value: []string{"127.96.0.5"}: failed to allocate IP 127.96.0.5: provided IP is already allocated (FieldValueInvalid)'],
    ['outside the range', { clusterIP: '10.96.0.10' }, 'spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: the provided IP (10.96.0.10) is not in the valid range. The range of valid IPs is 127.96.0.0/16 (FieldValueInvalid)'],
    ['not an IP', { clusterIP: '127.96.0.x' }, 'spec.clusterIPs[0]: Invalid value: "127.96.0.x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff) (FieldValueInvalid)'],
    ['plural not matching singular', { clusterIP: '127.96.0.7', clusterIPs: ['127.96.0.8'] }, 'spec.clusterIPs: Invalid value: []string{"127.96.0.8"}: first value must match `clusterIP` (FieldValueInvalid)'],
    ['an IPv6 family', { ipFamilies: ['IPv6' as const] }, 'spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster (FieldValueInvalid)'],
    ['set on ExternalName', { type: 'ExternalName' as const, externalName: 'x.example', clusterIP: '127.96.0.9' }, 'spec.clusterIP: Forbidden: may not be set for ExternalName services (FieldValueForbidden)'],
  ])('refuses a requested address %s', (_name, spec, expected) => {
    expect(errorsOf({ service: service('web', { ports: web, ...spec }), existing: [holding('a', '127.96.0.5')] })).toEqual([expected]);
  });

  it('ignores the Service itself among the existing ones (an update of the same object)', () => {
    const stored = assign({ service: service('web', { clusterIP: '127.96.0.5', ports: web }) });
    expect(assign({ service: stored, previous: stored, existing: [stored] }).spec?.clusterIP).toBe('127.96.0.5');
  });

  it('does not count headless or ExternalName Services as holding an address', () => {
    const existing = [service('h', { clusterIP: 'None', clusterIPs: ['None'] }), service('e', { type: 'ExternalName', externalName: 'x', clusterIP: '127.96.1.1' })];
    expect(assign({ service: service('web', { ports: web }), existing }).spec?.clusterIP).toBe('127.96.1.1');
  });
});

describe('assignServiceAddresses node ports', () => {
  const nodePortService = (name: string, ports: ServicePort[], type: 'NodePort' | 'LoadBalancer' = 'NodePort'): Service => service(name, { type, ports });

  it.each([
    ['the first dynamic port above the static band', [], [30086]],
    ['ports skipping those others hold', [nodePortService('a', [{ port: 80, nodePort: 30086 }, { port: 81, nodePort: 30087 }])], [30088]],
    ['a static-band port once the dynamic band is full', [nodePortService('a', Array.from({ length: 32767 - 30086 + 1 }, (_, i) => ({ port: 1000 + i, nodePort: 30086 + i })))], [30000]],
  ])('allocates %s', (_name, existing, expected) => {
    const out = assign({ service: nodePortService('web', [{ port: 80 }]), existing });
    expect(out.spec?.ports?.map((port) => port.nodePort)).toEqual(expected);
  });

  it('gives each port its own node port, and ports sharing a number (TCP and UDP 53) the same one', () => {
    const out = assign({ service: nodePortService('dns', [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }, { name: 'metrics', port: 9153 }]) });
    expect(out.spec?.ports?.map((port) => port.nodePort)).toEqual([30086, 30086, 30087]);
  });

  it('keeps a requested port and allocates around it', () => {
    const out = assign({ service: nodePortService('web', [{ name: 'a', port: 80 }, { name: 'b', port: 81, nodePort: 30086 }]) });
    expect(out.spec?.ports?.map((port) => port.nodePort)).toEqual([30087, 30086]);
  });

  it('allocates for LoadBalancer, not when allocateLoadBalancerNodePorts is false', () => {
    const out = assign({ service: service('lb', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false, ports: web }) });
    expect(out.spec?.ports?.[0]?.nodePort).toBeUndefined();
  });

  it('allocates a health-check node port for a Local LoadBalancer', () => {
    const out = assign({ service: service('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: web }) });
    expect(out.spec).toMatchObject({ ports: [{ nodePort: 30086 }], healthCheckNodePort: 30087 });
  });

  it.each([
    ['already allocated', [{ port: 80, nodePort: 30080 }], 'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated (FieldValueInvalid)'],
    ['allocated to another port of the list', [{ name: 'a', port: 80, nodePort: 30001 }, { name: 'b', port: 81, nodePort: 30080 }], 'spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated (FieldValueInvalid)'],
    ['below the range', [{ port: 80, nodePort: 8080 }], 'spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767 (FieldValueInvalid)'],
    ['above the range', [{ port: 80, nodePort: 32768 }], 'spec.ports[0].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767 (FieldValueInvalid)'],
    ['twice for one protocol', [{ name: 'a', port: 80, nodePort: 30002 }, { name: 'b', port: 81, nodePort: 30002 }], 'spec.ports[1].nodePort: Duplicate value: 30002 (FieldValueDuplicate)'],
  ])('refuses a node port %s', (_name, ports, expected) => {
    const existing = [nodePortService('other', [{ port: 80, nodePort: 30080 }])];
    expect(errorsOf({ service: nodePortService('web', ports), existing })).toEqual([expected]);
  });

  it('refuses a node port on a ClusterIP Service', () => {
    expect(errorsOf({ service: service('web', { ports: [{ port: 80, nodePort: 30001 }] }) })).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP' (FieldValueForbidden)",
    ]);
  });

  it('treats a port held by another Service in another namespace as taken', () => {
    const existing = [service('web', { type: 'NodePort', ports: [{ port: 80, nodePort: 30086 }] }, 'team-b')];
    expect(assign({ service: nodePortService('web', [{ port: 80 }]), existing }).spec?.ports?.[0]?.nodePort).toBe(30087);
  });
});

describe('assignServiceAddresses on update', () => {
  const created = assign({ service: service('web', { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }, { name: 'admin', port: 81 }] }) });
  const others = [service('x', { clusterIP: '127.96.1.2', clusterIPs: ['127.96.1.2'], ports: web })];

  it('keeps the cluster IP and node ports a client left out', () => {
    const body = service('web', { type: 'NodePort', selector: { app: 'web-v2' }, ports: [{ name: 'admin', port: 81 }, { name: 'http', port: 80 }] });
    const out = assign({ service: body, previous: created, existing: [created, ...others] });
    expect(out.spec).toMatchObject({ clusterIP: '127.96.1.1', clusterIPs: ['127.96.1.1'], selector: { app: 'web-v2' } });
    expect(out.spec?.ports?.map((port) => [port.name, port.nodePort])).toEqual([['admin', 30087], ['http', 30086]]);
  });

  it('keeps everything when the stored object is sent back unchanged', () => {
    expect(assign({ service: created, previous: created, existing: [created, ...others] })).toEqual(created);
  });

  it('allocates a new node port for an added port without reusing the kept ones', () => {
    const body = structuredClone(created);
    body.spec?.ports?.push({ name: 'metrics', port: 9090 });
    const out = assign({ service: body, previous: created, existing: [created] });
    expect(out.spec?.ports?.map((port) => port.nodePort)).toEqual([30086, 30087, 30088]);
  });

  it.each([
    ['a different address', { clusterIP: '127.96.1.9', clusterIPs: ['127.96.1.9'] }, 'spec.clusterIPs[0]: Invalid value: []string{"127.96.1.9"}: may not change once set (FieldValueInvalid)'],
    ['headless', { clusterIP: 'None', clusterIPs: ['None'] }, 'spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set (FieldValueInvalid)'],
  ])('refuses changing the cluster IP to %s', (_name, change, expected) => {
    const body = structuredClone(created);
    Object.assign(body.spec ?? {}, change);
    expect(errorsOf({ service: body, previous: created, existing: [created] })).toEqual([expected]);
  });

  it('changes clusterIPs with clusterIP when only the singular field is changed, and still refuses it', () => {
    const body = structuredClone(created);
    if (body.spec) body.spec.clusterIP = '127.96.1.9';
    expect(errorsOf({ service: body, previous: created, existing: [created] })).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"127.96.1.9"}: may not change once set (FieldValueInvalid)',
    ]);
  });

  it('drops node ports and externalTrafficPolicy when a NodePort Service becomes ClusterIP', () => {
    const body = structuredClone(created);
    if (body.spec) body.spec.type = 'ClusterIP';
    const out = assign({ service: body, previous: created, existing: [created] });
    expect(out.spec?.ports?.map((port) => port.nodePort)).toEqual([undefined, undefined]);
    expect(out.spec?.externalTrafficPolicy).toBeUndefined();
    expect(out.spec?.clusterIP).toBe('127.96.1.1');
  });

  it('releases the cluster IP when a Service becomes ExternalName, and allocates one when it comes back', () => {
    const clusterIP = assign({ service: service('web', { ports: web }) });
    const external = structuredClone(clusterIP);
    Object.assign(external.spec ?? {}, { type: 'ExternalName', externalName: 'example.com' });
    const asExternal = assign({ service: external, previous: clusterIP, existing: [clusterIP] });
    expect(asExternal.spec).not.toHaveProperty('clusterIP');
    expect(asExternal.spec).not.toHaveProperty('ipFamilies');
    const back = structuredClone(asExternal);
    Object.assign(back.spec ?? {}, { type: 'ClusterIP' });
    delete back.spec?.externalName;
    expect(assign({ service: back, previous: asExternal, existing: [asExternal, ...others] }).spec?.clusterIP).toBe('127.96.1.1');
  });

  it('lets an update take a node port another Service just gave up, and refuses one still held', () => {
    const body = structuredClone(created);
    const first = body.spec?.ports?.[0];
    if (first) first.nodePort = 30500;
    const holder = service('y', { type: 'NodePort', ports: [{ port: 80, nodePort: 30500 }] });
    expect(errorsOf({ service: body, previous: created, existing: [created, holder] })).toEqual([
      'spec.ports[0].nodePort: Invalid value: 30500: provided port is already allocated (FieldValueInvalid)',
    ]);
    expect(assign({ service: body, previous: created, existing: [created] }).spec?.ports?.[0]?.nodePort).toBe(30500);
  });
});
