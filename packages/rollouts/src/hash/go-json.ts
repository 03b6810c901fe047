// A JSON encoder that writes objects the way Go's encoding/json writes the matching k8s/argoproj structs.
// Best effort: struct fields in Go declaration order, omitempty, sorted map keys, HTML-safe string escapes.
import { goStructFields } from './go-struct-fields.js';

interface FieldSpec {
  name: string;
  omitEmpty: boolean;
  type: string;
  inline: boolean;
}

const parsedStructs = new Map<string, FieldSpec[]>();

/** The fields of a Go struct, parsed once from the compact table. */
function structFields(structName: string): FieldSpec[] | undefined {
  const cached = parsedStructs.get(structName);
  if (cached) return cached;
  const text = goStructFields[structName];
  if (text === undefined) return undefined;
  const fields = text.split(' ').map((token): FieldSpec => {
    if (token.startsWith('...')) return { name: '', omitEmpty: false, type: token.slice(3), inline: true };
    const colon = token.indexOf(':');
    const rawName = token.slice(0, colon);
    const omitEmpty = rawName.endsWith('?');
    return { name: omitEmpty ? rawName.slice(0, -1) : rawName, omitEmpty, type: token.slice(colon + 1), inline: false };
  });
  parsedStructs.set(structName, fields);
  return fields;
}

/** Go's encoder escapes <, > and & (and the JS line separators) inside strings. */
function encodeString(value: string): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * resource.Quantity marshals to its canonical string. Strings are kept as written (users almost always
 * write canonical forms such as `500m` or `128Mi`); bare numbers become `1` or `500m`.
 */
function canonicalQuantity(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    const milli = Math.round(value * 1000);
    return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
  }
  if (typeof value === 'string' && /^\d*\.\d+$/.test(value)) return canonicalQuantity(Number(value));
  return String(value);
}

/** Encodes a value whose Go type we do not know: objects keep their (server-given) key order. */
function encodeUntyped(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return encodeString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(encodeUntyped).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${encodeString(k)}:${encodeUntyped(v)}`).join(',')}}`;
}

function encodeMap(value: unknown, quantities: boolean): string {
  if (value === undefined || value === null) return 'null';
  const keys = Object.keys(value as Record<string, unknown>).sort();
  const record = value as Record<string, unknown>;
  const parts = keys.map((key) => `${encodeString(key)}:${quantities ? encodeString(canonicalQuantity(record[key])) : encodeUntyped(record[key])}`);
  return `{${parts.join(',')}}`;
}

/** Go's omitempty: false, 0, "", nil pointer, empty slice or map are left out. Struct values never are. */
function isEmptyForOmit(value: unknown, type: string): boolean {
  if (value === undefined || value === null) return true;
  if (type.startsWith('*')) return false;
  if (type.startsWith('[]') || type === 'map' || type === 'qmap') {
    return Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.keys(value).length === 0;
  }
  if (type === 's') return value === '';
  if (type === 'n') return value === 0;
  if (type === 'b') return value === false;
  return false;
}

/** The Go zero value of a type, as written when the field is absent and not omitempty. */
function zeroValue(type: string): string {
  if (type === 's') return '""';
  if (type === 'n') return '0';
  if (type === 'b') return 'false';
  if (goStructFields[type] !== undefined) return encodeTyped({}, type);
  return 'null';
}

function appendStructFields(out: string[], record: Record<string, unknown>, structName: string, known: Set<string>): void {
  for (const field of structFields(structName) ?? []) {
    if (field.inline) {
      appendStructFields(out, record, field.type, known);
      continue;
    }
    known.add(field.name);
    const value = record[field.name];
    const isStructValue = goStructFields[field.type] !== undefined;
    // A non-pointer metav1.Time is `omitzero` (creationTimestamp): absent means left out.
    if (field.type === 't' && (value === undefined || value === null)) continue;
    if (field.omitEmpty && !isStructValue && isEmptyForOmit(value, field.type)) continue;
    const encoded = value === undefined || value === null ? zeroValue(field.type) : encodeTyped(value, field.type);
    out.push(`${encodeString(field.name)}:${encoded}`);
  }
}

/** Encodes `value` as Go would encode a value of `type` (a struct name from the table, or a type code). */
export function encodeTyped(value: unknown, type: string): string {
  if (type.startsWith('*')) return value === undefined || value === null ? 'null' : encodeTyped(value, type.slice(1));
  if (type.startsWith('[]')) {
    if (!Array.isArray(value)) return value === undefined || value === null ? 'null' : encodeUntyped(value);
    return `[${value.map((item) => encodeTyped(item, type.slice(2))).join(',')}]`;
  }
  switch (type) {
    case 's':
      return encodeString(value === undefined || value === null ? '' : String(value));
    case 'n':
    case 'b':
    case 't':
    case 'ios':
    case 'raw':
      return encodeUntyped(value);
    case 'q':
      return encodeString(canonicalQuantity(value));
    case 'map':
      return encodeMap(value, false);
    case 'qmap':
      return encodeMap(value, true);
    default:
      break;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || structFields(type) === undefined) return encodeUntyped(value);
  const record = value as Record<string, unknown>;
  const out: string[] = [];
  const known = new Set<string>();
  appendStructFields(out, record, type, known);
  // Fields this table does not know (a newer API) still count, in the order the server sent them.
  for (const [key, extra] of Object.entries(record)) {
    if (!known.has(key) && extra !== undefined) out.push(`${encodeString(key)}:${encodeUntyped(extra)}`);
  }
  return `{${out.join(',')}}`;
}
