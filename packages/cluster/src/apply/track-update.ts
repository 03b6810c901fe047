// trackUpdate: managedFields bookkeeping for non-apply writes (create, update, patch), and the default field manager name.
//
// Follows apimachinery pkg/util/managedfields/internal/fieldmanager.go (`Update`, `UpdateNoErrors`,
// `decodeLiveOrNew`, `isResetManagedFields`), skipnonapplied.go and capmanagers.go, and apiserver
// pkg/endpoints/handlers/create.go (`managerOrUserAgent`, `prefixFromUserAgent`).
import { copyJson } from '@aviary/kube';
import { copyMembers } from '../json/copy-members.js';
import { isJsonObject, jsonEqual, type JsonObject } from './json-values.js';
import type { ListInfoProvider } from './list-info.js';
import {
  capUpdateManagers,
  decodeManagedFields,
  decodeManagedFieldsOrEmpty,
  ManagedFieldsOperation,
  type ManagedSets,
} from './managed-fields.js';
import { compareChanges, type Changes } from './compare.js';
import { ManagedFieldsMemo, structureSignature } from './create-memo.js';
import { recordUpdate } from './ownership.js';
import { setManagedFields, withoutManagedFields } from './server-side-apply.js';

export interface TrackUpdateInput {
  /** The stored object before the write; absent for a create. */
  readonly live?: object;
  /** The object about to be stored (after patching, defaulting and validation). */
  readonly updated: object;
  /** The `fieldManager` query parameter, or `defaultFieldManager(userAgent)`; '' becomes "unknown". */
  readonly manager: string;
  readonly operation?: 'Update';
  /** `status` (or `scale`) for subresource writes. */
  readonly subresource?: string;
  /** RFC 3339 time for the manager's managedFields entry. */
  readonly now: string;
  /** The apiVersion of the request URL. */
  readonly apiVersion: string;
  readonly listInfo: ListInfoProvider;
  /**
   * For creates of a kind whose list semantics never change (built-in kinds): its name, so results can be
   * reused across objects of the same structure (create-memo.ts).
   */
  readonly memoKind?: string;
}

/**
 * The updated object with metadata.managedFields recomputed (a new top level and metadata; deeper values are
 * shared with `input.updated`, which is left unchanged): the writer owns what it changed or added,
 * others lose what it changed or removed. Never throws: if the bookkeeping fails the live object's
 * managedFields are kept (upstream's UpdateNoErrors).
 *
 * A client may send managedFields itself (they are then the starting point), or reset them with `[]`
 * (or `[{}]`); an existing object whose managedFields are empty stays untracked until the next apply.
 */
export function trackUpdate(input: TrackUpdateInput): Record<string, unknown> {
  const updated = ownTopLevel(input.updated as JsonObject);
  const live = input.live === undefined ? undefined : (input.live as JsonObject);
  const newObject = withoutManagedFields(updated);
  const memoKey = live === undefined && input.memoKind !== undefined && !input.subresource ? createMemoKey(input, updated, newObject) : undefined;
  const memoized = memoKey === undefined ? undefined : createMemo.get(memoKey);
  if (memoized !== undefined) return withManagedFields(newObject, memoized.managedFields);
  try {
    // A subresource write starts from the live entries, so its result follows from them and from what it changed.
    const subresourceWrite = live !== undefined && input.subresource ? subresourceWriteKey(input, live, newObject) : undefined;
    const known = subresourceWrite === undefined ? undefined : subresourceMemo.get(subresourceWrite.key);
    if (known !== undefined) return withManagedFields(newObject, known.managedFields);
    const sets = startingSets(input.subresource, live, updated, subresourceWrite?.entriesText);
    // skipnonapplied.go: only creates start tracking; an update of an untracked object stays untracked.
    if (sets.size === 0 && live !== undefined) {
      setManagedFields(newObject, sets);
      return newObject;
    }
    recordUpdate({
      live: live === undefined ? (input.listInfo.emptyObject?.() ?? {}) : withoutManagedFields(live),
      updated: newObject,
      sets,
      identity: {
        manager: input.manager === '' ? 'unknown' : input.manager,
        operation: ManagedFieldsOperation.Update,
        apiVersion: input.apiVersion,
        ...(input.subresource ? { subresource: input.subresource } : {}),
      },
      apiVersion: input.apiVersion,
      now: input.now,
      listInfo: input.listInfo,
      ...(subresourceWrite !== undefined ? { comparison: subresourceWrite.comparison } : {}),
    });
    capUpdateManagers(sets);
    setManagedFields(newObject, sets);
    if (memoKey !== undefined) createMemo.set(memoKey, managedFieldsOf(newObject));
    if (subresourceWrite !== undefined) subresourceMemo.set(subresourceWrite.key, managedFieldsOf(newObject));
    return newObject;
  } catch {
    const kept = live !== undefined && isJsonObject(live.metadata) ? live.metadata.managedFields : undefined;
    const metadata = isJsonObject(newObject.metadata) ? newObject.metadata : {};
    if (kept !== undefined) metadata.managedFields = copyJson(kept);
    if (kept !== undefined || newObject.metadata !== undefined) newObject.metadata = metadata;
    return newObject;
  }
}

const createMemo = new ManagedFieldsMemo();
const subresourceMemo = new ManagedFieldsMemo();

/** Everything a create's managedFields depend on (see create-memo.ts), or undefined when the object cannot be memoized. */
function createMemoKey(input: TrackUpdateInput, updated: JsonObject, newObject: JsonObject): string | undefined {
  const structure = structureSignature(newObject, input.listInfo);
  if (structure === undefined) return undefined;
  const sent = isJsonObject(updated.metadata) ? updated.metadata.managedFields : undefined;
  return `${input.memoKind}\n${input.manager}\n${input.apiVersion}\n${input.now}\n${sent === undefined ? '' : JSON.stringify(sent)}\n${structure}`;
}

/**
 * Everything a subresource write's managedFields depend on: the writer, the second, the live entries and the
 * fields the write changed and removed (not their values). Writes of one shape made in one second — a controller
 * recording the same step for hundreds of objects — share one result, for the cost of the comparison that the
 * bookkeeping needs anyway (returned with the key, as is the entries' JSON, so neither is made twice).
 */
function subresourceWriteKey(input: TrackUpdateInput, live: JsonObject, newObject: JsonObject): { key: string; comparison: Changes; entriesText: string } | undefined {
  const entries = managedFieldsOf(live);
  if (!Array.isArray(entries) || entries.length === 0) return undefined;
  const comparison = compareChanges(withoutManagedFields(live), newObject, input.listInfo);
  const changed = JSON.stringify(comparison.changed.toFieldsV1());
  const removed = JSON.stringify(comparison.removed.toFieldsV1());
  const entriesText = JSON.stringify(entries);
  const key = `${input.manager}\n${input.apiVersion}\n${input.subresource ?? ''}\n${input.now}\n${changed}\n${removed}\n${entriesText}`;
  return { key, comparison, entriesText };
}

function managedFieldsOf(object: JsonObject): unknown {
  return isJsonObject(object.metadata) ? object.metadata.managedFields : undefined;
}

/** The object with a memoized result applied as setManagedFields would have (undefined: no managedFields). */
function withManagedFields(object: JsonObject, entries: unknown): JsonObject {
  if (entries === undefined) return object;
  const metadata = isJsonObject(object.metadata) ? object.metadata : {};
  metadata.managedFields = entries;
  object.metadata = metadata;
  return object;
}

/**
 * A copy of the object and its metadata, the only parts this function changes: the result shares the rest
 * with `updated` (neither is modified afterwards), which saves a deep clone of every written object.
 */
function ownTopLevel(object: JsonObject): JsonObject {
  return isJsonObject(object.metadata) ? copyMembers(object, { metadata: copyMembers(object.metadata) }) : copyMembers(object);
}

/**
 * decodeLiveOrNew: subresource writes and clients that send none (or invalid ones) start from the live entries
 * (`liveEntriesText`: their JSON, when the caller already made it).
 */
function startingSets(subresource: string | undefined, live: JsonObject | undefined, updated: JsonObject, liveEntriesText?: string): ManagedSets {
  const liveEntries = live !== undefined && isJsonObject(live.metadata) ? live.metadata.managedFields : undefined;
  if (subresource) return decodeManagedFieldsOrEmpty(liveEntries, liveEntriesText);
  const sent = isJsonObject(updated.metadata) ? updated.metadata.managedFields : undefined;
  if (isResetManagedFields(sent)) return new Map();
  try {
    const decoded = decodeManagedFields(sent);
    if (decoded.size > 0) return decoded;
  } catch {
    // Invalid entries from the client: fall back to the live object's.
  }
  return decodeManagedFieldsOrEmpty(liveEntries);
}

/** `managedFields: []` or `[{}]` asks the server to drop all managedFields. */
function isResetManagedFields(entries: unknown): boolean {
  if (!Array.isArray(entries)) return false;
  return entries.length === 0 || (entries.length === 1 && jsonEqual(entries[0], {}));
}

/** Kubernetes' limit on field manager names (validation.FieldManagerMaxLength). */
export const fieldManagerMaxLength = 128;

/**
 * The manager of a write that names none: the user agent up to its first `/`, without unprintable
 * characters, cut to 128 bytes (`kubectl/v1.32.4 (linux/amd64) …` → `kubectl`;
 * `kubectl-client-side-apply/…` → `kubectl-client-side-apply`).
 */
export function defaultFieldManager(userAgent: string | undefined): string {
  const prefix = (userAgent ?? '').split('/')[0] ?? '';
  let out = '';
  let bytes = 0;
  for (const char of prefix) {
    if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(char)) continue;
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > fieldManagerMaxLength) break;
    out += char;
    bytes += size;
  }
  return out;
}
