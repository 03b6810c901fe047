// JSON value types and the small value helpers the strategic merge engine shares: shape tests and identity.

export type JsonScalar = string | number | boolean | null;
export type JsonValue = JsonScalar | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isJsonScalar(value: unknown): value is JsonScalar {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * A string that is equal for two values exactly when Go's `==` on decoded JSON would call them equal:
 * same type and same value (80 and "80" differ). Used to match merge keys and dedupe primitive lists.
 */
export function identityOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string': return `s:${value}`;
    case 'number': return `n:${value}`;
    case 'boolean': return `b:${value}`;
    default: return `j:${JSON.stringify(value)}`;
  }
}

/** A short description of a value's JSON type, for error messages. */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'map';
  return typeof value;
}
