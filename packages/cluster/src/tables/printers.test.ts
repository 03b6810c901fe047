// Built-in and CRD printers produce the cells real kubectl shows.
import type { Deployment, Endpoints, Event, Pod, ReplicaSet, Service } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { builtinResources, ResourceSource, type ResourceInfo } from '../registry/index.js';
import { convertToTable, tablePrinterFor } from './table-convertor.js';
import { podStatusReason } from './pod-printer.js';
import { formatEndpoints } from './service-printer.js';

const now = Date.parse('2026-11-20T12:00:00Z');
const created = '2026-11-20T11:55:00Z';
const info = (resource: string): ResourceInfo => builtinResources.find((r) => r.resource === resource)!;

function pod(status: Pod['status'], extra: Partial<Pod> = {}): Pod {
  return {
    metadata: { name: 'web-1', creationTimestamp: created, ...extra.metadata },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...extra.spec },
    status,
  };
}

describe('pod STATUS and READY', () => {
  it.each<[string, Pod, string, string]>([
    ['a pod with no status is Pending', pod({ phase: 'Pending' }), 'Pending', '0/1'],
    [
      'a running ready container reads Running 1/1',
      pod({ phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, image: 'nginx', imageID: '', state: { running: { startedAt: created } } }] }),
      'Running',
      '1/1',
    ],
    [
      'a waiting container shows its reason',
      pod({ phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, image: 'nginx', imageID: '', state: { waiting: { reason: 'ContainerCreating' } } }] }),
      'ContainerCreating',
      '0/1',
    ],
    [
      'a crash-looping container shows CrashLoopBackOff',
      pod({ phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 4, image: 'nginx', imageID: '', state: { waiting: { reason: 'CrashLoopBackOff' } } }] }),
      'CrashLoopBackOff',
      '0/1',
    ],
    [
      'a terminated container without a reason shows its exit code',
      pod({ phase: 'Failed', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, image: 'nginx', imageID: '', state: { terminated: { exitCode: 3 } } }] }),
      'ExitCode:3',
      '0/1',
    ],
    [
      'a pending init container shows Init:0/1',
      pod({ phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, image: 'busybox', imageID: '', state: { running: { startedAt: created } } }] }, { spec: { containers: [{ name: 'app' }], initContainers: [{ name: 'init' }] } }),
      'Init:0/1',
      '0/1',
    ],
    ['a deleting pod is Terminating', pod({ phase: 'Running' }, { metadata: { name: 'web-1', deletionTimestamp: created } }), 'Terminating', '0/1'],
  ])('%s', (_name, subject, status, ready) => {
    const result = podStatusReason(subject);
    expect(result.reason).toBe(status);
    expect(`${result.ready}/${result.total}`).toBe(ready);
  });

  it('shows when the last restart happened', () => {
    const subject = pod({
      phase: 'Running',
      containerStatuses: [
        { name: 'app', ready: true, restartCount: 2, image: 'nginx', imageID: '', state: { running: { startedAt: created } }, lastState: { terminated: { exitCode: 1, finishedAt: '2026-11-20T11:58:00Z' } } },
      ],
    });
    expect(tablePrinterFor(info('pods')).cells(subject, now).slice(0, 5)).toEqual(['web-1', '1/1', 'Running', '2 (2m ago)', '5m']);
  });
});

describe('service, endpoints and workload cells', () => {
  it('prints a ClusterIP service', () => {
    const service: Service = {
      metadata: { name: 'web', creationTimestamp: created },
      spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'web' } },
    };
    expect(tablePrinterFor(info('services')).cells(service, now)).toEqual(['web', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP', '5m', 'app=web']);
  });

  it('prints a NodePort service with its node port and a pending load balancer', () => {
    const service: Service = { metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', clusterIP: '10.96.0.11', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] } };
    expect(tablePrinterFor(info('services')).cells(service, now).slice(1, 5)).toEqual(['LoadBalancer', '10.96.0.11', '<pending>', '80:30080/TCP']);
  });

  it('shows three endpoints and counts the rest', () => {
    const endpoints: Endpoints = {
      metadata: { name: 'web' },
      subsets: [{ addresses: ['1', '2', '3', '4'].map((n) => ({ ip: `127.0.1.${n}` })), ports: [{ port: 8080 }] }],
    };
    expect(formatEndpoints(endpoints)).toBe('127.0.1.1:8080,127.0.1.2:8080,127.0.1.3:8080 + 1 more...');
    expect(formatEndpoints({ metadata: { name: 'x' } })).toBe('<none>');
  });

  it('prints a replica set with its wide columns', () => {
    const rs: ReplicaSet = {
      metadata: { name: 'web-abc', creationTimestamp: created },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
      status: { replicas: 3, readyReplicas: 2 },
    };
    expect(tablePrinterFor(info('replicasets')).cells(rs, now)).toEqual(['web-abc', 3, 3, 2, '5m', 'app', 'nginx:1.27', 'app=web']);
  });

  it('prints a deployment READY as ready over desired', () => {
    const deployment: Deployment = {
      metadata: { name: 'web', creationTimestamp: created },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'app', image: 'nginx' }] } } },
      status: { readyReplicas: 1, updatedReplicas: 3, availableReplicas: 1 },
    };
    expect(tablePrinterFor(info('deployments')).cells(deployment, now).slice(0, 5)).toEqual(['web', '1/3', 3, 1, '5m']);
  });

  it('prints an event with its object as kind/name', () => {
    const event: Event = {
      metadata: { name: 'web.1' },
      involvedObject: { kind: 'Rollout', name: 'demo' },
      reason: 'RolloutUpdated',
      message: 'Rollout updated to revision 2 ',
      type: 'Normal',
      count: 1,
      firstTimestamp: '2026-11-20T11:59:30Z',
      lastTimestamp: '2026-11-20T11:59:30Z',
      source: { component: 'rollouts-controller' },
    };
    const cells = tablePrinterFor(info('events')).cells(event, now);
    expect(cells.slice(0, 4)).toEqual(['30s', 'Normal', 'RolloutUpdated', 'rollout/demo']);
    expect(cells[6]).toBe('Rollout updated to revision 2');
  });
});

describe('custom resources', () => {
  const rollouts: ResourceInfo = {
    group: 'argoproj.io',
    version: 'v1alpha1',
    resource: 'rollouts',
    kind: 'Rollout',
    namespaced: true,
    singular: 'rollout',
    listKind: 'RolloutList',
    shortNames: ['ro'],
    categories: [],
    verbs: [],
    statusSubresource: true,
    extraSubresources: [],
    source: ResourceSource.Crd,
    crdName: 'rollouts.argoproj.io',
    printerColumns: [
      { name: 'Desired', type: 'integer', format: '', description: 'Number of desired pods', priority: 0, jsonPath: '.spec.replicas' },
      { name: 'Current', type: 'integer', format: '', description: 'Total number of non-terminated pods', priority: 0, jsonPath: '.status.replicas' },
      { name: 'Phase', type: 'string', format: '', description: '', priority: 1, jsonPath: '.status.conditions[?(@.type=="Available")].status' },
      { name: 'Age', type: 'date', format: '', description: '', priority: 0, jsonPath: '.metadata.creationTimestamp' },
    ],
  };

  it('evaluates printer column paths, leaving missing values null', () => {
    const table = convertToTable(rollouts, [{ metadata: { name: 'demo', creationTimestamp: created }, spec: { replicas: 5 } } as never], { now });
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Desired', 'Current', 'Phase', 'Age']);
    expect(table.rows[0]!.cells).toEqual(['demo', 5, null, null, '5m']);
    expect(table.rows[0]!.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: 'demo', creationTimestamp: created } });
  });

  it('filters list items by field value', () => {
    const object = { metadata: { name: 'demo' }, status: { conditions: [{ type: 'Progressing', status: 'False' }, { type: 'Available', status: 'True' }] } };
    expect(convertToTable(rollouts, [object as never], { now, includeObject: 'None' }).rows[0]).toEqual({ cells: ['demo', null, null, 'True', null] });
  });

  it('gives a CRD without printer columns an Age column', () => {
    const bare = { ...rollouts, printerColumns: [] };
    expect(convertToTable(bare, [], { now }).columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Age']);
  });
});
