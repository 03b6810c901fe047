// How upstream prints a field error's bad value (apimachinery v0.34 field.Error.ErrorBody), so messages match.

/**
 * A bad value, tagged with the Go type it has upstream: int and bool values print plainly, Go strings
 * quoted (`%q`), and everything else (IntOrString, maps, structs, nil pointers) as JSON.
 */
export type GoValue =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'map'; readonly value: Readonly<Record<string, string>> | null };

export const goNumber = (value: number): GoValue => ({ kind: 'number', value });
export const goBool = (value: boolean): GoValue => ({ kind: 'bool', value });
export const goString = (value: string): GoValue => ({ kind: 'string', value });
/** An IntOrString, struct or pointer: json.Marshal'd (`0`, `"25%"`, `{"name":"x"}`, `null`); key order as given. */
export const goJson = (value: unknown): GoValue => ({ kind: 'json', value });
/** A `map[string]string`: json.Marshal'd with its keys sorted, as Go does; nil is `null`. */
export const goMap = (value: Readonly<Record<string, string>> | undefined): GoValue => ({ kind: 'map', value: value ?? null });

/** Go's `%q` for the strings validation meets (JSON escaping agrees with it for printable text). */
export function quoteGoString(text: string): string {
  return JSON.stringify(text);
}

/** The text upstream puts after `Invalid value: `. */
export function formatGoValue(bad: GoValue): string {
  switch (bad.kind) {
    case 'number':
      return String(bad.value);
    case 'bool':
      return bad.value ? 'true' : 'false';
    case 'string':
      return quoteGoString(bad.value);
    case 'json':
      return JSON.stringify(bad.value) ?? 'null';
    case 'map':
      return bad.value === null ? 'null' : JSON.stringify(Object.fromEntries(Object.entries(bad.value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  }
}
