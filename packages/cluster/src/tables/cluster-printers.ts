// Tables for cluster plumbing kinds: namespaces, nodes, configmaps, secrets, service accounts, leases, ingresses, events.
import type { ConfigMap, Event, Ingress, Lease, Namespace, Node, Secret, ServiceAccount } from '@aviary/kube';
import { ageSince } from './age.js';
import { ageColumn, column, nameColumn, orNone, type TablePrinter } from './column.js';

export const namespacePrinter: TablePrinter<Namespace> = {
  columns: [nameColumn, column('Status', 'The status of the namespace'), ageColumn],
  cells: (ns, now) => [ns.metadata?.name ?? '', ns.status?.phase ?? 'Active', ageSince(ns.metadata?.creationTimestamp, now)],
};

function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) roles.add(key.slice('node-role.kubernetes.io/'.length));
    else if (key === 'kubernetes.io/role' && value) roles.add(value);
  }
  return roles.size > 0 ? [...roles].sort().join(',') : '<none>';
}

function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const parts = [ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function nodeAddress(node: Node, type: string): string {
  return orNone((node.status?.addresses ?? []).find((a) => a.type === type)?.address);
}

export const nodePrinter: TablePrinter<Node> = {
  columns: [
    nameColumn,
    column('Status', 'The status of the node'),
    column('Roles', 'The roles of the node'),
    ageColumn,
    column('Version', 'Kubelet Version reported by the node.'),
    column('Internal-IP', 'List of addresses reachable to the node.', { wide: true }),
    column('External-IP', 'List of addresses reachable to the node.', { wide: true }),
    column('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', { wide: true }),
    column('Kernel-Version', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", { wide: true }),
    column('Container-Runtime', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', { wide: true }),
  ],
  cells(node, now) {
    const info = node.status?.nodeInfo;
    return [
      node.metadata?.name ?? '',
      nodeStatus(node),
      nodeRoles(node),
      ageSince(node.metadata?.creationTimestamp, now),
      info?.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      orNone(info?.osImage),
      orNone(info?.kernelVersion),
      orNone(info?.containerRuntimeVersion),
    ];
  },
};

export const configMapPrinter: TablePrinter<ConfigMap> = {
  columns: [nameColumn, column('Data', 'Number of data entries', { type: 'integer' }), ageColumn],
  cells: (cm, now) => [
    cm.metadata?.name ?? '',
    Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
    ageSince(cm.metadata?.creationTimestamp, now),
  ],
};

/** Secrets show only how many keys they hold, never a value. */
export const secretPrinter: TablePrinter<Secret> = {
  columns: [nameColumn, column('Type', 'The type of the secret'), column('Data', 'The number of data entries', { type: 'integer' }), ageColumn],
  cells: (secret, now) => [
    secret.metadata?.name ?? '',
    secret.type ?? 'Opaque',
    Object.keys(secret.data ?? {}).length + Object.keys(secret.stringData ?? {}).length,
    ageSince(secret.metadata?.creationTimestamp, now),
  ],
};

export const serviceAccountPrinter: TablePrinter<ServiceAccount> = {
  columns: [nameColumn, column('Secrets', 'The number of secrets', { type: 'integer' }), ageColumn],
  cells: (sa, now) => [sa.metadata?.name ?? '', (sa.secrets ?? []).length, ageSince(sa.metadata?.creationTimestamp, now)],
};

export const leasePrinter: TablePrinter<Lease> = {
  columns: [nameColumn, column('Holder', 'Holder identity'), ageColumn],
  cells: (lease, now) => [lease.metadata?.name ?? '', lease.spec?.holderIdentity ?? '', ageSince(lease.metadata?.creationTimestamp, now)],
};

function ingressHosts(ingress: Ingress): string {
  const hosts = (ingress.spec?.rules ?? []).map((rule) => rule.host || '*');
  if (hosts.length === 0) return '*';
  return hosts.length > 3 ? `${hosts.slice(0, 3).join(',')} + ${hosts.length - 3} more...` : hosts.join(',');
}

export const ingressPrinter: TablePrinter<Ingress> = {
  columns: [
    nameColumn,
    column('Class', 'The name of the IngressClass resource.'),
    column('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'Ports of TLS configurations that open'),
    ageColumn,
  ],
  cells(ingress, now) {
    const addresses = (ingress.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
    return [
      ingress.metadata?.name ?? '',
      orNone(ingress.spec?.ingressClassName),
      ingressHosts(ingress),
      addresses.join(','),
      (ingress.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
      ageSince(ingress.metadata?.creationTimestamp, now),
    ];
  },
};

function eventSource(event: Event): string {
  const component = event.source?.component || event.reportingComponent || '';
  const host = event.source?.host || event.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

/** Server-side tables carry every column; kubectl hides the wide ones unless `-o wide`. */
export const eventPrinter: TablePrinter<Event> = {
  columns: [
    column('Last Seen', 'Time when this Event was last observed.'),
    column('Type', 'Type of this event (Normal, Warning), new types could be added in the future'),
    column('Reason', 'This should be a short, machine understandable string that gives the reason for the transition into the object\'s current status.'),
    column('Object', 'The object that this event is about.'),
    column('Subobject', 'The field of the object this event is about.', { wide: true }),
    column('Source', 'The component reporting this event.', { wide: true }),
    column('Message', 'A human-readable description of the status of this operation.'),
    column('First Seen', 'The time at which the event was first recorded.', { wide: true }),
    column('Count', 'The number of times this event has occurred.', { wide: true }),
    column('Name', 'Name of the event', { format: 'name', wide: true }),
  ],
  cells(event, now) {
    const first = event.firstTimestamp ? ageSince(event.firstTimestamp, now) : ageSince(event.eventTime ?? undefined, now);
    let last = event.lastTimestamp ? ageSince(event.lastTimestamp, now) : first;
    let count = event.count || 1;
    if (event.series) {
      last = ageSince(event.series.lastObservedTime, now);
      count = event.series.count ?? count;
    }
    const involved = event.involvedObject ?? {};
    const kind = (involved.kind ?? '').toLowerCase();
    const target = involved.name ? `${kind}/${involved.name}` : kind;
    return [last, event.type ?? '', event.reason ?? '', target, involved.fieldPath ?? '', eventSource(event), (event.message ?? '').trim(), first, count, event.metadata?.name ?? ''];
  },
};
