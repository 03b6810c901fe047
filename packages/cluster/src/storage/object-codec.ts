// How stored objects are kept: as JSON text stamped with their revision, decoded into a fresh copy on every read.
import type { KubeObject } from '@aviary/kube';
import { copyMembers } from '../json/copy-members.js';
import type { StoredObject, StoreEvent, StoreEventType, StoreKey } from './store.js';

/**
 * The JSON of `object` with `metadata.resourceVersion` set to `revision`; the caller's object is not changed.
 * Keeping JSON rather than parsed objects costs one parse per read, but a 3 KB pod takes ~3 KB instead of
 * several times that as a V8 object graph, and every read is a copy the caller may mutate.
 */
export function encodeObject(object: KubeObject, revision: number): string {
  return JSON.stringify(copyMembers(object, { metadata: copyMembers(object.metadata ?? {}, { resourceVersion: String(revision) }) }));
}

export function decodeObject(json: string): KubeObject {
  return JSON.parse(json) as KubeObject;
}

/** Re-stamps already-encoded JSON with another revision (a delete's tombstone reports the last value at its own revision). */
export function restampJson(json: string, revision: number): string {
  return encodeObject(decodeObject(json), revision);
}

/**
 * A StoredObject whose `object` is decoded from `json` on first access (then kept), with `json` attached
 * non-enumerably: callers that only send the object on (a create's response, a watch line) never parse it.
 */
export function lazyStoredObject(key: StoreKey, revision: number, json: string): StoredObject {
  let object: KubeObject | undefined;
  const stored = { key, revision } as StoredObject;
  Object.defineProperty(stored, 'object', { enumerable: true, configurable: true, get: () => (object ??= decodeObject(json)) });
  Object.defineProperty(stored, 'json', { value: json });
  return stored;
}

/** A StoreEvent whose `object` and `previous` are decoded on first access, each listener getting its own copies. */
export function lazyStoreEvent(
  event: { type: StoreEventType; key: StoreKey; revision: number; json: string; previousJson?: string },
  written?: KubeObject,
): StoreEvent {
  const { type, key, revision, json, previousJson } = event;
  let object: KubeObject | undefined;
  const lazy = { type, key, revision } as StoreEvent;
  Object.defineProperty(lazy, 'object', { enumerable: true, configurable: true, get: () => (object ??= decodeObject(json)) });
  if (previousJson !== undefined) {
    let previous: KubeObject | undefined;
    Object.defineProperty(lazy, 'previous', { enumerable: true, configurable: true, get: () => (previous ??= decodeObject(previousJson)) });
  }
  Object.defineProperty(lazy, 'json', { value: json });
  if (written !== undefined) Object.defineProperty(lazy, 'written', { value: written });
  return lazy;
}
