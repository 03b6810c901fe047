// The message registry built from every descriptor table, and the kinds (apiVersion + kind) it can decode.
import { appsV1Messages } from './apps-v1.js';
import { authV1Messages } from './auth-v1.js';
import { autoscalingV1Messages } from './autoscaling-v1.js';
import { batchV1Messages } from './batch-v1.js';
import { coordinationV1Messages } from './coordination-v1.js';
import { coreV1ContainerMessages } from './core-v1-container.js';
import { coreV1PodMessages } from './core-v1-pod.js';
import { coreV1VolumeMessages } from './core-v1-volume.js';
import { coreV1Messages } from './core-v1.js';
import { buildMessageRegistry, type MessageDescriptor } from './message-descriptor.js';
import { metaV1Messages } from './meta-v1.js';
import { networkingV1Messages } from './networking-v1.js';
import { policyV1Messages } from './policy-v1.js';
import { rbacV1Messages } from './rbac-v1.js';
import { schedulingV1Messages } from './scheduling-v1.js';

export * from './message-descriptor.js';

/** Every message by name. Names are unique across the groups covered here (checked at load). */
export const messageRegistry: ReadonlyMap<string, MessageDescriptor> = buildMessageRegistry([
  metaV1Messages,
  coreV1Messages,
  coreV1ContainerMessages,
  coreV1VolumeMessages,
  coreV1PodMessages,
  appsV1Messages,
  batchV1Messages,
  networkingV1Messages,
  coordinationV1Messages,
  autoscalingV1Messages,
  policyV1Messages,
  rbacV1Messages,
  schedulingV1Messages,
  authV1Messages,
]);

/** apiVersion → the kinds of that group version that can be decoded (each kind is also its message name). */
const decodableKinds: Readonly<Record<string, readonly string[]>> = {
  v1: ['Namespace', 'ConfigMap', 'Secret', 'ServiceAccount', 'Service', 'Pod', 'Endpoints', 'Binding', 'ResourceQuota', 'PersistentVolumeClaim'],
  'apps/v1': ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'],
  'batch/v1': ['Job', 'CronJob'],
  'networking.k8s.io/v1': ['Ingress'],
  'coordination.k8s.io/v1': ['Lease'],
  'autoscaling/v1': ['Scale', 'HorizontalPodAutoscaler'],
  'policy/v1': ['PodDisruptionBudget', 'Eviction'],
  'rbac.authorization.k8s.io/v1': ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'],
  'scheduling.k8s.io/v1': ['PriorityClass'],
  'authentication.k8s.io/v1': ['TokenRequest', 'SelfSubjectReview'],
  'authorization.k8s.io/v1': ['SelfSubjectAccessReview'],
};

/** Kinds that every group version shares (sent as request bodies under the resource's own group version). */
const sharedKinds = new Set(['DeleteOptions']);

/** The message descriptor for a top-level kind, or undefined when this apiVersion/kind is not covered. */
export function findKindDescriptor(apiVersion: string, kind: string): MessageDescriptor | undefined {
  const known = sharedKinds.has(kind) || (decodableKinds[apiVersion]?.includes(kind) ?? false);
  return known ? messageRegistry.get(kind) : undefined;
}

/** `apps/v1 Deployment`, … for messages and docs. */
export function listDecodableKinds(): string[] {
  return Object.entries(decodableKinds).flatMap(([apiVersion, kinds]) => kinds.map((kind) => `${apiVersion} ${kind}`));
}
