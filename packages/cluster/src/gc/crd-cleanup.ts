// CRD deletion: the custom resources a deleting CustomResourceDefinition defines are deleted, then its
// cleanup finalizer is removed so the CRD goes (apiextensions-apiserver finalizer controller).
import type { KubeObject } from '@aviary/kube';
import { crdCleanupFinalizer } from '../rest/crd-support.js';
import { deleteObject } from '../rest/object-deletion.js';
import type { ObjectService } from '../rest/object-service.js';
import { collectionPrefix, objectKey } from '../storage/keys.js';
import { locate, removeFinalizer } from './object-edits.js';

interface CrdShape extends KubeObject {
  spec?: { group?: string; names?: { plural?: string } };
}

const crdGroup = 'apiextensions.k8s.io';
const crdResource = 'customresourcedefinitions';

/** The name of the (deleting) CRD that defines group/resource, if one exists. */
export function crdOfResource(service: ObjectService, group: string, resource: string): string | undefined {
  if (group === '' || group === crdGroup) return undefined;
  const name = `${resource}.${group}`;
  const stored = service.context.store.get(objectKey({ group: crdGroup, resource: crdResource, name }));
  return stored?.object.metadata?.deletionTimestamp ? name : undefined;
}

export function cleanUpCrd(service: ObjectService, name: string): void {
  const key = objectKey({ group: crdGroup, resource: crdResource, name });
  const located = locate(service, key);
  if (located === undefined) return;
  const crd = located.object as CrdShape;
  if (!crd.metadata?.deletionTimestamp || !(crd.metadata.finalizers ?? []).includes(crdCleanupFinalizer)) return;
  const group = crd.spec?.group;
  const plural = crd.spec?.names?.plural;
  if (group && plural) {
    const items = service.context.store.list(collectionPrefix({ group, resource: plural })).items;
    const info = service.context.registry.all().find((i) => i.group === group && i.resource === plural);
    if (items.length > 0 && info !== undefined) {
      for (const item of items) {
        if (item.object.metadata?.deletionTimestamp) continue;
        deleteObject(service, info, item.object.metadata?.namespace, item.object.metadata?.name ?? '', { propagationPolicy: 'Background' });
      }
      if (service.context.store.list(collectionPrefix({ group, resource: plural }), { limit: 1 }).items.length > 0) return;
    } else if (items.length > 0) {
      for (const item of items) service.context.store.delete(item.key);
    }
  }
  const refreshed = locate(service, key);
  if (refreshed !== undefined) removeFinalizer(service, refreshed, crdCleanupFinalizer);
}
