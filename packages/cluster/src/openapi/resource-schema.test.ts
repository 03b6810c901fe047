// Built-in kinds through the server's entry point: unknown fields by path, int-or-string ports, CRD defaults.
import { describe, expect, it } from 'vitest';
import { builtinResources } from '../registry/builtin-resources.js';
import type { ResourceInfo } from '../registry/resource-info.js';
import { applyResourceDefaults, pruneAndValidateResource } from './index.js';

const info = (resource: string): ResourceInfo => {
  const found = builtinResources.find((candidate) => candidate.resource === resource);
  if (!found) throw new Error(resource);
  return found;
};

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels: { app: 'a' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u', controller: true }] },
  spec: {
    containers: [
      {
        name: 'c',
        image: 'nginx',
        command: ['sh'],
        args: ['-c', 'x'],
        workingDir: '/',
        ports: [{ containerPort: 80, name: 'http' }],
        env: [{ name: 'A', value: '1' }, { name: 'B', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
        envFrom: [{ configMapRef: { name: 'cm' } }],
        resources: { limits: { cpu: 0.5, memory: '64Mi' }, requests: { cpu: '100m' } },
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
        readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 },
        livenessProbe: { tcpSocket: { port: 80 } },
        startupProbe: { exec: { command: ['true'] } },
        lifecycle: { preStop: { sleep: { seconds: 5 } } },
        imagePullPolicy: 'IfNotPresent',
        securityContext: { runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
      },
    ],
    initContainers: [{ name: 'init', image: 'busybox' }],
    volumes: [
      { name: 'data', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'cm', items: [{ key: 'k', path: 'p' }] } },
      { name: 'sec', secret: { secretName: 's' } },
      { name: 'host', hostPath: { path: '/tmp' } },
      { name: 'pvc', persistentVolumeClaim: { claimName: 'c' } },
      { name: 'proj', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
      { name: 'down', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
      { name: 'nfs', nfs: { server: 's', path: '/' } },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    nodeName: 'n',
    nodeSelector: { disk: 'ssd' },
    serviceAccountName: 'default',
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } },
    tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }],
    securityContext: { fsGroup: 1000 },
    hostNetwork: false,
    dnsPolicy: 'ClusterFirst',
  },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'c', ready: true, restartCount: 0 }] },
};

describe('pruneAndValidateResource for built-in kinds', () => {
  it('accepts a fully featured pod unchanged', () => {
    const result = pruneAndValidateResource(info('pods'), pod);
    expect(result.unknownFields).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.object).toEqual(pod);
  });

  it.each([
    ['a container field', (p: any) => (p.spec.containers[0].imagee = 'x'), 'spec.containers[0].imagee'],
    ['a metadata field', (p: any) => (p.metadata.lables = {}), 'metadata.lables'],
    ['a volume source field', (p: any) => (p.spec.volumes[1].configMap.nmae = 'x'), 'spec.volumes[1].configMap.nmae'],
    ['a pod spec field', (p: any) => (p.spec.restartpolicy = 'Never'), 'spec.restartpolicy'],
  ])('names %s', (_name, mutate, path) => {
    const copy = structuredClone(pod);
    mutate(copy);
    expect(pruneAndValidateResource(info('pods'), copy).unknownFields).toEqual([path]);
  });

  it('reports a bad enum value in a pod', () => {
    const copy = structuredClone(pod) as any;
    copy.spec.restartPolicy = 'Sometimes';
    expect(pruneAndValidateResource(info('pods'), copy).errors.map((e) => [e.path, e.type])).toEqual([['spec.restartPolicy', 'FieldValueNotSupported']]);
  });

  it('accepts service ports with named and numeric target ports and names unknown port fields', () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: 'http' }, { port: 81, targetPort: 8080, bogus: 1 }] } };
    const result = pruneAndValidateResource(info('services'), service);
    expect(result.errors).toEqual([]);
    expect(result.unknownFields).toEqual(['spec.ports[1].bogus']);
  });

  it('validates a deployment with a rolling update strategy', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'a' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
        template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'i' }] } },
      },
    };
    const result = pruneAndValidateResource(info('deployments'), deployment);
    expect(result.errors).toEqual([]);
    expect(result.unknownFields).toEqual([]);
  });

  it('passes a kind without any schema through', () => {
    const unknownKind = { ...info('pods'), kind: 'Mystery' };
    expect(pruneAndValidateResource(unknownKind, { a: 1 })).toEqual({ object: { a: 1 }, unknownFields: [], errors: [] });
  });
});

describe('applyResourceDefaults', () => {
  it('applies CRD defaults and leaves built-in kinds to code', () => {
    const crdInfo = { schema: { type: 'object', properties: { spec: { type: 'object', properties: { interval: { type: 'string', default: '5m' } } } } } };
    expect(applyResourceDefaults(crdInfo, { spec: {} })).toEqual({ spec: { interval: '5m' } });
    const service = { spec: { ports: [{ port: 80 }] } };
    expect(applyResourceDefaults(info('services'), structuredClone(service))).toEqual(service);
  });
});
