// Tables for planServiceListeners: which listeners a Service gets on this machine.
import type { Endpoints, Service, ServiceSpec } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { planServiceListeners } from './listener-plan.js';

const http = { name: 'http', port: 80, protocol: 'TCP' as const };

function service(spec: ServiceSpec): Service {
  return { metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, clusterIP: '127.96.1.1', ...spec } };
}

function plan(spec: ServiceSpec, endpoints?: Endpoints): string[] {
  const result = planServiceListeners({ service: service(spec), endpoints, bindHost: '127.0.0.1' });
  return [...result.listeners.map((l) => `${l.role} ${l.host}:${l.port} -> ${l.servicePortName || '(unnamed)'}`), ...result.unsupported.map((u) => `unsupported ${u}`)];
}

describe('planServiceListeners', () => {
  it.each<[string, ServiceSpec, string[]]>([
    ['a ClusterIP Service listens on its cluster IP', { ports: [http] }, ['clusterIP 127.96.1.1:80 -> http']],
    ['an unnamed port routes to the unnamed endpoint port', { ports: [{ port: 8080 }] }, ['clusterIP 127.96.1.1:8080 -> (unnamed)']],
    ['a NodePort Service also listens on the node port', { type: 'NodePort', ports: [{ ...http, nodePort: 30086 }] }, ['clusterIP 127.96.1.1:80 -> http', 'nodePort 127.0.0.1:30086 -> http']],
    [
      'a LoadBalancer Service also listens on its port at the node address',
      { type: 'LoadBalancer', ports: [{ ...http, nodePort: 30086 }] },
      ['clusterIP 127.96.1.1:80 -> http', 'nodePort 127.0.0.1:30086 -> http', 'loadBalancer 127.0.0.1:80 -> http'],
    ],
    ['a LoadBalancer without node ports listens on cluster IP and port', { type: 'LoadBalancer', ports: [http] }, ['clusterIP 127.96.1.1:80 -> http', 'loadBalancer 127.0.0.1:80 -> http']],
    ['a loadBalancerClass Service gets no node-address port', { type: 'LoadBalancer', loadBalancerClass: 'x/y', ports: [{ ...http, nodePort: 30086 }] }, ['clusterIP 127.96.1.1:80 -> http', 'nodePort 127.0.0.1:30086 -> http']],
    ['a UDP port is reported, not served', { ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }] }, ['clusterIP 127.96.1.1:53 -> dns-tcp', 'unsupported UDP/53']],
    ['a headless Service gets nothing', { clusterIP: 'None', ports: [http] }, []],
    ['an ExternalName Service gets nothing', { type: 'ExternalName', externalName: 'example.com', clusterIP: undefined }, []],
    ['a Service not yet given an address gets nothing', { clusterIP: undefined, ports: [http] }, []],
    ['a Service with no selector and no Endpoints gets nothing', { selector: undefined, ports: [http] }, []],
  ])('%s', (_name, spec, expected) => {
    expect(plan(spec)).toEqual(expected);
  });

  it('serves a selector-less Service whose Endpoints are managed by hand', () => {
    expect(plan({ selector: undefined, ports: [http] }, { metadata: { name: 'web' }, subsets: [] })).toEqual(['clusterIP 127.96.1.1:80 -> http']);
  });
});
