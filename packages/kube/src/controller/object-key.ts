// Object keys: the `namespace/name` strings the work queue carries (client-go tools/cache MetaNamespaceKeyFunc).
import type { KubeObject, OwnerReference } from '../types/meta.js';

/** A key that is not `name` or `namespace/name`. */
export class InvalidObjectKeyError extends Error {
  override readonly name = 'InvalidObjectKeyError';
  readonly key: string;

  constructor(key: string) {
    super(`invalid object key ${JSON.stringify(key)}: expected "name" or "namespace/name"`);
    this.key = key;
  }
}

/** An object with no metadata.name cannot be keyed. */
export class UnnamedObjectError extends Error {
  override readonly name = 'UnnamedObjectError';
  readonly kind: string | undefined;

  constructor(kind: string | undefined) {
    super(`cannot key a ${kind ?? 'object'} without metadata.name`);
    this.kind = kind;
  }
}

/** The parts of an object key; `namespace` is undefined for cluster-scoped objects. */
export interface ObjectKeyParts {
  namespace: string | undefined;
  name: string;
}

/** Joins a namespace and name into a key: `ns/name`, or `name` without a namespace. */
export function joinObjectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** The key of an object: `ns/name` for namespaced objects, `name` for cluster-scoped ones. */
export function objectKey(obj: Readonly<KubeObject>): string {
  const name = obj.metadata?.name;
  if (!name) throw new UnnamedObjectError(obj.kind);
  return joinObjectKey(obj.metadata?.namespace, name);
}

/** Splits `ns/name` or `name` back into its parts; anything else is an InvalidObjectKeyError. */
export function splitObjectKey(key: string): ObjectKeyParts {
  const slash = key.indexOf('/');
  if (slash < 0) {
    if (key === '') throw new InvalidObjectKeyError(key);
    return { namespace: undefined, name: key };
  }
  const namespace = key.slice(0, slash);
  const name = key.slice(slash + 1);
  if (namespace === '' || name === '' || name.includes('/')) throw new InvalidObjectKeyError(key);
  return { namespace, name };
}

/** Which controlling owners count; omitted fields match anything. */
export interface OwnerFilter {
  /** The owner's kind, e.g. `Rollout`. */
  kind?: string;
  /** The owner's API group, e.g. `argoproj.io` ('' for core). */
  group?: string;
}

/** The ownerReference marked `controller: true`, if any. */
export function controllerOwnerOf(obj: Readonly<KubeObject>): Readonly<OwnerReference> | undefined {
  return obj.metadata?.ownerReferences?.find((ref) => ref.controller === true);
}

/**
 * The key of the object's controlling owner (in the object's namespace), or undefined when it has
 * none or the owner does not match `filter`: a ReplicaSet owned by Rollout `demo` in `default`
 * gives `default/demo` with `{ kind: 'Rollout' }`, and undefined with `{ kind: 'Deployment' }`.
 */
export function controllerOwnerKey(obj: Readonly<KubeObject>, filter: OwnerFilter = {}): string | undefined {
  const owner = controllerOwnerOf(obj);
  if (owner === undefined || !owner.name) return undefined;
  if (filter.kind !== undefined && owner.kind !== filter.kind) return undefined;
  if (filter.group !== undefined && groupOf(owner.apiVersion) !== filter.group) return undefined;
  return joinObjectKey(obj.metadata?.namespace, owner.name);
}

/** `apps/v1` → `apps`; `v1` → ''. */
function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
