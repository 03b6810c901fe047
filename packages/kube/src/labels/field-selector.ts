// Field selectors (`metadata.name=x,status.phase!=Running`): parsing, matching through a field getter, canonical text.
// Semantics follow k8s.io/apimachinery/pkg/fields/selector.go (ParseSelector, splitTerms, EscapeValue, UnescapeValue).
import { InvalidFieldSelectorError } from './selector-errors.js';

export const FieldOperator = { Equals: '=', DoubleEquals: '==', NotEquals: '!=' } as const;
export type FieldOperator = (typeof FieldOperator)[keyof typeof FieldOperator];

export interface FieldRequirement {
  /** A dotted field path: `metadata.name`, `status.phase`, `involvedObject.kind`. */
  readonly field: string;
  readonly operator: FieldOperator;
  /** The unescaped value; "" also matches an absent field. */
  readonly value: string;
}

/** Reads a field by its dotted path; undefined (treated as "") when the object has no such field. */
export type FieldGetter = (field: string) => string | undefined;

/** Longest first, so `a!=b` splits on `!=` and `a==b` on `==`. */
const termOperators: readonly FieldOperator[] = [FieldOperator.NotEquals, FieldOperator.DoubleEquals, FieldOperator.Equals];

/** A parsed field selector: every requirement must hold. Immutable. */
export class FieldMatcher {
  constructor(readonly requirements: readonly FieldRequirement[]) {}

  static everything(): FieldMatcher {
    return new FieldMatcher([]);
  }

  /** Whether the fields read through `getField` satisfy every requirement (an absent field reads as ""). */
  matches(getField: FieldGetter): boolean {
    return this.requirements.every(({ field, operator, value }) => {
      const actual = getField(field) ?? '';
      return operator === FieldOperator.NotEquals ? actual !== value : actual === value;
    });
  }

  /** `matches` over the object's own fields, read with `fieldValueOf`. */
  matchesObject(object: unknown): boolean {
    return this.matches((field) => fieldValueOf(object, field));
  }

  isEmpty(): boolean {
    return this.requirements.length === 0;
  }

  /** The value `field` must equal if the selector pins it with `=` or `==`, else undefined. */
  requiresExactMatch(field: string): string | undefined {
    const requirement = this.requirements.find((r) => r.field === field && r.operator !== FieldOperator.NotEquals);
    return requirement?.value;
  }

  /** Canonical text: `==` prints as `=`, values escaped, terms in sorted order as parsed. */
  toString(): string {
    return this.requirements
      .map(({ field, operator, value }) => `${field}${operator === FieldOperator.NotEquals ? '!=' : '='}${escapeFieldValue(value)}`)
      .join(',');
  }
}

/**
 * Parses `a.b=c,d!=e` (operators `=`, `==`, `!=`; '\' escapes '\', ',' and '=' in values; no whitespace
 * trimming, as upstream). Terms are sorted; "" selects everything.
 * Throws InvalidFieldSelectorError naming the term it cannot understand or the bad value.
 */
export function parseFieldSelector(text: string): FieldMatcher {
  const requirements: FieldRequirement[] = [];
  for (const term of splitTerms(text).sort()) {
    if (term === '') continue;
    const split = splitTerm(term);
    if (split === undefined) {
      throw new InvalidFieldSelectorError({ selector: text, part: term, message: `invalid selector: '${text}'; can't understand '${term}'` });
    }
    requirements.push({ field: split.field, operator: split.operator, value: unescapeFieldValue(split.rawValue, text) });
  }
  return new FieldMatcher(requirements);
}

/** `{ 'metadata.name': 'x' }` → `metadata.name=x`, terms sorted. */
export function fieldSelectorFromSet(set: Readonly<Record<string, string>>): FieldMatcher {
  const requirements = Object.keys(set)
    .sort()
    .map((field): FieldRequirement => ({ field, operator: FieldOperator.Equals, value: set[field] ?? '' }));
  return new FieldMatcher(requirements);
}

/**
 * Reads a dotted path from an object as a field selector sees it: strings as is, numbers and booleans
 * stringified, anything else (absent, object, array, null) undefined.
 * @example fieldValueOf(pod, 'status.phase') // 'Running'
 */
export function fieldValueOf(object: unknown, field: string): string | undefined {
  let current: unknown = object;
  for (const segment of field.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  if (typeof current === 'string') return current;
  if (typeof current === 'number' || typeof current === 'boolean') return String(current);
  return undefined;
}

/** Escapes '\', ',' and '=' so a value can be written into selector text. */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (ch) => `\\${ch}`);
}

function unescapeFieldValue(raw: string, selector: string): string {
  let result = '';
  let inSlash = false;
  for (const ch of raw) {
    if (inSlash) {
      if (ch !== '\\' && ch !== ',' && ch !== '=') {
        throw new InvalidFieldSelectorError({ selector, part: raw, message: `invalid field selector: invalid escape sequence: \\${ch}` });
      }
      result += ch;
      inSlash = false;
    } else if (ch === '\\') {
      inSlash = true;
    } else if (ch === ',' || ch === '=') {
      throw new InvalidFieldSelectorError({ selector, part: raw, message: `invalid field selector: unescaped character in value: ${ch}` });
    } else {
      result += ch;
    }
  }
  if (inSlash) throw new InvalidFieldSelectorError({ selector, part: raw, message: 'invalid field selector: invalid escape sequence: \\' });
  return result;
}

/** Splits on commas that are not escaped with '\'. */
function splitTerms(text: string): string[] {
  if (text === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inSlash) inSlash = false;
    else if (ch === '\\') inSlash = true;
    else if (ch === ',') {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

/** Splits at the first operator; the field part has no escaping. */
function splitTerm(term: string): { field: string; operator: FieldOperator; rawValue: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const operator of termOperators) {
      if (term.startsWith(operator, i)) return { field: term.slice(0, i), operator, rawValue: term.slice(i + operator.length) };
    }
  }
  return undefined;
}
