// serverSideApply: merges an applied configuration (`application/apply-patch+yaml`) into the live object and its managedFields.
//
// The pipeline of k8s.io/apimachinery pkg/util/managedfields (fieldmanager.go's default stack) over
// structured-merge-diff merge/update.go `Apply`: merge, take ownership of the applied set, prune what the
// manager applied last time but no longer does (unless someone else owns it), detect conflicts, record.
import { copyJson } from '@aviary/kube';
import { ApplyInputError } from './apply-error.js';
import { copyMembers, copyMembersExcept } from '../json/copy-members.js';
import type { Conflict } from './conflicts.js';
import { fieldSetOf, withNamedFieldsAsMembers } from './field-set-of.js';
import { FieldSet } from './field-set.js';
import { isJsonObject, jsonEqual, type JsonObject } from './json-values.js';
import { allowedConflictsFromLastApplied, kubectlApplyManager, refreshLastApplied } from './last-applied.js';
import type { ListInfoProvider } from './list-info.js';
import {
  decodeManagedFieldsOrEmpty,
  encodeManagedFields,
  ManagedFieldsOperation,
  managerKey,
  stripMetaFields,
  type ManagedSets,
  type ManagerIdentity,
} from './managed-fields.js';
import { mergeApplied } from './merge.js';
import { reassignOwnership, recordUpdate } from './ownership.js';
import { removeFieldSet } from './remove-fields.js';

export interface ServerSideApplyInput {
  /** The stored object; absent when the apply creates it. */
  readonly live?: object;
  /** The applied configuration (the decoded request body). */
  readonly applied: object;
  /** The `fieldManager` query parameter (required by the server for apply; '' becomes "unknown"). */
  readonly manager: string;
  /** The `force` query parameter: take conflicting fields instead of failing. */
  readonly force: boolean;
  /** RFC 3339 time for the manager's managedFields entry. */
  readonly now: string;
  /** The apiVersion of the request URL; the applied configuration must use it. */
  readonly apiVersion: string;
  readonly subresource?: string;
  readonly listInfo: ListInfoProvider;
}

export interface ServerSideApplyResult {
  /** The object to store (metadata.managedFields updated); with conflicts, an unchanged copy of the live object. */
  readonly object: Record<string, unknown>;
  /** Non-empty when the apply failed: answer 409 with `conflictError(conflicts)`. */
  readonly conflicts: readonly Conflict[];
}

/** The Update manager that takes ownership of everything on an object that has no managedFields yet. */
export const beforeFirstApplyManager = 'before-first-apply';

/**
 *   serverSideApply({ live: undefined, applied: deployment, manager: 'kubectl', force: false,
 *                     now: '2025-01-01T00:00:00Z', apiVersion: 'apps/v1', listInfo })
 *     → { object: deployment + managedFields [{ manager: 'kubectl', operation: 'Apply', … }], conflicts: [] }
 *
 * Throws ApplyInputError for a configuration Kubernetes rejects before merging (managedFields set, wrong
 * apiVersion, duplicate list keys, list items missing their key).
 */
export function serverSideApply(input: ServerSideApplyInput): ServerSideApplyResult {
  const applied = validateApplied(input);
  const live = input.live === undefined ? undefined : (copyJson(input.live) as JsonObject);
  const liveObject = live === undefined ? {} : withoutManagedFields(live);
  const identity: ManagerIdentity = {
    manager: input.manager === '' ? 'unknown' : input.manager,
    operation: ManagedFieldsOperation.Apply,
    ...(input.subresource ? { subresource: input.subresource } : {}),
  };
  const sets = live === undefined ? new Map() as ManagedSets : decodeManagedFieldsOrEmpty(managedFieldsOf(live));
  if (sets.size === 0 && live !== undefined) {
    // skipnonapplied.go: an object nobody tracked yet is first owned, as it is, by "before-first-apply".
    recordUpdate({
      live: input.listInfo.emptyObject?.() ?? {},
      updated: liveObject,
      sets,
      identity: { manager: beforeFirstApplyManager, operation: ManagedFieldsOperation.Update, apiVersion: input.apiVersion },
      apiVersion: input.apiVersion,
      now: input.now,
      listInfo: input.listInfo,
    });
  }

  const attempt = (force: boolean): ApplyAttempt =>
    applyOnce({ live: liveObject, applied, sets: new Map(sets), identity, force, input });
  let outcome = attempt(input.force);
  if (outcome.conflicts.length > 0 && identity.manager === kubectlApplyManager && live !== undefined) {
    const allowed = allowedConflictsFromLastApplied({ live, apiVersion: input.apiVersion, listInfo: input.listInfo });
    if (allowed !== undefined) {
      const remaining = outcome.conflicts.filter((conflict) => !allowed.has(conflict.path));
      outcome = remaining.length === 0 ? attempt(true) : { ...outcome, conflicts: remaining };
    }
  }
  if (outcome.conflicts.length > 0) return { object: live ?? {}, conflicts: outcome.conflicts };

  const object = outcome.object;
  if (identity.manager === kubectlApplyManager) refreshLastApplied(object, applied);
  setManagedFields(object, outcome.sets);
  return { object, conflicts: [] };
}

interface ApplyAttempt {
  readonly object: JsonObject;
  readonly sets: ManagedSets;
  readonly conflicts: Conflict[];
}

function applyOnce(options: {
  readonly live: JsonObject;
  readonly applied: JsonObject;
  readonly sets: ManagedSets;
  readonly identity: ManagerIdentity;
  readonly force: boolean;
  readonly input: ServerSideApplyInput;
}): ApplyAttempt {
  const { live, applied, sets, identity, input } = options;
  const listInfo = input.listInfo;
  const key = managerKey(identity);
  const previous = sets.get(key);
  const appliedSet = fieldSetOf(applied, listInfo);
  sets.set(key, { identity, apiVersion: input.apiVersion, set: appliedSet, ...(previous?.time ? { time: previous.time } : {}) });

  let merged = mergeApplied(live, applied, listInfo);
  if (previous !== undefined && !previous.set.isEmpty()) merged = pruneUnapplied({ merged, lastSet: previous.set, sets, listInfo });

  const { conflicts } = reassignOwnership({ live, updated: merged, sets, actingKey: key, force: options.force, listInfo });
  if (conflicts.length > 0) return { object: merged, sets, conflicts };

  const changed = !jsonEqual(live, merged);
  const owned = stripMetaFields(appliedSet);
  if (owned.isEmpty()) {
    sets.delete(key);
  } else {
    // managedfieldsupdater.go: the time moves only when the apply changed the object.
    const time = changed ? input.now : previous?.time;
    sets.set(key, { identity, apiVersion: input.apiVersion, set: owned, ...(time !== undefined ? { time } : {}) });
  }
  return { object: merged, sets, conflicts: [] };
}

/**
 * Removes what the manager applied last time but not this time, unless some manager (this one's new
 * configuration included) still owns it (update.go `prune`, `addBackOwnedItems`, `addBackDanglingItems`).
 */
function pruneUnapplied(options: {
  readonly merged: JsonObject;
  readonly lastSet: FieldSet;
  readonly sets: ManagedSets;
  readonly listInfo: ListInfoProvider;
}): JsonObject {
  let owned = new FieldSet();
  for (const managed of options.sets.values()) owned = owned.union(managed.set);
  const last = withNamedFieldsAsMembers(options.lastSet, options.listInfo);
  const stillOwned = withNamedFieldsAsMembers(owned, options.listInfo);
  const toRemove = last.difference(stillOwned);
  return toRemove.isEmpty() ? options.merged : removeFieldSet(options.merged, toRemove, options.listInfo);
}

function validateApplied(input: ServerSideApplyInput): JsonObject {
  if (!isJsonObject(input.applied)) {
    throw new ApplyInputError({ message: 'the applied configuration must be a JSON object', statusCode: 400 });
  }
  const applied = copyJson(input.applied);
  const metadata = applied.metadata;
  if (isJsonObject(metadata) && metadata.managedFields !== undefined) {
    throw new ApplyInputError({ message: 'metadata.managedFields must be nil', statusCode: 400 });
  }
  const version = typeof applied.apiVersion === 'string' ? applied.apiVersion : '';
  if (version !== input.apiVersion) {
    throw new ApplyInputError({
      message: `Incorrect version specified in apply patch. Specified patch version: ${version}, expected: ${input.apiVersion}`,
      statusCode: 400,
    });
  }
  return applied;
}

function managedFieldsOf(object: JsonObject): unknown {
  return isJsonObject(object.metadata) ? object.metadata.managedFields : undefined;
}

/** A copy of `object` without metadata.managedFields. */
export function withoutManagedFields(object: JsonObject): JsonObject {
  if (!isJsonObject(object.metadata) || !Object.hasOwn(object.metadata, 'managedFields')) return object;
  return copyMembers(object, { metadata: copyMembersExcept(object.metadata, 'managedFields') });
}

/** Writes the encoded sets into metadata.managedFields (removing it when no manager is left). */
export function setManagedFields(object: JsonObject, sets: ManagedSets): void {
  const entries = encodeManagedFields(sets);
  const metadata = isJsonObject(object.metadata) ? object.metadata : {};
  if (entries.length > 0) metadata.managedFields = entries;
  else delete metadata.managedFields;
  if (entries.length > 0 || object.metadata !== undefined) object.metadata = metadata;
}
