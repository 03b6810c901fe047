// Identity of list items: the path element of an item of a set list (its value) or a map list (its key fields).
//
// Follows structured-merge-diff typed/helpers.go listItemToPathElement, including key-field defaults.
import { ApplyInputError } from './apply-error.js';
import { isJsonObject } from './json-values.js';
import { ListType, type ListSemantics } from './list-info.js';
import {
  describeFieldPath,
  indexElement,
  keyElement,
  serializePathElement,
  valueElement,
  type FieldPath,
  type KeyField,
  type PathElement,
} from './path-element.js';

/** The element naming `item` (at `index` of the list at `listPath`). Throws ApplyInputError for malformed items. */
export function listItemElement(options: {
  readonly item: unknown;
  readonly index: number;
  readonly list: ListSemantics;
  readonly listPath: FieldPath;
}): PathElement {
  const { item, index, list, listPath } = options;
  if (list.type === ListType.Atomic) return indexElement(index);
  if (list.type === ListType.Set) {
    if (typeof item === 'object' && item !== null) {
      throw itemError(listPath, index, `associative list without keys has an element that's a ${Array.isArray(item) ? 'list' : 'map'} type`);
    }
    return valueElement(item);
  }
  if (!isJsonObject(item)) throw itemError(listPath, index, 'associative list with keys has an element that is not a map type');
  const fields: KeyField[] = [];
  for (const key of list.keys ?? []) {
    const value = Object.hasOwn(item, key.name) ? item[key.name] : key.default;
    if (value === undefined) {
      throw itemError(listPath, index, `associative list with keys has an element that omits key field ${JSON.stringify(key.name)} (and doesn't have default value)`);
    }
    fields.push({ name: key.name, value });
  }
  return keyElement(fields);
}

/** One list's items, indexed by element key: order of first appearance, and how many items share each key. */
export interface IndexedList {
  /** Unique element keys in order of first appearance. */
  readonly order: string[];
  /** The element key of each item, by position (duplicates repeat). */
  readonly positions: string[];
  readonly elements: Map<string, PathElement>;
  /** Every item with that key, in list order (more than one means duplicates). */
  readonly items: Map<string, unknown[]>;
}

export function indexListItems(options: {
  readonly list: readonly unknown[] | undefined;
  readonly semantics: ListSemantics;
  readonly listPath: FieldPath;
}): IndexedList {
  const indexed: IndexedList = { order: [], positions: [], elements: new Map(), items: new Map() };
  (options.list ?? []).forEach((item, index) => {
    const element = listItemElement({ item, index, list: options.semantics, listPath: options.listPath });
    const key = serializePathElement(element);
    indexed.positions.push(key);
    const existing = indexed.items.get(key);
    if (existing) {
      existing.push(item);
    } else {
      indexed.order.push(key);
      indexed.elements.set(key, element);
      indexed.items.set(key, [item]);
    }
  });
  return indexed;
}

function itemError(listPath: FieldPath, index: number, detail: string): ApplyInputError {
  return new ApplyInputError({ message: `${describeFieldPath(listPath)}: element ${index}: ${detail}`, statusCode: 500 });
}
