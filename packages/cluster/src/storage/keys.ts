// The storage key scheme: `/<group or "core">/<resource>/<namespace>/<name>`, and collection prefixes.
import type { StoreKey } from './store.js';

/** The group segment used for the core ('' ) API group. */
export const CORE_GROUP_SEGMENT = 'core';

/** What a key names; `group` is '' for the core group, `namespace` is absent for cluster-scoped resources. */
export interface KeyParts {
  readonly group: string;
  readonly resource: string;
  readonly namespace?: string;
  readonly name: string;
}

export interface CollectionParts {
  readonly group: string;
  readonly resource: string;
  /** Omit (or leave empty) for all namespaces, or for a cluster-scoped resource. */
  readonly namespace?: string;
}

/** A key or prefix segment was empty or contained `/`. */
export class InvalidKeyError extends Error {
  override readonly name = 'InvalidKeyError';
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`invalid storage key ${JSON.stringify(key)}: ${reason}`);
  }
}

function checkSegment(value: string, what: string, whole: string): string {
  if (value === '') throw new InvalidKeyError(whole, `${what} is empty`);
  if (value.includes('/')) throw new InvalidKeyError(whole, `${what} contains '/'`);
  return value;
}

function groupSegment(group: string): string {
  return group === '' ? CORE_GROUP_SEGMENT : group;
}

/** `/core/pods/default/web-1`, or `/core/namespaces/default` when `namespace` is absent or empty. */
export function objectKey(parts: KeyParts): StoreKey {
  const description = `${parts.group}/${parts.resource}/${parts.namespace ?? ''}/${parts.name}`;
  const segments = [
    checkSegment(groupSegment(parts.group), 'group', description),
    checkSegment(parts.resource, 'resource', description),
  ];
  if (parts.namespace) segments.push(checkSegment(parts.namespace, 'namespace', description));
  segments.push(checkSegment(parts.name, 'name', description));
  return `/${segments.join('/')}`;
}

/**
 * `/core/pods/default/` for one namespace, `/core/pods/` for all namespaces (or a cluster-scoped
 * resource). The trailing `/` keeps namespace `default` from matching `default2`.
 */
export function collectionPrefix(parts: CollectionParts): StoreKey {
  const description = `${parts.group}/${parts.resource}/${parts.namespace ?? ''}`;
  const segments = [
    checkSegment(groupSegment(parts.group), 'group', description),
    checkSegment(parts.resource, 'resource', description),
  ];
  if (parts.namespace) segments.push(checkSegment(parts.namespace, 'namespace', description));
  return `/${segments.join('/')}/`;
}

/** Splits a key back into its parts; 3 segments is cluster-scoped, 4 is namespaced. */
export function parseObjectKey(key: StoreKey): KeyParts {
  if (!key.startsWith('/')) throw new InvalidKeyError(key, "does not start with '/'");
  const segments = key.slice(1).split('/');
  if (segments.some((segment) => segment === '')) throw new InvalidKeyError(key, 'has an empty segment');
  const [group, resource, third, fourth] = segments;
  if (group === undefined || resource === undefined || third === undefined || segments.length > 4) {
    throw new InvalidKeyError(key, 'needs 3 (cluster-scoped) or 4 (namespaced) segments');
  }
  const parsedGroup = group === CORE_GROUP_SEGMENT ? '' : group;
  return fourth === undefined
    ? { group: parsedGroup, resource, name: third }
    : { group: parsedGroup, resource, namespace: third, name: fourth };
}

/** True when `key` lies in the collection `prefix` selects (`prefix` ends with `/`, or is '' for everything). */
export function isKeyInPrefix(key: StoreKey, prefix: StoreKey): boolean {
  return key.startsWith(prefix);
}
