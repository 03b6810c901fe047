// OpenAPI schemas of apps/v1 (ReplicaSet, Deployment), batch/v1 (Job) and autoscaling/v1 (Scale).
// Not modelled field by field: Job podFailurePolicy, successPolicy and uncountedTerminatedPods (kept as-is).
import type { JsonSchema } from '../schema/json-schema.js';
import { boolean, int32, int64, kind, list, object, oneOfStrings, preserve, ref, string } from '../schema/schema-dsl.js';
import { appsV1, autoscalingV1, batchV1, coreV1, intOrStringName, metaV1 } from './component-names.js';

const time = (): JsonSchema => ref(metaV1('Time'));
const selector = (): JsonSchema => ref(metaV1('LabelSelector'));
const template = (): JsonSchema => ref(coreV1('PodTemplateSpec'), { default: {} });
const conditionFields = (extra: Record<string, JsonSchema> = {}): JsonSchema =>
  object({ lastTransitionTime: time(), message: string(), reason: string(), status: string(), type: string(), ...extra }, { required: ['type', 'status'] });

export const workloadSchemas: Record<string, JsonSchema> = {
  [appsV1('ReplicaSet')]: kind({ group: 'apps', version: 'v1', kind: 'ReplicaSet' }, {
    spec: ref(appsV1('ReplicaSetSpec')),
    status: ref(appsV1('ReplicaSetStatus')),
  }),
  [appsV1('ReplicaSetSpec')]: object(
    { minReadySeconds: int32(), replicas: int32(), selector: selector(), template: template() },
    { required: ['selector'] },
  ),
  [appsV1('ReplicaSetStatus')]: object({
    availableReplicas: int32(),
    conditions: list(conditionFields(), { mergeKey: 'type' }),
    fullyLabeledReplicas: int32(),
    observedGeneration: int64(),
    readyReplicas: int32(),
    replicas: int32(),
    terminatingReplicas: int32(),
  }),
  [appsV1('Deployment')]: kind({ group: 'apps', version: 'v1', kind: 'Deployment' }, {
    spec: ref(appsV1('DeploymentSpec')),
    status: ref(appsV1('DeploymentStatus')),
  }),
  [appsV1('DeploymentSpec')]: object(
    {
      minReadySeconds: int32(),
      paused: boolean(),
      progressDeadlineSeconds: int32(),
      replicas: int32(),
      revisionHistoryLimit: int32(),
      selector: selector(),
      strategy: ref(appsV1('DeploymentStrategy'), { 'x-kubernetes-patch-strategy': 'retainKeys' }),
      template: template(),
    },
    { required: ['selector', 'template'] },
  ),
  [appsV1('DeploymentStrategy')]: object({
    rollingUpdate: ref(appsV1('RollingUpdateDeployment')),
    type: oneOfStrings(['Recreate', 'RollingUpdate']),
  }),
  [appsV1('RollingUpdateDeployment')]: object({ maxSurge: ref(intOrStringName), maxUnavailable: ref(intOrStringName) }),
  [appsV1('DeploymentStatus')]: object({
    availableReplicas: int32(),
    collisionCount: int32(),
    conditions: list(conditionFields({ lastUpdateTime: time() }), { mergeKey: 'type' }),
    observedGeneration: int64(),
    readyReplicas: int32(),
    replicas: int32(),
    terminatingReplicas: int32(),
    unavailableReplicas: int32(),
    updatedReplicas: int32(),
  }),
  [batchV1('Job')]: kind({ group: 'batch', version: 'v1', kind: 'Job' }, { spec: ref(batchV1('JobSpec')), status: ref(batchV1('JobStatus')) }),
  [batchV1('JobSpec')]: object(
    {
      activeDeadlineSeconds: int64(),
      backoffLimit: int32(),
      backoffLimitPerIndex: int32(),
      completionMode: oneOfStrings(['Indexed', 'NonIndexed']),
      completions: int32(),
      managedBy: string(),
      manualSelector: boolean(),
      maxFailedIndexes: int32(),
      parallelism: int32(),
      podFailurePolicy: preserve(),
      podReplacementPolicy: oneOfStrings(['Failed', 'TerminatingOrFailed']),
      selector: selector(),
      successPolicy: preserve(),
      suspend: boolean(),
      template: template(),
      ttlSecondsAfterFinished: int32(),
    },
    { required: ['template'] },
  ),
  [batchV1('JobStatus')]: object({
    active: int32(),
    completedIndexes: string(),
    completionTime: time(),
    conditions: list(conditionFields({ lastProbeTime: time() }), { listType: 'atomic' }),
    failed: int32(),
    failedIndexes: string(),
    ready: int32(),
    startTime: time(),
    succeeded: int32(),
    terminating: int32(),
    uncountedTerminatedPods: preserve(),
  }),
  [autoscalingV1('Scale')]: kind({ group: 'autoscaling', version: 'v1', kind: 'Scale' }, {
    spec: object({ replicas: int32() }),
    status: object({ replicas: int32(), selector: string() }, { required: ['replicas'] }),
  }),
};
