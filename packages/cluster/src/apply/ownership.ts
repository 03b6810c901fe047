// Ownership bookkeeping shared by apply and update: who loses fields a write changed, and recording an Update manager.
//
// Follows structured-merge-diff merge/update.go (`update`, `Update`) and apimachinery's
// managedfieldsupdater.go (the acting manager's set is merged with its previous one; its time moves only
// when it took fields).
import { compareChanges, type Changes } from './compare.js';
import { makeConflict, sortConflicts, type Conflict } from './conflicts.js';
import type { FieldSet } from './field-set.js';
import type { JsonObject } from './json-values.js';
import type { ListInfoProvider } from './list-info.js';
import { dropEmptySets, managerKey, removeMetaFields, type ManagedSets, type ManagerIdentity } from './managed-fields.js';

/**
 * Compares `live` with `updated` and takes every changed, added or removed field away from every manager
 * but `actingKey`. Without `force`, a changed or added field another manager owns is a conflict: the
 * conflicts are returned and `sets` is left untouched.
 */
export function reassignOwnership(options: {
  readonly live: JsonObject;
  readonly updated: JsonObject;
  readonly sets: ManagedSets;
  readonly actingKey: string;
  readonly force: boolean;
  readonly listInfo: ListInfoProvider;
  /** compareChanges(live, updated) when the caller already made it (its sets are consumed). */
  readonly comparison?: Changes;
}): { readonly conflicts: Conflict[]; readonly changed: FieldSet; readonly removed: FieldSet } {
  const { changed, removed } = options.comparison ?? compareChanges(options.live, options.updated, options.listInfo);
  const conflicts: Conflict[] = [];
  const taken = new Map<string, ReturnType<typeof changed.intersection>>();
  for (const [key, managed] of options.sets) {
    if (key === options.actingKey) continue;
    const owned = managed.set.intersection(changed);
    if (owned.isEmpty()) continue;
    taken.set(key, owned);
    for (const path of owned.paths()) conflicts.push(makeConflict(managed.identity, path));
  }
  if (conflicts.length > 0 && !options.force) return { conflicts: sortConflicts(conflicts), changed, removed };
  for (const [key, managed] of options.sets) {
    if (key === options.actingKey) continue;
    const owned = taken.get(key) ?? managed.set.intersection(changed);
    const lostRemoved = removed.isEmpty() ? removed : managed.set.intersection(removed);
    // A manager that loses nothing keeps its set as it is (the same instance: its FieldsV1 is already encoded).
    if (owned.isEmpty() && lostRemoved.isEmpty()) continue;
    options.sets.set(key, { ...managed, set: managed.set.difference(owned.union(lostRemoved)) });
  }
  dropEmptySets(options.sets);
  return { conflicts: [], changed, removed };
}

/**
 * Records a non-apply write by `identity`: every other manager loses the fields the write changed or
 * removed; the writer loses the fields it removed and gains the fields it changed or added (minus server-set
 * metadata), keeping what it owned before, and its entry's time becomes `now`. A write that changes nothing
 * leaves the writer's entry as is.
 */
export function recordUpdate(options: {
  readonly live: JsonObject;
  readonly updated: JsonObject;
  readonly sets: ManagedSets;
  readonly identity: ManagerIdentity;
  readonly apiVersion: string;
  readonly now: string;
  readonly listInfo: ListInfoProvider;
  /** compareChanges(live, updated) when the caller already made it (its sets are consumed). */
  readonly comparison?: Changes;
}): void {
  const { sets, identity } = options;
  const key = managerKey(identity);
  const { changed, removed } = reassignOwnership({ ...options, actingKey: key, force: true });
  const previous = sets.get(key);
  // Upstream's Updater.Update: the writer's set minus what was removed, plus what was modified or added.
  let set = previous?.set;
  if (set !== undefined && !removed.isEmpty()) {
    const lost = set.intersection(removed);
    if (!lost.isEmpty()) set = set.difference(lost);
  }
  const gained = removeMetaFields(changed);
  if (gained.isEmpty()) {
    if (previous !== undefined && set !== previous.set) sets.set(key, { ...previous, set: set as FieldSet });
    dropEmptySets(sets);
    return;
  }
  // Taking fields it already owns leaves the writer's set as it was (the same instance, whose FieldsV1 is
  // already encoded); its time still moves.
  set = set === undefined ? gained : gained.difference(set).isEmpty() ? set : gained.union(set);
  sets.set(key, { identity, apiVersion: options.apiVersion, set, time: options.now });
}
