// Patch metadata of the built-in kinds, transcribed from the `patchStrategy`/`patchMergeKey` tags in k8s.io/api.
//
// Sources (Kubernetes 1.32 field set): k8s.io/api core/v1, apps/v1, batch/v1, policy/v1, autoscaling/v2,
// admissionregistration/v1, storage/v1 types.go, and apimachinery pkg/apis/meta/v1/types.go (ObjectMeta).
// Lists not listed here have no tag and are atomic, notably: tolerations, envFrom, readinessGates,
// Endpoints subsets, Node taints, Namespace spec.finalizers, Service clusterIPs/ipFamilies,
// ServiceAccount imagePullSecrets, container/pod status lists, resizePolicy, args/command.
import {
  PatchStrategy,
  mergeListBy,
  mergePrimitiveList,
  nestedFields,
  type PatchSchema,
} from './strategic-merge-schema.js';

/** metav1.ObjectMeta: finalizers merge as a set, ownerReferences merge by uid. */
const objectMeta: PatchSchema = {
  finalizers: mergePrimitiveList(),
  ownerReferences: mergeListBy('uid'),
};

const metadataOnly: PatchSchema = { metadata: nestedFields(objectMeta) };

/** Fields shared by Container and EphemeralContainer (EphemeralContainerCommon). */
const container: PatchSchema = {
  ports: mergeListBy('containerPort'),
  env: mergeListBy('name'),
  volumeMounts: mergeListBy('mountPath'),
  volumeDevices: mergeListBy('devicePath'),
};

const podSpec: PatchSchema = {
  volumes: mergeListBy('name', undefined, { retainKeys: true }),
  initContainers: mergeListBy('name', container),
  containers: mergeListBy('name', container),
  ephemeralContainers: mergeListBy('name', container),
  imagePullSecrets: mergeListBy('name'),
  hostAliases: mergeListBy('ip'),
  topologySpreadConstraints: mergeListBy('topologyKey'),
  schedulingGates: mergeListBy('name'),
  resourceClaims: mergeListBy('name', undefined, { retainKeys: true }),
};

/** ContainerStatus: its own lists merge, though the status lists holding it are atomic. */
const containerStatus: PatchSchema = {
  volumeMounts: mergeListBy('mountPath'),
  allocatedResourcesStatus: mergeListBy('name'),
};

const podStatus: PatchSchema = {
  conditions: mergeListBy('type'),
  hostIPs: mergeListBy('ip'),
  podIPs: mergeListBy('ip'),
  resourceClaimStatuses: mergeListBy('name', undefined, { retainKeys: true }),
  initContainerStatuses: nestedFields(containerStatus),
  containerStatuses: nestedFields(containerStatus),
  ephemeralContainerStatuses: nestedFields(containerStatus),
};

const podTemplateSpec: PatchSchema = {
  metadata: nestedFields(objectMeta),
  spec: nestedFields(podSpec),
};

/** A status whose only tagged field is `conditions`, merged by type. */
const conditionsStatus: PatchSchema = { conditions: mergeListBy('type') };

/** Workloads: `spec.template` is a PodTemplateSpec, `status.conditions` merge by type. */
function workloadSchema(extraSpec: PatchSchema = {}): PatchSchema {
  return {
    metadata: nestedFields(objectMeta),
    spec: nestedFields({ template: nestedFields(podTemplateSpec), ...extraSpec }),
    status: nestedFields(conditionsStatus),
  };
}

const jobSpec: PatchSchema = { template: nestedFields(podTemplateSpec) };

const webhook: PatchSchema = { matchConditions: mergeListBy('name') };

const core: Record<string, PatchSchema> = {
  Pod: { metadata: nestedFields(objectMeta), spec: nestedFields(podSpec), status: nestedFields(podStatus) },
  PodTemplate: { metadata: nestedFields(objectMeta), template: nestedFields(podTemplateSpec) },
  ReplicationController: workloadSchema(),
  Service: {
    metadata: nestedFields(objectMeta),
    spec: nestedFields({ ports: mergeListBy('port') }),
    status: nestedFields(conditionsStatus),
  },
  Endpoints: metadataOnly,
  ConfigMap: metadataOnly,
  Secret: metadataOnly,
  Namespace: { metadata: nestedFields(objectMeta), status: nestedFields(conditionsStatus) },
  Node: {
    metadata: nestedFields(objectMeta),
    spec: nestedFields({ podCIDRs: mergePrimitiveList() }),
    status: nestedFields({ conditions: mergeListBy('type'), addresses: mergeListBy('type') }),
  },
  Event: metadataOnly,
  ServiceAccount: { metadata: nestedFields(objectMeta), secrets: mergeListBy('name') },
  PersistentVolumeClaim: { metadata: nestedFields(objectMeta), status: nestedFields(conditionsStatus) },
  PersistentVolume: metadataOnly,
  LimitRange: metadataOnly,
  ResourceQuota: metadataOnly,
  ComponentStatus: { metadata: nestedFields(objectMeta), conditions: mergeListBy('type') },
  Binding: metadataOnly,
};

/** apiVersion → kind → schema. Every kind listed here accepts strategic merge patches. */
const builtInSchemas: Readonly<Record<string, Readonly<Record<string, PatchSchema>>>> = {
  v1: core,
  'apps/v1': {
    Deployment: workloadSchema({
      // DeploymentSpec.Strategy is `patchStrategy:"retainKeys"`: RollingUpdate → Recreate drops rollingUpdate.
      strategy: nestedFields({}, { retainKeys: true }),
    }),
    ReplicaSet: workloadSchema(),
    StatefulSet: workloadSchema(),
    DaemonSet: workloadSchema(),
    ControllerRevision: metadataOnly,
  },
  'batch/v1': {
    Job: {
      metadata: nestedFields(objectMeta),
      spec: nestedFields(jobSpec),
      status: nestedFields(conditionsStatus),
    },
    CronJob: {
      metadata: nestedFields(objectMeta),
      spec: nestedFields({
        jobTemplate: nestedFields({ metadata: nestedFields(objectMeta), spec: nestedFields(jobSpec) }),
      }),
    },
  },
  'networking.k8s.io/v1': { Ingress: metadataOnly, IngressClass: metadataOnly, NetworkPolicy: metadataOnly },
  'coordination.k8s.io/v1': { Lease: metadataOnly },
  'events.k8s.io/v1': { Event: metadataOnly },
  'discovery.k8s.io/v1': { EndpointSlice: metadataOnly },
  'policy/v1': {
    PodDisruptionBudget: {
      metadata: nestedFields(objectMeta),
      // PodDisruptionBudgetSpec.Selector is `patchStrategy:"replace"`: a patched selector replaces the old one.
      spec: nestedFields({ selector: { strategy: PatchStrategy.Replace } }),
      status: nestedFields(conditionsStatus),
    },
  },
  'autoscaling/v1': { HorizontalPodAutoscaler: metadataOnly, Scale: metadataOnly },
  'autoscaling/v2': {
    HorizontalPodAutoscaler: { metadata: nestedFields(objectMeta), status: nestedFields(conditionsStatus) },
  },
  'rbac.authorization.k8s.io/v1': {
    Role: metadataOnly,
    ClusterRole: metadataOnly,
    RoleBinding: metadataOnly,
    ClusterRoleBinding: metadataOnly,
  },
  'storage.k8s.io/v1': {
    StorageClass: metadataOnly,
    CSINode: { metadata: nestedFields(objectMeta), spec: nestedFields({ drivers: mergeListBy('name') }) },
  },
  'scheduling.k8s.io/v1': { PriorityClass: metadataOnly },
  'admissionregistration.k8s.io/v1': {
    ValidatingWebhookConfiguration: { metadata: nestedFields(objectMeta), webhooks: mergeListBy('name', webhook) },
    MutatingWebhookConfiguration: { metadata: nestedFields(objectMeta), webhooks: mergeListBy('name', webhook) },
    ValidatingAdmissionPolicy: {
      metadata: nestedFields(objectMeta),
      spec: nestedFields({ matchConditions: mergeListBy('name'), variables: mergeListBy('name') }),
    },
  },
  // The CRD object itself is a built-in (apiextensions) type; its conditions carry no patch tags.
  'apiextensions.k8s.io/v1': { CustomResourceDefinition: metadataOnly },
};

/** The patch metadata of a built-in kind, or undefined for kinds the server does not know (custom resources). */
export function builtInPatchSchema(apiVersion: string, kind: string): PatchSchema | undefined {
  const byKind = Object.prototype.hasOwnProperty.call(builtInSchemas, apiVersion) ? builtInSchemas[apiVersion] : undefined;
  if (!byKind || !Object.prototype.hasOwnProperty.call(byKind, kind)) return undefined;
  return byKind[kind];
}
