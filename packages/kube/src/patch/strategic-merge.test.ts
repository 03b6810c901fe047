// Strategic merge patch on built-in kinds: what kubectl apply/edit/patch sends, and what the object becomes.
import { describe, expect, it } from 'vitest';
import { strategicMergePatch } from './strategic-merge.js';
import type { JsonObject } from './strategic-merge-values.js';

const pod = { apiVersion: 'v1', kind: 'Pod' } as const;
const service = { apiVersion: 'v1', kind: 'Service' } as const;
const deployment = { apiVersion: 'apps/v1', kind: 'Deployment' } as const;
const node = { apiVersion: 'v1', kind: 'Node' } as const;
const rollout = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' } as const;

function podWith(spec: JsonObject): JsonObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec };
}

function deploymentWith(podSpec: JsonObject, extra: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: { replicas: 2, template: { metadata: { labels: { app: 'd' } }, spec: podSpec }, ...extra },
  };
}

interface Case {
  name: string;
  type: { apiVersion: string; kind: string };
  original: JsonObject;
  patch: JsonObject;
  expected: JsonObject;
}

const cases: Case[] = [
  {
    name: 'changing a container image by name keeps the other containers and fields',
    type: pod,
    original: podWith({ containers: [{ name: 'web', image: 'nginx:1', ports: [{ containerPort: 80 }] }, { name: 'side', image: 'busybox' }] }),
    patch: { spec: { containers: [{ name: 'web', image: 'nginx:2' }] } },
    expected: podWith({ containers: [{ name: 'web', image: 'nginx:2', ports: [{ containerPort: 80 }] }, { name: 'side', image: 'busybox' }] }),
  },
  {
    name: 'changing an image deep in a deployment template merges through spec.template.spec',
    type: deployment,
    original: deploymentWith({ containers: [{ name: 'app', image: 'v1', args: ['--a'] }] }),
    patch: { spec: { template: { spec: { containers: [{ name: 'app', image: 'v2' }] } } } },
    expected: deploymentWith({ containers: [{ name: 'app', image: 'v2', args: ['--a'] }] }),
  },
  {
    // Upstream puts patch items the live list cannot place before live-only items (see the
    // "Update a deployment using a strategic merge patch" task page: the new container is listed first).
    name: 'adding a container with a plain patch puts the new container first',
    type: pod,
    original: podWith({ containers: [{ name: 'web', image: 'nginx' }] }),
    patch: { spec: { containers: [{ name: 'log', image: 'fluentd' }] } },
    expected: podWith({ containers: [{ name: 'log', image: 'fluentd' }, { name: 'web', image: 'nginx' }] }),
  },
  {
    name: 'adding a container with $setElementOrder (kubectl apply) puts it where the order says',
    type: pod,
    original: podWith({ containers: [{ name: 'web', image: 'nginx' }] }),
    patch: { spec: { '$setElementOrder/containers': [{ name: 'web' }, { name: 'log' }], containers: [{ name: 'log', image: 'fluentd' }] } },
    expected: podWith({ containers: [{ name: 'web', image: 'nginx' }, { name: 'log', image: 'fluentd' }] }),
  },
  {
    name: 'removing a container with $patch delete leaves the rest',
    type: pod,
    original: podWith({ containers: [{ name: 'web', image: 'nginx' }, { name: 'log', image: 'fluentd' }] }),
    patch: { spec: { containers: [{ name: 'log', $patch: 'delete' }] } },
    expected: podWith({ containers: [{ name: 'web', image: 'nginx' }] }),
  },
  {
    name: 'env vars merge by name: one changed, one added, one deleted',
    type: deployment,
    original: deploymentWith({ containers: [{ name: 'app', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }] }] }),
    patch: {
      spec: {
        template: {
          spec: {
            containers: [{
              name: 'app',
              env: [{ name: 'B', value: 'two' }, { name: 'D', value: '4' }, { name: 'C', $patch: 'delete' }],
            }],
          },
        },
      },
    },
    expected: deploymentWith({ containers: [{ name: 'app', env: [{ name: 'A', value: '1' }, { name: 'B', value: 'two' }, { name: 'D', value: '4' }] }] }),
  },
  {
    name: 'an env var set to valueFrom drops its value when the patch nulls it',
    type: pod,
    original: podWith({ containers: [{ name: 'c', env: [{ name: 'A', value: '1' }] }] }),
    patch: { spec: { containers: [{ name: 'c', env: [{ name: 'A', value: null, valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }] } },
    expected: podWith({ containers: [{ name: 'c', env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }] }),
  },
  {
    name: 'container ports merge by containerPort',
    type: pod,
    original: podWith({ containers: [{ name: 'c', ports: [{ containerPort: 80, name: 'http' }] }] }),
    patch: { spec: { containers: [{ name: 'c', ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 9090, name: 'metrics' }] }] } },
    expected: podWith({ containers: [{ name: 'c', ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 9090, name: 'metrics' }] }] }),
  },
  {
    name: 'volume mounts merge by mountPath and volumes by name',
    type: pod,
    original: podWith({
      containers: [{ name: 'c', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
      volumes: [{ name: 'data', emptyDir: {} }],
    }),
    patch: {
      spec: {
        containers: [{ name: 'c', volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }] }],
        volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }],
      },
    },
    expected: podWith({
      containers: [{ name: 'c', volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }, { name: 'data', mountPath: '/data' }] }],
      volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }, { name: 'data', emptyDir: {} }],
    }),
  },
  {
    name: 'envFrom has no merge key, so the patch list replaces it whole',
    type: pod,
    original: podWith({ containers: [{ name: 'c', envFrom: [{ configMapRef: { name: 'a' } }] }] }),
    patch: { spec: { containers: [{ name: 'c', envFrom: [{ secretRef: { name: 'b' } }] }] } },
    expected: podWith({ containers: [{ name: 'c', envFrom: [{ secretRef: { name: 'b' } }] }] }),
  },
  {
    name: 'tolerations are atomic, so the patch list replaces them whole',
    type: pod,
    original: podWith({ tolerations: [{ key: 'a', operator: 'Exists' }, { key: 'b', operator: 'Exists' }] }),
    patch: { spec: { tolerations: [{ key: 'c', operator: 'Exists', effect: 'NoSchedule' }] } },
    expected: podWith({ tolerations: [{ key: 'c', operator: 'Exists', effect: 'NoSchedule' }] }),
  },
  {
    name: 'container args are atomic, so the patch list replaces them',
    type: pod,
    original: podWith({ containers: [{ name: 'c', args: ['a', 'b'] }] }),
    patch: { spec: { containers: [{ name: 'c', args: ['b'] }] } },
    expected: podWith({ containers: [{ name: 'c', args: ['b'] }] }),
  },
  {
    name: 'imagePullSecrets and hostAliases merge by their keys',
    type: pod,
    original: podWith({ imagePullSecrets: [{ name: 'a' }], hostAliases: [{ ip: '10.0.0.1', hostnames: ['x'] }] }),
    patch: { spec: { imagePullSecrets: [{ name: 'b' }], hostAliases: [{ ip: '10.0.0.1', hostnames: ['y'] }] } },
    expected: podWith({ imagePullSecrets: [{ name: 'b' }, { name: 'a' }], hostAliases: [{ ip: '10.0.0.1', hostnames: ['y'] }] }),
  },
  {
    name: 'kubectl apply replacing service port 80 with 81 ($setElementOrder + $patch delete)',
    type: service,
    original: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'demo-svc' }, spec: { selector: { app: 'demo' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] } },
    patch: { spec: { '$setElementOrder/ports': [{ port: 81 }], ports: [{ port: 81, targetPort: 8080 }, { $patch: 'delete', port: 80 }] } },
    expected: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'demo-svc' }, spec: { selector: { app: 'demo' }, ports: [{ port: 81, targetPort: 8080 }] } },
  },
  {
    name: 'service ports merge by port, keeping server-set fields such as nodePort',
    type: service,
    original: { spec: { ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }, { port: 443, targetPort: 8443 }] } },
    patch: { spec: { '$setElementOrder/ports': [{ port: 80 }, { port: 443 }], ports: [{ port: 80, targetPort: 9090 }] } },
    expected: { spec: { ports: [{ port: 80, targetPort: 9090, nodePort: 30080 }, { port: 443, targetPort: 8443 }] } },
  },
  {
    name: 'switching a deployment from RollingUpdate to Recreate with $retainKeys drops rollingUpdate',
    type: deployment,
    original: deploymentWith({ containers: [] }, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } }),
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
    expected: deploymentWith({ containers: [] }, { strategy: { type: 'Recreate' } }),
  },
  {
    name: 'patching a deployment strategy without $retainKeys merges into it',
    type: deployment,
    original: deploymentWith({ containers: [] }, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } }),
    patch: { spec: { strategy: { rollingUpdate: { maxUnavailable: 0 } } } },
    expected: deploymentWith({ containers: [] }, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }),
  },
  {
    name: 'finalizers merge as a set: new ones are added once',
    type: pod,
    original: { metadata: { name: 'p', finalizers: ['a', 'b'] } },
    patch: { metadata: { finalizers: ['b', 'c'] } },
    expected: { metadata: { name: 'p', finalizers: ['a', 'b', 'c'] } },
  },
  {
    name: '$deleteFromPrimitiveList/finalizers removes only the listed finalizer',
    type: pod,
    original: { metadata: { name: 'p', finalizers: ['a', 'b', 'c'] } },
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'] } },
    expected: { metadata: { name: 'p', finalizers: ['a', 'c'] } },
  },
  {
    name: 'kubectl apply swapping finalizer a for c (delete list + order + addition)',
    type: deployment,
    original: { metadata: { name: 'd', finalizers: ['a', 'b'] } },
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], '$setElementOrder/finalizers': ['b', 'c'], finalizers: ['c'] } },
    expected: { metadata: { name: 'd', finalizers: ['b', 'c'] } },
  },
  {
    name: 'ownerReferences merge by uid',
    type: pod,
    original: { metadata: { ownerReferences: [{ uid: 'u1', kind: 'ReplicaSet', name: 'rs', controller: true }] } },
    patch: { metadata: { ownerReferences: [{ uid: 'u1', blockOwnerDeletion: true }, { uid: 'u2', kind: 'Job', name: 'j' }] } },
    expected: { metadata: { ownerReferences: [{ uid: 'u1', kind: 'ReplicaSet', name: 'rs', controller: true, blockOwnerDeletion: true }, { uid: 'u2', kind: 'Job', name: 'j' }] } },
  },
  {
    name: 'labels and annotations merge key by key and null deletes a key',
    type: service,
    original: { metadata: { name: 's', labels: { app: 'a', tier: 'web' }, annotations: { note: 'x', old: 'y' } } },
    patch: { metadata: { labels: { tier: null, team: 'core' }, annotations: { old: null } } },
    expected: { metadata: { name: 's', labels: { app: 'a', team: 'core' }, annotations: { note: 'x' } } },
  },
  {
    name: 'a null for a key the object lacks changes nothing',
    type: pod,
    original: { metadata: { name: 'p' } },
    patch: { metadata: { labels: null } },
    expected: { metadata: { name: 'p' } },
  },
  {
    name: 'pod conditions merge by type',
    type: pod,
    original: { status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'False' }] } },
    patch: { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'True' }] } },
    expected: {
      status: {
        phase: 'Running',
        conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'True' }],
      },
    },
  },
  {
    name: 'deployment conditions merge by type',
    type: deployment,
    original: { status: { conditions: [{ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' }] } },
    patch: { status: { conditions: [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' }] } },
    expected: { status: { conditions: [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' }] } },
  },
  {
    name: 'node addresses merge by type and podCIDRs merge as a set',
    type: node,
    original: { spec: { podCIDRs: ['10.0.0.0/24'] }, status: { addresses: [{ type: 'InternalIP', address: '10.0.0.1' }] } },
    patch: { spec: { podCIDRs: ['fd00::/64'] }, status: { addresses: [{ type: 'Hostname', address: 'n1' }] } },
    expected: {
      spec: { podCIDRs: ['fd00::/64', '10.0.0.0/24'] },
      status: { addresses: [{ type: 'Hostname', address: 'n1' }, { type: 'InternalIP', address: '10.0.0.1' }] },
    },
  },
  {
    name: 'an unknown kind (a custom resource) replaces lists like a JSON merge patch',
    type: rollout,
    original: { spec: { strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } }, replicas: 1 } },
    patch: { spec: { strategy: { canary: { steps: [{ setWeight: 30 }] } } } },
    expected: { spec: { strategy: { canary: { steps: [{ setWeight: 30 }] } }, replicas: 1 } },
  },
  {
    name: 'an unknown kind still merges maps and deletes nulls',
    type: rollout,
    original: { metadata: { labels: { a: '1', b: '2' } }, spec: { paused: true } },
    patch: { metadata: { labels: { b: null, c: '3' } }, spec: { paused: null } },
    expected: { metadata: { labels: { a: '1', c: '3' } }, spec: {} },
  },
  {
    name: 'a map that replaces a primitive takes the patch value without its nulls',
    type: pod,
    original: { spec: { nodeSelector: 'oops' } },
    patch: { spec: { nodeSelector: { zone: 'a', gone: null } } },
    expected: { spec: { nodeSelector: { zone: 'a' } } },
  },
];

describe('strategicMergePatch on built-in kinds', () => {
  it.each(cases)('$name', ({ type, original, patch, expected }) => {
    expect(strategicMergePatch(original, patch, type)).toEqual(expected);
  });

  it('changes neither the live object nor the patch, and shares no structure with them', () => {
    const original = podWith({ containers: [{ name: 'web', image: 'nginx:1', env: [{ name: 'A', value: '1' }] }] });
    const patch: JsonObject = { spec: { containers: [{ name: 'side', image: 'busybox' }, { name: 'web', env: [{ name: 'B', value: '2' }] }] } };
    const originalCopy = structuredClone(original);
    const patchCopy = structuredClone(patch);

    const result = strategicMergePatch(original, patch, pod);
    (((result.spec as JsonObject).containers as JsonObject[])[0] as JsonObject).image = 'mutated';
    ((result.metadata as JsonObject).name as unknown) = 'mutated';

    expect(original).toEqual(originalCopy);
    expect(patch).toEqual(patchCopy);
  });
});
