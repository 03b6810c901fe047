// A pod-sized object for benchmarks: labels, owner, managed fields, one container with env and probe, full status.
import type { KubeObject } from '../../packages/kube/src/index.js';

/** A pod about the size the API server stores: labels, owner, managed fields, one container, status. */
export function makePod(index: number, namespaces = 100): KubeObject {
  const name = `web-7c9f8d6b5-${index.toString(36).padStart(5, '0')}`;
  const namespace = `ns-${index % namespaces}`;
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      uid: `6f1c2a9e-${index.toString(16).padStart(4, '0')}-4d1b-9a7e-0c5e1f2b3a4d`,
      creationTimestamp: '2026-11-20T10:00:00Z',
      labels: { app: 'web', 'pod-template-hash': '7c9f8d6b5', 'rollouts-pod-template-hash': '7c9f8d6b5' },
      annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-20T09:59:00Z' },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7c9f8d6b5', uid: '0b6e52d1-rs', controller: true, blockOwnerDeletion: true },
      ],
      managedFields: [
        {
          manager: 'aviary-replicaset-controller',
          operation: 'Update',
          apiVersion: 'v1',
          time: '2026-11-20T10:00:00Z',
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} }, 'f:ownerReferences': {} }, 'f:spec': { 'f:containers': {} } },
        },
      ],
    },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'argoproj/rollouts-demo:blue',
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
          env: Array.from({ length: 6 }, (_, i) => ({ name: `SETTING_${i}`, value: `value-${i}-${'v'.repeat(24)}` })),
          resources: { requests: { cpu: '5m', memory: '32Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
          readinessProbe: { httpGet: { path: '/color', port: 8080 }, periodSeconds: 5, timeoutSeconds: 1 },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      nodeName: 'aviary-local',
      schedulerName: 'default-scheduler',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Running',
      hostIP: '127.0.0.1',
      podIP: `127.1.${Math.floor(index / 250) % 250}.${(index % 250) + 1}`,
      startTime: '2026-11-20T10:00:01Z',
      conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
        type,
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: '2026-11-20T10:00:02Z',
      })),
      containerStatuses: [
        {
          name: 'web',
          ready: true,
          restartCount: 0,
          image: 'argoproj/rollouts-demo:blue',
          imageID: 'aviary://catalog/rollouts-demo',
          containerID: `aviary://${name}/web`,
          started: true,
          state: { running: { startedAt: '2026-11-20T10:00:01Z' } },
        },
      ],
      qosClass: 'Burstable',
    },
  };
  return pod as KubeObject;
}
