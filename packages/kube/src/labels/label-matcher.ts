// LabelMatcher: a parsed label selector (AND of requirements) and the ways to build one: text, a meta/v1 LabelSelector, a label set.
// Mirrors k8s.io/apimachinery/pkg/labels (Parse, SelectorFromSet, Everything, Nothing) and meta/v1 LabelSelectorAsSelector.
import type { LabelSelector } from '../types/meta.js';
import { InvalidLabelSelectorError } from './selector-errors.js';
import {
  createLabelRequirement,
  formatLabelRequirement,
  LabelOperator,
  matchesLabelRequirement,
  type LabelRequirement,
  type LabelSet,
} from './label-requirement.js';
import { parseLabelRequirements } from './label-selector-parser.js';

const byKey = (a: LabelRequirement, b: LabelRequirement): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * A label selector: every requirement must hold. Requirements are kept sorted by key (stable), so
 * `toString()` is canonical: `parseLabelSelector('b=1, a in (y,x)').toString() === 'a in (x,y),b=1'`.
 * Immutable; `add` returns a new matcher.
 */
export class LabelMatcher {
  private static readonly nothingInstance = new LabelMatcher([], false);

  private constructor(
    /** The requirements, sorted by key. */
    readonly requirements: readonly LabelRequirement[],
    /** False only for the "nothing" matcher, which no labels satisfy. */
    private readonly selectable: boolean,
  ) {}

  /** Matches every label set (also what an empty selector string parses to). */
  static everything(): LabelMatcher {
    return new LabelMatcher([], true);
  }

  /** Matches no label set. Its `toString()` is "" like upstream's, so do not send it to a server as a filter. */
  static nothing(): LabelMatcher {
    return LabelMatcher.nothingInstance;
  }

  /** Builds a matcher from already validated requirements (see createLabelRequirement). */
  static fromRequirements(requirements: readonly LabelRequirement[]): LabelMatcher {
    return new LabelMatcher([...requirements].sort(byKey), true);
  }

  matches(labels: LabelSet | undefined): boolean {
    if (!this.selectable) return false;
    return this.requirements.every((requirement) => matchesLabelRequirement(requirement, labels));
  }

  /** True when the matcher does not restrict anything (everything); false for nothing. */
  isEmpty(): boolean {
    return this.selectable && this.requirements.length === 0;
  }

  /** True for the matcher built by `nothing()` (e.g. from a null meta/v1 LabelSelector). */
  isNothing(): boolean {
    return !this.selectable;
  }

  /** The value `key` must have if the selector pins it (`key=v`, `key==v`, `key in (v)`), else undefined. */
  requiresExactMatch(key: string): string | undefined {
    const requirement = this.requirements.find((r) => r.key === key);
    if (requirement === undefined || requirement.values.length !== 1) return undefined;
    const exact: readonly string[] = [LabelOperator.Equals, LabelOperator.DoubleEquals, LabelOperator.In];
    return exact.includes(requirement.operator) ? requirement.values[0] : undefined;
  }

  add(...requirements: LabelRequirement[]): LabelMatcher {
    if (!this.selectable) return this;
    return LabelMatcher.fromRequirements([...this.requirements, ...requirements]);
  }

  toString(): string {
    return this.requirements.map(formatLabelRequirement).join(',');
  }
}

/**
 * Parses a label selector string, e.g. `app=web, tier in (front,back), !canary, release`.
 * Comma is AND; whitespace around tokens is ignored; "" selects everything.
 * Throws InvalidLabelSelectorError whose `part` is the offending token, key or value.
 */
export function parseLabelSelector(text: string): LabelMatcher {
  return LabelMatcher.fromRequirements(parseLabelRequirements(text));
}

/**
 * The matcher for exactly this label set (`{a: '1', b: '2'}` → `a=1,b=2`). An empty set selects everything.
 * Like upstream SelectorFromSet it does not validate; use `validatedSelectorFromSet` for untrusted input.
 */
export function selectorFromSet(set: LabelSet | undefined): LabelMatcher {
  const requirements = Object.entries(set ?? {}).map(
    ([key, value]): LabelRequirement => Object.freeze({ key, operator: LabelOperator.Equals, values: Object.freeze([value]) }),
  );
  return LabelMatcher.fromRequirements(requirements);
}

/** `selectorFromSet`, validating every key and value; throws InvalidLabelSelectorError. */
export function validatedSelectorFromSet(set: LabelSet | undefined): LabelMatcher {
  const requirements = Object.entries(set ?? {}).map(([key, value]) =>
    createLabelRequirement({ key, operator: LabelOperator.Equals, values: [value] }),
  );
  return LabelMatcher.fromRequirements(requirements);
}

const expressionOperators: Readonly<Record<string, LabelOperator>> = {
  In: LabelOperator.In,
  NotIn: LabelOperator.NotIn,
  Exists: LabelOperator.Exists,
  DoesNotExist: LabelOperator.DoesNotExist,
};

/**
 * Converts a meta/v1 LabelSelector (as in `spec.selector`) to a matcher, like LabelSelectorAsSelector:
 * - `null` / `undefined` selects **nothing** (an absent selector must not adopt every pod);
 * - `{}` (no matchLabels, no matchExpressions) selects **everything**;
 * - otherwise matchLabels become `key=value` and matchExpressions In/NotIn/Exists/DoesNotExist requirements.
 * Throws InvalidLabelSelectorError for an unknown operator or an invalid key, value or value count.
 */
export function labelSelectorFromObject(selector: LabelSelector | null | undefined): LabelMatcher {
  if (selector === null || selector === undefined) return LabelMatcher.nothing();
  const requirements: LabelRequirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    requirements.push(createLabelRequirement({ key, operator: LabelOperator.Equals, values: [value] }));
  }
  for (const expression of selector.matchExpressions ?? []) {
    const operator = Object.hasOwn(expressionOperators, expression.operator) ? expressionOperators[expression.operator] : undefined;
    if (operator === undefined) {
      throw new InvalidLabelSelectorError({
        part: String(expression.operator),
        message: `${JSON.stringify(expression.operator)} is not a valid label selector operator`,
      });
    }
    requirements.push(createLabelRequirement({ key: expression.key, operator, values: expression.values ?? [] }));
  }
  return LabelMatcher.fromRequirements(requirements);
}
