// Tests for the Kubernetes object types: the user's manifests parse into them, and the constants hold the wire strings.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ClusterIPNone,
  ConditionStatus,
  CustomResourceDefinitionConditionType,
  DeploymentConditionType,
  DeploymentStrategyType,
  EventType,
  JobConditionType,
  NamespacePhase,
  PathType,
  PodConditionType,
  PodPhase,
  Protocol,
  ResourceScope,
  RestartPolicy,
  SecretType,
  ServiceType,
  type CustomResourceDefinition,
  type DeepReadonly,
  type Deployment,
  type Event,
  type Ingress,
  type IntOrString,
  type ObjectList,
  type Pod,
  type Service,
  type ServiceList,
} from './index.js';
import { loadKind } from './testdata/load-manifests.js';

describe('core and networking manifests from the user documents', () => {
  it('reads the basic Service: port 80 to the named container port http', () => {
    const [svc] = loadKind<Service>('basic-service.yaml', 'Service');
    expect(svc?.metadata?.name).toBe('rollouts-demo');
    const port = svc?.spec?.ports?.[0];
    expect(port).toEqual({ port: 80, targetPort: 'http', protocol: Protocol.TCP, name: 'http' });
    expect(typeof port?.targetPort).toBe('string');
    expect(svc?.spec?.selector).toEqual({ app: 'rollouts-demo' });
    // No type given: the API server defaults it to ClusterIP.
    expect(svc?.spec?.type).toBeUndefined();
  });

  it('reads the canary and stable Services of the NGINX example', () => {
    const services = loadKind<Service>('nginx-canary.yaml', 'Service');
    expect(services.map((s) => s.metadata?.name)).toEqual(['rollouts-demo-canary', 'rollouts-demo-stable']);
    for (const svc of services) expect(svc.spec?.selector).toEqual({ app: 'rollouts-demo' });
  });

  it('reads the stable Ingress: class nginx, one Prefix path to the stable Service on port 80', () => {
    const [ing] = loadKind<Ingress>('nginx-canary.yaml', 'Ingress');
    expect(ing?.spec?.ingressClassName).toBe('nginx');
    const rule = ing?.spec?.rules?.[0];
    expect(rule?.host).toBe('rollouts-demo.local');
    const path = rule?.http?.paths[0];
    expect(path?.pathType).toBe(PathType.Prefix);
    expect(path?.backend.service).toEqual({ name: 'rollouts-demo-stable', port: { number: 80 } });
  });
});

describe('core constants hold the exact upstream strings', () => {
  it.each([
    ['PodPhase', PodPhase, ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']],
    [
      'PodConditionType',
      PodConditionType,
      ['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready', 'DisruptionTarget', 'PodResizePending', 'PodResizeInProgress'],
    ],
    ['ServiceType', ServiceType, ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']],
    ['RestartPolicy', RestartPolicy, ['Always', 'OnFailure', 'Never']],
    ['EventType', EventType, ['Normal', 'Warning']],
    ['ConditionStatus', ConditionStatus, ['True', 'False', 'Unknown']],
    ['Protocol', Protocol, ['TCP', 'UDP', 'SCTP']],
    ['NamespacePhase', NamespacePhase, ['Active', 'Terminating']],
    ['DeploymentConditionType', DeploymentConditionType, ['Available', 'Progressing', 'ReplicaFailure']],
    ['DeploymentStrategyType', DeploymentStrategyType, ['Recreate', 'RollingUpdate']],
    ['JobConditionType', JobConditionType, ['Suspended', 'Complete', 'Failed', 'FailureTarget', 'SuccessCriteriaMet']],
    ['PathType', PathType, ['Exact', 'Prefix', 'ImplementationSpecific']],
    ['ResourceScope', ResourceScope, ['Namespaced', 'Cluster']],
    [
      'CustomResourceDefinitionConditionType',
      CustomResourceDefinitionConditionType,
      ['Established', 'NamesAccepted', 'NonStructuralSchema', 'Terminating', 'KubernetesAPIApprovalPolicyConformant'],
    ],
  ] as const)('%s', (_name, constants, expected) => {
    expect(Object.values(constants)).toEqual(expected);
  });

  it('spells the Secret types and the headless clusterIP as the API does', () => {
    expect(SecretType.Opaque).toBe('Opaque');
    expect(SecretType.TLS).toBe('kubernetes.io/tls');
    expect(SecretType.DockerConfigJson).toBe('kubernetes.io/dockerconfigjson');
    expect(SecretType.ServiceAccountToken).toBe('kubernetes.io/service-account-token');
    expect(ClusterIPNone).toBe('None');
  });
});

describe('typed objects written in code', () => {
  it('a Pod can carry probes, env from ConfigMaps/Secrets/fieldRefs and pod anti-affinity', () => {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-0', namespace: 'default', labels: { app: 'web' } },
      spec: {
        restartPolicy: RestartPolicy.Always,
        terminationGracePeriodSeconds: 5,
        serviceAccountName: 'default',
        containers: [
          {
            name: 'web',
            image: 'argoproj/rollouts-demo:blue',
            env: [
              { name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'color' } } },
              { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'sec', key: 'token', optional: true } } },
              { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
            ],
            envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }],
            readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 2 },
            livenessProbe: { tcpSocket: { port: 8080 } },
            startupProbe: { exec: { command: ['true'] } },
            resources: { requests: { cpu: '5m', memory: '32Mi' } },
          },
        ],
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 50,
                podAffinityTerm: {
                  topologyKey: 'kubernetes.io/hostname',
                  labelSelector: { matchExpressions: [{ key: 'rollouts-pod-template-hash', operator: 'In', values: ['abc'] }] },
                },
              },
            ],
          },
        },
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
      },
      status: {
        phase: PodPhase.Running,
        podIP: '127.0.1.2',
        podIPs: [{ ip: '127.0.1.2' }],
        conditions: [{ type: PodConditionType.Ready, status: 'True' }],
        containerStatuses: [
          {
            name: 'web',
            ready: true,
            restartCount: 0,
            image: 'argoproj/rollouts-demo:blue',
            imageID: '',
            state: { running: { startedAt: '2024-05-01T12:00:00Z' } },
            lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
          },
        ],
      },
    };
    expect(structuredClone(pod)).toEqual(pod);
    expect(pod.status?.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(137);
  });

  it('a CRD schema can use the Kubernetes extensions and the scale subresource', () => {
    const crd: CustomResourceDefinition = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'rollouts.argoproj.io' },
      spec: {
        group: 'argoproj.io',
        scope: ResourceScope.Namespaced,
        names: { plural: 'rollouts', singular: 'rollout', kind: 'Rollout', listKind: 'RolloutList', shortNames: ['ro'] },
        versions: [
          {
            name: 'v1alpha1',
            served: true,
            storage: true,
            subresources: {
              status: {},
              scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.HPAReplicas', labelSelectorPath: '.status.selector' },
            },
            additionalPrinterColumns: [{ name: 'Desired', type: 'integer', jsonPath: '.spec.replicas' }],
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  spec: {
                    type: 'object',
                    'x-kubernetes-preserve-unknown-fields': true,
                    properties: {
                      maxSurge: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
                      steps: { type: 'array', 'x-kubernetes-list-type': 'atomic', items: { type: 'object' } },
                      labels: { type: 'object', additionalProperties: { type: 'string' } },
                      replicas: { type: 'integer', format: 'int32', default: 1 },
                    },
                  },
                },
              },
            },
          },
        ],
      },
    };
    const scale = crd.spec.versions[0]?.subresources?.scale;
    expect(scale?.statusReplicasPath).toBe('.status.HPAReplicas');
  });
});

describe('type-level contracts', () => {
  it('list kinds are ObjectList aliases and IntOrString accepts both forms', () => {
    expectTypeOf<ServiceList>().toEqualTypeOf<ObjectList<Service>>();
    expectTypeOf<number>().toMatchTypeOf<IntOrString>();
    expectTypeOf<'25%'>().toMatchTypeOf<IntOrString>();
    expectTypeOf<PodPhase>().toEqualTypeOf<'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown'>();
    expectTypeOf<Event['type']>().toMatchTypeOf<string | undefined>();
  });

  it('DeepReadonly forbids writes at every depth', () => {
    const deployment: DeepReadonly<Deployment> = {
      spec: { selector: {}, template: { spec: { containers: [{ name: 'a' }] } }, strategy: { rollingUpdate: { maxSurge: '25%' } } },
    };
    // Never called: the body only has to fail to compile where marked.
    const writes = (): void => {
      // @ts-expect-error nested arrays are readonly
      deployment.spec?.template.spec?.containers.push({ name: 'b' });
      if (deployment.spec) {
        // @ts-expect-error nested fields are readonly
        deployment.spec.replicas = 3;
      }
    };
    expect(typeof writes).toBe('function');
    expectTypeOf<DeepReadonly<Deployment>>().not.toMatchTypeOf<{ spec?: { template: { spec?: { containers: unknown[] } } } }>();
    expectTypeOf<Deployment>().toMatchTypeOf<{ spec?: { template: { spec?: { containers: unknown[] } } } }>();
  });
});
