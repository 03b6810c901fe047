// Field paths of server-side apply: path elements, their FieldsV1 keys (`f:`, `k:`, `v:`, `i:`), order and readable form.
//
// Semantics follow sigs.k8s.io/structured-merge-diff fieldpath/element.go, path.go and serialize-pe.go.
import { compareStrings, encodeGoJson, isJsonObject } from './json-values.js';

/** One field of an associative-list key: `{ name: 'port', value: 80 }`. */
export interface KeyField {
  readonly name: string;
  readonly value: unknown;
}

/** One step of a field path. */
export type PathElement =
  /** A member of a map or struct: `f:replicas`. */
  | { readonly kind: 'field'; readonly name: string }
  /** An item of an associative list, by its key fields (sorted by name): `k:{"name":"app"}`. */
  | { readonly kind: 'key'; readonly fields: readonly KeyField[] }
  /** An item of a set list, by value: `v:"example.com/finalizer"`. */
  | { readonly kind: 'value'; readonly value: unknown }
  /** An item of a list by position: `i:0` (rare: only for lists that are neither sets nor maps). */
  | { readonly kind: 'index'; readonly index: number };

/** A path from the object root: `[field spec, field ports, key {port:80,protocol:"TCP"}]`. */
export type FieldPath = readonly PathElement[];

export function fieldElement(name: string): PathElement {
  return { kind: 'field', name };
}

/**
 * A path as a chain from its last element back to the root, with each element's FieldsV1 key: walkers
 * extend it with one small object per step instead of copying an array (see `FieldSet.insertLink`).
 */
export interface PathLink {
  readonly parent: PathLink | undefined;
  readonly key: string;
  readonly element: PathElement;
}

/** `parent` extended by the field `name` (the element and key objects are shared per name). */
export function linkField(parent: PathLink | undefined, name: string): PathLink {
  return { parent, key: fieldKey(name), element: sharedFieldElement(name) };
}

/** `parent` extended by a list item's element (`key`: its FieldsV1 key, when the caller has it). */
export function linkElement(parent: PathLink | undefined, element: PathElement, key: string = serializePathElement(element)): PathLink {
  return { parent, key, element };
}

/** The elements of a linked path, root first. */
export function pathOfLink(link: PathLink | undefined): FieldPath {
  const path: PathElement[] = [];
  for (let at = link; at !== undefined; at = at.parent) path.push(at.element);
  return path.reverse();
}

/** A key element; the fields are sorted by name, as upstream stores them. */
export function keyElement(fields: readonly KeyField[]): PathElement {
  return { kind: 'key', fields: [...fields].sort((a, b) => compareStrings(a.name, b.name)) };
}

export function valueElement(value: unknown): PathElement {
  return { kind: 'value', value };
}

export function indexElement(index: number): PathElement {
  return { kind: 'index', index };
}

/** The FieldsV1 key of an element: `f:name`, `k:{"port":80,"protocol":"TCP"}`, `v:"x"`, `i:3`. */
export function serializePathElement(element: PathElement): string {
  switch (element.kind) {
    case 'field': return fieldKey(element.name);
    case 'index': return `i:${element.index}`;
    default: {
      // Key and value elements are serialized once per element object (paths share their prefix elements).
      let key = serializedElements.get(element);
      if (key === undefined) {
        key = element.kind === 'key'
          ? `k:{${element.fields.map((field) => `${encodeGoJson(field.name)}:${encodeGoJson(field.value)}`).join(',')}}`
          : `v:${encodeGoJson(element.value)}`;
        serializedElements.set(element, key);
      }
      return key;
    }
  }
}

const serializedElements = new WeakMap<PathElement, string>();

/** `f:<name>`, the same string object for the same name, so map lookups by it reuse its cached hash. */
function fieldKey(name: string): string {
  let key = fieldKeys.get(name);
  if (key === undefined) {
    if (fieldKeys.size >= maxFieldKeys) fieldKeys.clear();
    key = `f:${name}`;
    fieldKeys.set(name, key);
  }
  return key;
}

const fieldKeys = new Map<string, string>();
const maxFieldKeys = 20_000;

/** One frozen field element per name (elements are never modified), bounded like `fieldKeys`. */
function sharedFieldElement(name: string): PathElement {
  let element = fieldElements.get(name);
  if (element === undefined) {
    if (fieldElements.size >= maxFieldKeys) fieldElements.clear();
    element = Object.freeze(fieldElement(name));
    fieldElements.set(name, element);
  }
  return element;
}

const fieldElements = new Map<string, PathElement>();

/** Thrown for a FieldsV1 key that cannot be read. */
export class PathElementSyntaxError extends Error {
  override readonly name = 'PathElementSyntaxError';
  readonly key: string;

  constructor(key: string, detail: string) {
    super(`invalid managedFields key ${JSON.stringify(key)}: ${detail}`);
    this.key = key;
  }
}

/**
 * Reads a FieldsV1 key. Returns undefined for a well-formed key of a kind this version does not know
 * (upstream drops those too); throws PathElementSyntaxError for malformed keys.
 */
export function parsePathElement(key: string): PathElement | undefined {
  if (key.length < 2 || key[1] !== ':') throw new PathElementSyntaxError(key, 'missing colon');
  const body = key.slice(2);
  switch (key[0]) {
    case 'f': return fieldElement(body);
    case 'v': return valueElement(parseJson(key, body));
    case 'k': {
      const parsed = parseJson(key, body);
      if (!isJsonObject(parsed)) throw new PathElementSyntaxError(key, 'a key must be a JSON object');
      return keyElement(Object.entries(parsed).map(([name, value]) => ({ name, value })));
    }
    case 'i': {
      if (!/^-?\d+$/.test(body)) throw new PathElementSyntaxError(key, 'an index must be an integer');
      return indexElement(Number(body));
    }
    default: return undefined;
  }
}

function parseJson(key: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err: unknown) {
    throw new PathElementSyntaxError(key, err instanceof Error ? err.message : String(err));
  }
}

const kindRank = { field: 0, key: 1, value: 2, index: 3 } as const;

/** The total order upstream sorts elements by: fields (by name), then keys, then values, then indices. */
export function comparePathElements(a: PathElement, b: PathElement): number {
  if (a.kind !== b.kind) return kindRank[a.kind] - kindRank[b.kind];
  switch (a.kind) {
    case 'field': return compareStrings(a.name, (b as typeof a).name);
    case 'key': return compareKeyFields(a.fields, (b as typeof a).fields);
    case 'value': return compareValues(a.value, (b as typeof a).value);
    case 'index': return Math.sign(a.index - (b as typeof a).index);
  }
}

function compareKeyFields(a: readonly KeyField[], b: readonly KeyField[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const left = a[i] as KeyField;
    const right = b[i] as KeyField;
    const byName = compareStrings(left.name, right.name);
    if (byName !== 0) return byName;
    const byValue = compareValues(left.value, right.value);
    if (byValue !== 0) return byValue;
  }
  return Math.sign(a.length - b.length);
}

function valueRank(value: unknown): number {
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return 1;
  if (typeof value === 'boolean') return 2;
  if (Array.isArray(value)) return 3;
  if (isJsonObject(value)) return 4;
  return 5;
}

/** structured-merge-diff value.Compare: numbers < strings < booleans < lists < maps < null. */
export function compareValues(a: unknown, b: unknown): number {
  const rank = valueRank(a) - valueRank(b);
  if (rank !== 0) return Math.sign(rank);
  if (typeof a === 'number') return Math.sign(a - (b as number));
  if (typeof a === 'string') return compareStrings(a, b as string);
  if (typeof a === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    for (let i = 0; i < Math.min(a.length, other.length); i++) {
      const byItem = compareValues(a[i], other[i]);
      if (byItem !== 0) return byItem;
    }
    return Math.sign(a.length - other.length);
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const fields = (value: Record<string, unknown>): KeyField[] =>
      Object.keys(value).sort(compareStrings).map((name) => ({ name, value: value[name] }));
    return compareKeyFields(fields(a), fields(b));
  }
  return 0;
}

export function pathElementsEqual(a: PathElement, b: PathElement): boolean {
  return comparePathElements(a, b) === 0;
}

/**
 * The readable form used in conflict messages and Status causes:
 * `.spec.replicas`, `.spec.ports[port=80,protocol="TCP"].targetPort`, `.metadata.finalizers[="a"]`.
 */
export function describeFieldPath(path: FieldPath): string {
  return path.map(describePathElement).join('');
}

export function describePathElement(element: PathElement): string {
  switch (element.kind) {
    case 'field': return `.${element.name}`;
    case 'key': return `[${element.fields.map((field) => `${field.name}=${describeValue(field.value)}`).join(',')}]`;
    case 'value': return `[=${describeValue(element.value)}]`;
    case 'index': return `[${element.index}]`;
  }
}

/** structured-merge-diff value.ToString: strings quoted, lists bracketed, maps as `k=v` runs. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(describeValue).join(',')}]`;
  if (isJsonObject(value)) {
    return Object.keys(value).sort(compareStrings).map((key) => `${key}=${describeValue(value[key])}`).join('');
  }
  return String(value);
}
