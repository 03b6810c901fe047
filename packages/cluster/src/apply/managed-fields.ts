// metadata.managedFields ⇄ per-manager field sets: identities, decoding, encoding order, metadata stripping, capping.
//
// Follows k8s.io/apimachinery pkg/util/managedfields/internal: managedfields.go (identifiers, sort order),
// stripmeta.go (fields never tracked) and capmanagers.go (at most 10 Update entries, "ancient-changes").
import type { ManagedFieldsEntry } from '@aviary/kube';
import { FieldSet } from './field-set.js';
import { compareStrings, isJsonObject } from './json-values.js';
import { recallDecoded, rememberDecoded, sharedFieldsV1 } from './managed-fields-memo.js';
import { fieldElement, type FieldPath } from './path-element.js';

export const ManagedFieldsOperation = { Apply: 'Apply', Update: 'Update' } as const;
export type ManagedFieldsOperation = (typeof ManagedFieldsOperation)[keyof typeof ManagedFieldsOperation];

/**
 * Who owns a set: one entry per manager + operation + subresource, and for Update also per apiVersion
 * (an applier keeps one entry whichever version it applies through).
 */
export interface ManagerIdentity {
  readonly manager: string;
  readonly operation: ManagedFieldsOperation;
  /** Only for Update: part of the identity. */
  readonly apiVersion?: string;
  readonly subresource?: string;
}

export interface ManagedSet {
  readonly identity: ManagerIdentity;
  /** The apiVersion the set was recorded in. */
  readonly apiVersion: string;
  readonly set: FieldSet;
  readonly time?: string;
}

/** Managed sets by identity key (`managerKey`). */
export type ManagedSets = Map<string, ManagedSet>;

/** Thrown by `decodeManagedFields` for entries Kubernetes would reject. */
export class ManagedFieldsFormatError extends Error {
  override readonly name = 'ManagedFieldsFormatError';
}

export const defaultMaxUpdateManagers = 10;
const ancientChangesManager = 'ancient-changes';

/** The identity as upstream's manager identifier: the entry's JSON without fields, time and (for Apply) apiVersion. */
export function managerKey(identity: ManagerIdentity): string {
  // Written out rather than JSON.stringify of a spread-built object: the same text, without building the object.
  let key = identity.manager !== '' ? `{"manager":${JSON.stringify(identity.manager)},` : '{';
  key += `"operation":${JSON.stringify(identity.operation)}`;
  if (identity.operation === ManagedFieldsOperation.Update && identity.apiVersion) key += `,"apiVersion":${JSON.stringify(identity.apiVersion)}`;
  if (identity.subresource) key += `,"subresource":${JSON.stringify(identity.subresource)}`;
  return `${key}}`;
}

/**
 * Decodes `metadata.managedFields` (undefined → empty). Throws ManagedFieldsFormatError for invalid entries.
 * What an earlier write encoded is recalled rather than parsed again (managed-fields-memo.ts); `text`, when the
 * caller already has it, is `JSON.stringify(entries)`.
 */
export function decodeManagedFields(entries: unknown, text?: string): ManagedSets {
  if (entries === undefined || entries === null) return new Map();
  if (!Array.isArray(entries)) throw new ManagedFieldsFormatError('managedFields must be a list');
  text ??= JSON.stringify(entries);
  const recalled = recallDecoded<ManagedSet>(text);
  if (recalled !== undefined) return recalled;
  const sets = decodeEntries(entries, []);
  rememberDecoded(text, sets);
  return sets;
}

/**
 * The sets of a managedFields list; `knownSets[i]`, when given, is entry i's set already decoded (encoding
 * records what it wrote without parsing it back).
 */
function decodeEntries(entries: readonly unknown[], knownSets: readonly FieldSet[]): ManagedSets {
  const sets: ManagedSets = new Map();
  entries.forEach((entry: unknown, index) => {
    if (!isJsonObject(entry)) throw new ManagedFieldsFormatError(`managed fields entry ${index} must be an object`);
    const operation = entry.operation;
    if (operation !== ManagedFieldsOperation.Apply && operation !== ManagedFieldsOperation.Update) {
      throw new ManagedFieldsFormatError('operation must be `Apply` or `Update`');
    }
    if (typeof entry.apiVersion !== 'string' || entry.apiVersion === '') throw new ManagedFieldsFormatError('apiVersion must not be empty');
    if (entry.fieldsType !== 'FieldsV1') {
      throw new ManagedFieldsFormatError(entry.fieldsType === undefined || entry.fieldsType === ''
        ? `missing fieldsType in managed fields entry ${index}`
        : `invalid fieldsType ${JSON.stringify(entry.fieldsType)} in managed fields entry ${index}`);
    }
    const identity: ManagerIdentity = {
      manager: typeof entry.manager === 'string' ? entry.manager : '',
      operation,
      apiVersion: entry.apiVersion,
      ...(typeof entry.subresource === 'string' && entry.subresource !== '' ? { subresource: entry.subresource } : {}),
    };
    let set: FieldSet;
    try {
      set = knownSets[index] ?? (entry.fieldsV1 === undefined || entry.fieldsV1 === null ? new FieldSet() : FieldSet.fromFieldsV1(entry.fieldsV1));
    } catch (err: unknown) {
      throw new ManagedFieldsFormatError(`error decoding set of managed fields entry ${index}`, { cause: err });
    }
    sets.set(managerKey(identity), {
      identity,
      apiVersion: entry.apiVersion,
      set,
      ...(typeof entry.time === 'string' ? { time: entry.time } : {}),
    });
  });
  return sets;
}

/** Like decodeManagedFields, but an invalid list decodes as empty (upstream's emptyManagedFieldsOnErr). */
export function decodeManagedFieldsOrEmpty(entries: unknown, text?: string): ManagedSets {
  try {
    return decodeManagedFields(entries, text);
  } catch {
    return new Map();
  }
}

/**
 * The managedFields list, sorted as Kubernetes sorts it: operation, time (seconds), manager, apiVersion,
 * subresource. Each entry's fieldsV1 is shared and frozen (managed-fields-memo.ts), and the list is recorded
 * so that decoding it again, at the object's next write, is a lookup.
 */
export function encodeManagedFields(sets: ManagedSets): ManagedFieldsEntry[] {
  const encoded = [...sets.values()]
    .filter((managed) => !managed.set.isEmpty())
    .map((managed) => ({ managed, entry: encodeEntry(managed) }))
    .sort((a, b) => compareEntries(a.entry, b.entry));
  const entries = encoded.map(({ entry }) => entry);
  rememberDecoded(JSON.stringify(entries), decodeEntries(entries, encoded.map(({ managed }) => managed.set)));
  return entries;
}

/** One entry, members in Kubernetes' order, added one by one (stable hidden classes; see json/copy-members.ts). */
function encodeEntry(managed: ManagedSet): ManagedFieldsEntry {
  const entry: ManagedFieldsEntry = {};
  if (managed.identity.manager !== '') entry.manager = managed.identity.manager;
  entry.operation = managed.identity.operation;
  entry.apiVersion = managed.apiVersion;
  if (managed.time !== undefined) entry.time = managed.time;
  entry.fieldsType = 'FieldsV1';
  entry.fieldsV1 = sharedFieldsV1(managed.set);
  if (managed.identity.subresource) entry.subresource = managed.identity.subresource;
  return entry;
}

function compareEntries(p: ManagedFieldsEntry, q: ManagedFieldsEntry): number {
  return compareStrings(p.operation ?? '', q.operation ?? '')
    || Math.sign(secondsOf(p.time) - secondsOf(q.time))
    || compareStrings(p.manager ?? '', q.manager ?? '')
    || compareStrings(p.apiVersion ?? '', q.apiVersion ?? '')
    || compareStrings(p.subresource ?? '', q.subresource ?? '');
}

function secondsOf(time: string | undefined): number {
  const millis = time === undefined ? Number.NaN : Date.parse(time);
  return Number.isNaN(millis) ? 0 : Math.floor(millis / 1000);
}

/** Fields no manager ever owns (stripmeta.go): type meta and server-set metadata. */
const strippedPaths: FieldPath[] = [
  ['apiVersion'], ['kind'], ['metadata'],
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion']
    .map((name) => ['metadata', name]),
].map((names) => names.map((name) => fieldElement(name as string)));
const strippedSet = FieldSet.fromPaths(strippedPaths);

export function stripMetaFields(set: FieldSet): FieldSet {
  return set.difference(strippedSet);
}

/** stripMetaFields in place, for a set the caller owns. */
export function removeMetaFields(set: FieldSet): FieldSet {
  return set.removeAll(strippedSet);
}

/** Drops sets that became empty. */
export function dropEmptySets(sets: ManagedSets): void {
  for (const [key, managed] of sets) if (managed.set.isEmpty()) sets.delete(key);
}

/**
 * Keeps at most `max` Update entries by merging the oldest into one "ancient-changes" entry per apiVersion
 * (capmanagers.go).
 */
export function capUpdateManagers(sets: ManagedSets, max: number = defaultMaxUpdateManagers): void {
  let updateCount = 0;
  for (const managed of sets.values()) if (managed.identity.operation === ManagedFieldsOperation.Update) updateCount++;
  if (updateCount <= max) return;
  const updaters = [...sets.entries()]
    .filter(([, managed]) => managed.identity.operation === ManagedFieldsOperation.Update)
    .sort(([keyA, a], [keyB, b]) => Math.sign(secondsOf(a.time) - secondsOf(b.time)) || compareStrings(keyA, keyB));
  let remaining = updaters.length;
  const firstByVersion = new Map<string, string>();
  for (const [key, managed] of updaters) {
    if (remaining <= max) break;
    const version = managed.apiVersion;
    const bucketIdentity: ManagerIdentity = { manager: ancientChangesManager, operation: ManagedFieldsOperation.Update, apiVersion: version };
    const bucketKey = managerKey(bucketIdentity);
    const first = firstByVersion.get(version);
    if (first === undefined) {
      firstByVersion.set(version, key);
      continue;
    }
    let bucket = sets.get(bucketKey);
    if (bucket === undefined) {
      const firstSet = sets.get(first)!;
      sets.delete(first);
      bucket = { ...firstSet, identity: bucketIdentity };
    }
    sets.set(bucketKey, {
      identity: bucketIdentity,
      apiVersion: version,
      set: managed.set.union(bucket.set),
      ...(managed.time !== undefined ? { time: managed.time } : {}),
    });
    sets.delete(key);
    remaining--;
  }
}
