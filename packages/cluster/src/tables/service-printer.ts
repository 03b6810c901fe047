// Tables for Services and Endpoints: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE (+ SELECTOR), NAME ENDPOINTS AGE.
import type { Endpoints, Service } from '@aviary/kube';
import { ageSince } from './age.js';
import { ageColumn, column, formatLabels, nameColumn, type TablePrinter } from './column.js';

/** EXTERNAL-IP: load-balancer ingress for LoadBalancer (`<pending>` until assigned), else externalIPs. */
function externalIps(service: Service): string {
  const spec = service.spec ?? {};
  const external = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'LoadBalancer': {
      const ingress = (service.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
      const all = [...ingress, ...external];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '<none>';
    default:
      return external.length > 0 ? external.join(',') : '<none>';
  }
}

/** PORT(S): `80/TCP`, `80:30080/TCP` with a node port, comma-separated. */
function ports(service: Service): string {
  const list = service.spec?.ports ?? [];
  if (list.length === 0) return '<none>';
  return list.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

export const servicePrinter: TablePrinter<Service> = {
  columns: [
    nameColumn,
    column('Type', 'type determines how the Service is exposed.'),
    column('Cluster-IP', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    column('External-IP', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    column('Port(s)', 'The list of ports that are exposed by this service.'),
    ageColumn,
    column('Selector', 'Route service traffic to pods with label keys and values matching this selector.', { wide: true }),
  ],
  cells(service, now) {
    const spec = service.spec ?? {};
    return [
      service.metadata?.name ?? '',
      spec.type ?? 'ClusterIP',
      spec.clusterIP || '<none>',
      externalIps(service),
      ports(service),
      ageSince(service.metadata?.creationTimestamp, now),
      formatLabels(spec.selector),
    ];
  },
};

/** ENDPOINTS: up to three `ip:port` pairs, then `+ N more...` (k8s formatEndpoints). */
export function formatEndpoints(endpoints: Endpoints): string {
  const shown: string[] = [];
  let total = 0;
  for (const subset of endpoints.subsets ?? []) {
    const addresses = subset.addresses ?? [];
    const subsetPorts = subset.ports && subset.ports.length > 0 ? subset.ports : [undefined];
    for (const port of subsetPorts) {
      for (const address of addresses) {
        total++;
        if (shown.length < 3) shown.push(port ? `${address.ip}:${port.port}` : address.ip);
      }
    }
  }
  if (total === 0) return '<none>';
  return total > shown.length ? `${shown.join(',')} + ${total - shown.length} more...` : shown.join(',');
}

export const endpointsPrinter: TablePrinter<Endpoints> = {
  columns: [nameColumn, column('Endpoints', 'The set of all endpoints is the union of all subsets.'), ageColumn],
  cells(endpoints, now) {
    return [endpoints.metadata?.name ?? '', formatEndpoints(endpoints), ageSince(endpoints.metadata?.creationTimestamp, now)];
  },
};
