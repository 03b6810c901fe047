// What every view model of an object starts with: its name, namespace, uid, creation time and age.
import type { ObjectMeta } from '@aviary/kube';
import { ageOf } from './human-duration.js';

export interface ObjectIdentity {
  name: string;
  namespace: string;
  uid: string;
  creationTimestamp?: string;
  age: string;
}

/** The identity fields of an object's metadata, its age as of `now`. */
export function identityOf(meta: ObjectMeta, now: number): ObjectIdentity {
  return {
    name: meta.name ?? '',
    namespace: meta.namespace ?? '',
    uid: meta.uid ?? '',
    creationTimestamp: meta.creationTimestamp,
    age: ageOf(meta.creationTimestamp, now),
  };
}
