// Ownership bookkeeping shared by apply and update: who loses fields a write changed, and recording an Update manager.
//
// Follows structured-merge-diff merge/update.go (`update`, `Update`) and apimachinery's
// managedfieldsupdater.go (the acting manager's set is merged with its previous one; its time moves only
// when it took fields).
import { compareChanges } from './compare.js';
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
}): { readonly conflicts: Conflict[]; readonly changed: FieldSet } {
  const { changed, removed } = compareChanges(options.live, options.updated, options.listInfo);
  const conflicts: Conflict[] = [];
  const taken = new Map<string, ReturnType<typeof changed.intersection>>();
  for (const [key, managed] of options.sets) {
    if (key === options.actingKey) continue;
    const owned = managed.set.intersection(changed);
    if (owned.isEmpty()) continue;
    taken.set(key, owned);
    for (const path of owned.paths()) conflicts.push(makeConflict(managed.identity, path));
  }
  if (conflicts.length > 0 && !options.force) return { conflicts: sortConflicts(conflicts), changed };
  for (const [key, managed] of options.sets) {
    if (key === options.actingKey) continue;
    const owned = taken.get(key) ?? managed.set.intersection(changed);
    const lostRemoved = removed.isEmpty() ? removed : managed.set.intersection(removed);
    // A manager that loses nothing keeps its set as it is (the same instance: its FieldsV1 is already encoded).
    if (owned.isEmpty() && lostRemoved.isEmpty()) continue;
    options.sets.set(key, { ...managed, set: managed.set.difference(owned.union(lostRemoved)) });
  }
  dropEmptySets(options.sets);
  return { conflicts: [], changed };
}

/**
 * Records a non-apply write by `identity`: every other manager loses the fields the write changed or
 * removed; the writer gains the fields it changed or added (minus server-set metadata), keeping what it
 * owned before, and its entry's time becomes `now`. A write that changes nothing leaves the writer's entry as is.
 */
export function recordUpdate(options: {
  readonly live: JsonObject;
  readonly updated: JsonObject;
  readonly sets: ManagedSets;
  readonly identity: ManagerIdentity;
  readonly apiVersion: string;
  readonly now: string;
  readonly listInfo: ListInfoProvider;
}): void {
  const { sets, identity } = options;
  const { changed } = reassignOwnership({ ...options, actingKey: '', force: true });
  const gained = removeMetaFields(changed);
  if (gained.isEmpty()) return;
  const key = managerKey(identity);
  const previous = sets.get(key);
  // Taking fields it already owns leaves the writer's set as it was (the same instance); its time still moves.
  const set = previous === undefined ? gained : gained.difference(previous.set).isEmpty() ? previous.set : gained.union(previous.set);
  sets.set(key, { identity, apiVersion: options.apiVersion, set, time: options.now });
}
