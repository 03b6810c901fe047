// Controller owner references: the `controller: true` link from a pod or ReplicaSet to the object that manages it.
import { apiVersionOf, type DeepReadonly, type KubeObject, type OwnerReference, type ResourceType } from '@aviary/kube';

/** metav1.NewControllerRef: controller and blockOwnerDeletion both true. */
export function controllerReference(owner: DeepReadonly<KubeObject>, ownerType: ResourceType): OwnerReference {
  return {
    apiVersion: apiVersionOf(ownerType),
    kind: ownerType.kind,
    name: owner.metadata?.name ?? '',
    uid: owner.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The controlling owner reference, if any. */
export function controllerOf(obj: DeepReadonly<KubeObject>): DeepReadonly<OwnerReference> | undefined {
  return obj.metadata?.ownerReferences?.find((ref) => ref.controller === true);
}

/** The object's key `namespace/name`. */
export function keyOf(obj: DeepReadonly<KubeObject>): string {
  const namespace = obj.metadata?.namespace;
  const name = obj.metadata?.name ?? '';
  return namespace ? `${namespace}/${name}` : name;
}

/** A cached object passed to an API that only reads it (recorders, queues) but is typed with mutable arrays. */
export function readOnlyView(obj: DeepReadonly<KubeObject>): KubeObject {
  return obj as KubeObject;
}
