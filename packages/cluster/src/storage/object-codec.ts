// How stored objects are kept: as JSON text stamped with their revision, decoded into a fresh copy on every read.
import type { KubeObject } from '@aviary/kube';

/**
 * The JSON of `object` with `metadata.resourceVersion` set to `revision`; the caller's object is not changed.
 * Keeping JSON rather than parsed objects costs one parse per read, but a 3 KB pod takes ~3 KB instead of
 * several times that as a V8 object graph, and every read is a copy the caller may mutate.
 */
export function encodeObject(object: KubeObject, revision: number): string {
  return JSON.stringify({ ...object, metadata: { ...object.metadata, resourceVersion: String(revision) } });
}

export function decodeObject(json: string): KubeObject {
  return JSON.parse(json) as KubeObject;
}

/** Re-stamps already-encoded JSON with another revision (a delete's tombstone reports the last value at its own revision). */
export function restampJson(json: string, revision: number): string {
  return encodeObject(decodeObject(json), revision);
}
