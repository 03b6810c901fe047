// Keeps the registry in step with stored CustomResourceDefinitions: a CRD's resources are served as soon as
// its write commits (the store's watch is synchronous) and stop being served when it is gone.
import type { KubeObject } from '@aviary/kube';
import { collectionPrefix } from '../storage/keys.js';
import { StoreEventType, type StoreWatch } from '../storage/store.js';
import type { RestContext } from './rest-context.js';

/** Registers every stored CRD, then follows changes. Stop the returned watch on shutdown. */
export function startCrdRegistration(context: RestContext): StoreWatch {
  const { store, registry, plugins } = context;
  const prefix = collectionPrefix({ group: 'apiextensions.k8s.io', resource: 'customresourcedefinitions' });
  const register = (crd: KubeObject): void => {
    const name = crd.metadata?.name;
    if (!name) return;
    try {
      registry.replaceCrd(name, plugins.crdResourceInfos(crd));
    } catch (err: unknown) {
      console.error(`crd ${name}: cannot serve its resources:`, err);
    }
  };
  const existing = store.list(prefix);
  for (const item of existing.items) register(item.object);
  return store.watch(prefix, existing.revision, (event) => {
    if (event.type === StoreEventType.Deleted) registry.removeCrd(event.object.metadata?.name ?? '');
    else register(event.object);
  });
}
