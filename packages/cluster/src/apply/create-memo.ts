// A memo of the managedFields a create produces, keyed by everything they depend on: the object's structure, not its values.
//
// A create's managedFields come from comparing the new object with its kind's zero value: which fields exist,
// which are maps, lists or leaves, and the identity of list items (key fields, set values) — never a leaf's
// value, except null against the zero value's nulls. So pods from one template, created in the same
// second by the same manager, share one result. That walk is most of a create's CPU (see trackUpdate), while
// the structure signature below costs a fraction of it.
import { isJsonObject } from './json-values.js';
import { deepFreeze } from './managed-fields-memo.js';
import { ListType, type ListInfoProvider, type ListSemantics, type SchemaPath } from './list-info.js';

/** At most this many results are kept; a full memo starts over (a new second or a new template refills it). */
const capacity = 512;

/**
 * managedFields results by everything they depend on (a create's key here, a subresource write's in
 * track-update.ts). Results are deep-frozen and shared by every object that gets them: stored objects are encoded,
 * never changed in place, and a frozen value makes any code that tried fail loudly instead of corrupting others.
 */
export class ManagedFieldsMemo {
  readonly #results = new Map<string, { readonly managedFields: unknown }>();

  /** The managedFields recorded for `key` (`{ managedFields: undefined }`: the write has none), if any. */
  get(key: string): { readonly managedFields: unknown } | undefined {
    return this.#results.get(key);
  }

  /** Records `managedFields`, deep-frozen in place (the write that made them is stored as it is). */
  set(key: string, managedFields: unknown): void {
    if (this.#results.size >= capacity) this.#results.clear();
    this.#results.set(key, { managedFields: managedFields === undefined ? undefined : deepFreeze(managedFields) });
  }
}

/**
 * The structure of a JSON value as the create comparison sees it, or undefined when the value is something
 * the comparison rejects (then nothing is memoized). Member names and list-item identities are written as
 * JSON strings (self-delimiting), in the object's order: two orders of the same members make two
 * signatures, which only costs a miss.
 *
 *   structureSignature({ spec: { replicas: 2, ports: [{ port: 80 }] } }, serviceListInfo)
 *     → '{"spec"{"replicas"s"ports"[80,"TCP",{"port"s}]}}'
 */
export function structureSignature(value: unknown, listInfo: ListInfoProvider): string | undefined {
  return signatureOf(value, [], listInfo);
}

function signatureOf(value: unknown, schemaPath: SchemaPath, listInfo: ListInfoProvider): string | undefined {
  if (value === null) return 'n';
  if (Array.isArray(value)) return listSignature(value, schemaPath, listInfo);
  if (typeof value === 'object') return mapSignature(value as Record<string, unknown>, schemaPath, listInfo);
  return value === undefined ? undefined : 's';
}

function mapSignature(map: Record<string, unknown>, schemaPath: SchemaPath, listInfo: ListInfoProvider): string | undefined {
  let signature = '{';
  for (const key in map) {
    if (!Object.hasOwn(map, key)) continue;
    const child = map[key];
    const childSignature = typeof child === 'object' && child !== null
      ? signatureOf(child, [...schemaPath, key], listInfo)
      : signatureOf(child, schemaPath, listInfo);
    if (childSignature === undefined) return undefined;
    signature += JSON.stringify(key) + childSignature;
  }
  if (signature.length === 1) return 'e';
  return schemaPath.length > 0 && listInfo.mapAt(schemaPath).atomic ? 'a' : `${signature}}`;
}

function listSignature(list: readonly unknown[], schemaPath: SchemaPath, listInfo: ListInfoProvider): string | undefined {
  if (list.length === 0) return 'E';
  const semantics = listInfo.listAt(schemaPath);
  if (semantics.type === ListType.Atomic) return 'A';
  let signature = '[';
  for (const item of list) {
    const identity = itemIdentity(item, semantics);
    const itemSignature = identity === undefined ? undefined : signatureOf(item, schemaPath, listInfo);
    if (itemSignature === undefined) return undefined;
    signature += identity + itemSignature;
  }
  return `${signature}]`;
}

/**
 * What names a list item (list-items.ts listItemElement): its value in a set, its key fields' values (defaults
 * applied) in a map list, as JSON texts. Undefined for the items the comparison rejects.
 */
function itemIdentity(item: unknown, semantics: ListSemantics): string | undefined {
  if (semantics.type === ListType.Set) return typeof item === 'object' && item !== null ? undefined : JSON.stringify(item) ?? undefined;
  if (!isJsonObject(item)) return undefined;
  // Comma-separated: `1,23` and `12,3` must stay apart.
  let identity = '';
  for (const key of semantics.keys ?? []) {
    const value = Object.hasOwn(item, key.name) ? item[key.name] : key.default;
    if (value === undefined) return undefined;
    identity += `${JSON.stringify(value)},`;
  }
  return identity;
}
