// Small helpers on decoded JSON for server-side apply: shape tests, deep equality, cloning and Go-style encoding.

export type JsonObject = Record<string, unknown>;

/** A JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An empty object or an empty array. */
export function isEmptyContainer(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && Object.keys(value).length === 0;
}

/** Deep equality of decoded JSON: same types, same array order, same members (in any order). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return false;
}



/**
 * JSON as Go's encoding/json writes it: object keys sorted, and `<`, `>`, `&`, U+2028 and U+2029 escaped.
 * Used where Kubernetes output is byte-compared: FieldsV1 keys (`k:{"name":"app"}`) and the
 * last-applied-configuration annotation.
 */
export function encodeGoJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return encodeGoString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map((item) => encodeGoJson(item)).join(',')}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort(compareStrings);
    return `{${keys.map((key) => `${encodeGoString(key)}:${encodeGoJson(value[key])}`).join(',')}}`;
  }
  return 'null';
}

const goEscaped = /[<>&\u2028\u2029]/;
const goEscapedAll = /[<>&\u2028\u2029]/g;

function encodeGoString(text: string): string {
  const json = JSON.stringify(text);
  if (!goEscaped.test(json)) return json;
  return json.replace(goEscapedAll, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Byte-wise (UTF-8) string order, as Go's `strings.Compare`. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const shorter = Math.min(a.length, b.length);
  let i = 0;
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // A proper prefix sorts first in UTF-8 too (a trailing lone surrogate encodes as EF BF BD, below any 4-byte lead).
  if (i === shorter) return a.length < b.length ? -1 : 1;
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  // Below the surrogates, UTF-16 order equals UTF-8 order; past them the two orders can differ.
  if (x < 0xd800 && y < 0xd800) return x < y ? -1 : 1;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
