// Memos for managedFields bookkeeping across writes of one object: its decoded sets by their JSON, and each set's FieldsV1.
//
// Every write decodes the live object's managedFields and encodes the new ones; the next write of the object
// decodes exactly what the last one encoded. So encoding records the sets under the text of the entries it
// produced, and decoding that text again costs a JSON.stringify and a lookup instead of parsing every FieldsV1.
// The sets are never changed after they are recorded (set algebra returns new sets), so they can be shared.
import type { FieldSet } from './field-set.js';

/** Decoded lists kept: about one per object being written (a full memo starts over), each with its FieldSets. */
const capacity = 1_024;
const decodedByText = new Map<string, ReadonlyMap<string, unknown>>();

/** A fresh Map of the sets recorded for this managedFields JSON (the caller may change the Map), if any. */
export function recallDecoded<Set>(text: string): Map<string, Set> | undefined {
  const known = decodedByText.get(text) as ReadonlyMap<string, Set> | undefined;
  return known === undefined ? undefined : new Map(known);
}

/** Records the sets a managedFields JSON decodes to (a copy of the Map; the sets themselves are shared). */
export function rememberDecoded(text: string, sets: ReadonlyMap<string, unknown>): void {
  if (decodedByText.size >= capacity) decodedByText.clear();
  decodedByText.set(text, new Map(sets));
}

const fieldsV1BySet = new WeakMap<FieldSet, Record<string, unknown>>();

/**
 * The set's FieldsV1, made once per set and shared, deep-frozen: stored objects are encoded and never changed in
 * place, and a frozen value makes code that tried fail loudly instead of changing other objects.
 */
export function sharedFieldsV1(set: FieldSet): Record<string, unknown> {
  let fieldsV1 = fieldsV1BySet.get(set);
  if (fieldsV1 === undefined) {
    fieldsV1 = deepFreeze(set.toFieldsV1());
    fieldsV1BySet.set(set, fieldsV1);
  }
  return fieldsV1;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
