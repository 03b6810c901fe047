// Patch metadata of built-in kinds: the merge strategy and key per field path, and which kinds accept SMP.
import { describe, expect, it } from 'vitest';
import { lookupPatchMeta, supportsStrategicMerge, type ResolvedFieldPatchMeta } from './strategic-merge.js';

const mergeBy = (mergeKey: string, retainKeys = false): ResolvedFieldPatchMeta => ({ strategy: 'merge', mergeKey, retainKeys });
const atomic: ResolvedFieldPatchMeta = { strategy: 'default', retainKeys: false };
const primitiveSet: ResolvedFieldPatchMeta = { strategy: 'merge', retainKeys: false };

interface LookupCase {
  name: string;
  apiVersion: string;
  kind: string;
  path: string;
  expected: ResolvedFieldPatchMeta;
}

const lookups: LookupCase[] = [
  { name: 'pod containers merge by name', apiVersion: 'v1', kind: 'Pod', path: 'spec.containers', expected: mergeBy('name') },
  { name: 'pod init and ephemeral containers merge by name', apiVersion: 'v1', kind: 'Pod', path: 'spec.ephemeralContainers', expected: mergeBy('name') },
  { name: 'container ports merge by containerPort', apiVersion: 'v1', kind: 'Pod', path: 'spec.initContainers[0].ports', expected: mergeBy('containerPort') },
  { name: 'deployment template env merges by name', apiVersion: 'apps/v1', kind: 'Deployment', path: 'spec.template.spec.containers.0.env', expected: mergeBy('name') },
  { name: 'envFrom has no merge key and is atomic', apiVersion: 'v1', kind: 'Pod', path: 'spec.containers.envFrom', expected: atomic },
  { name: 'volume mounts merge by mountPath', apiVersion: 'batch/v1', kind: 'Job', path: 'spec.template.spec.containers.volumeMounts', expected: mergeBy('mountPath') },
  { name: 'volumes merge by name with retainKeys', apiVersion: 'apps/v1', kind: 'ReplicaSet', path: 'spec.template.spec.volumes', expected: mergeBy('name', true) },
  { name: 'resource claims merge by name with retainKeys', apiVersion: 'v1', kind: 'Pod', path: 'spec.resourceClaims', expected: mergeBy('name', true) },
  { name: 'tolerations are atomic', apiVersion: 'v1', kind: 'Pod', path: 'spec.tolerations', expected: atomic },
  { name: 'readiness gates are atomic', apiVersion: 'v1', kind: 'Pod', path: 'spec.readinessGates', expected: atomic },
  { name: 'topology spread constraints merge by topologyKey', apiVersion: 'v1', kind: 'Pod', path: 'spec.topologySpreadConstraints', expected: mergeBy('topologyKey') },
  { name: 'host aliases merge by ip', apiVersion: 'v1', kind: 'Pod', path: 'spec.hostAliases', expected: mergeBy('ip') },
  { name: 'pod conditions merge by type', apiVersion: 'v1', kind: 'Pod', path: 'status.conditions', expected: mergeBy('type') },
  { name: 'node conditions merge by type', apiVersion: 'v1', kind: 'Node', path: 'status.conditions', expected: mergeBy('type') },
  { name: 'job conditions merge by type', apiVersion: 'batch/v1', kind: 'Job', path: 'status.conditions', expected: mergeBy('type') },
  { name: 'cron job templates reach the pod spec', apiVersion: 'batch/v1', kind: 'CronJob', path: 'spec.jobTemplate.spec.template.spec.containers', expected: mergeBy('name') },
  { name: 'service ports merge by port', apiVersion: 'v1', kind: 'Service', path: 'spec.ports', expected: mergeBy('port') },
  { name: 'endpoints subsets are atomic', apiVersion: 'v1', kind: 'Endpoints', path: 'subsets', expected: atomic },
  { name: 'owner references merge by uid', apiVersion: 'v1', kind: 'ConfigMap', path: 'metadata.ownerReferences', expected: mergeBy('uid') },
  { name: 'finalizers merge as a primitive set', apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', path: 'metadata.finalizers', expected: primitiveSet },
  { name: 'namespace spec finalizers are atomic', apiVersion: 'v1', kind: 'Namespace', path: 'spec.finalizers', expected: atomic },
  { name: 'service account secrets merge by name', apiVersion: 'v1', kind: 'ServiceAccount', path: 'secrets', expected: mergeBy('name') },
  { name: 'deployment strategy carries retainKeys', apiVersion: 'apps/v1', kind: 'Deployment', path: 'spec.strategy', expected: { strategy: 'default', retainKeys: true } },
  { name: 'a disruption budget selector is replaced whole', apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', path: 'spec.selector', expected: { strategy: 'replace', retainKeys: false } },
  { name: 'an unlisted field gets the default', apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', path: 'spec.rules', expected: atomic },
];

describe('lookupPatchMeta', () => {
  it.each(lookups)('$name', ({ apiVersion, kind, path, expected }) => {
    expect(lookupPatchMeta({ apiVersion, kind, path })).toEqual(expected);
  });

  it('accepts the path as segments', () => {
    expect(lookupPatchMeta({ apiVersion: 'v1', kind: 'Pod', path: ['spec', 'containers', '0', 'env'] })).toEqual(mergeBy('name'));
  });

  it('knows nothing about custom resources', () => {
    expect(lookupPatchMeta({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', path: 'spec.template.spec.containers' })).toBeUndefined();
  });
});

describe('supportsStrategicMerge', () => {
  it.each([
    ['v1', 'Pod', true],
    ['v1', 'Service', true],
    ['apps/v1', 'Deployment', true],
    ['batch/v1', 'Job', true],
    ['events.k8s.io/v1', 'Event', true],
    ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', true],
    ['argoproj.io/v1alpha1', 'Rollout', false],
    ['apps/v1', 'Pod', false],
    ['v1', 'toString', false],
  ] as const)('%s %s → %s', (apiVersion, kind, expected) => {
    expect(supportsStrategicMerge(apiVersion, kind)).toBe(expected);
  });
});
