// One label selector requirement (`key in (a,b)`): its operators, validated construction, matching and canonical text.
// Semantics follow k8s.io/apimachinery/pkg/labels/selector.go (Requirement, NewRequirement, Matches, String).
import { InvalidLabelSelectorError } from './selector-errors.js';
import { validateLabelKey, validateLabelValue } from './label-validation.js';

/** The requirement operators; the values are apimachinery's selection.Operator strings. */
export const LabelOperator = {
  In: 'in',
  NotIn: 'notin',
  Equals: '=',
  DoubleEquals: '==',
  NotEquals: '!=',
  Exists: 'exists',
  DoesNotExist: '!',
  GreaterThan: 'gt',
  LessThan: 'lt',
} as const;
export type LabelOperator = (typeof LabelOperator)[keyof typeof LabelOperator];

/** `key operator values`; build with `createLabelRequirement` so it is valid. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  /** Sorted and de-duplicated; empty for Exists / DoesNotExist. */
  readonly values: readonly string[];
}

export type LabelSet = Readonly<Record<string, string>>;

const INTEGER = /^[-+]?\d+$/;

/**
 * Builds a validated requirement (apimachinery NewRequirement): In/NotIn need at least one value,
 * the exact-match operators exactly one, Exists/DoesNotExist none, Gt/Lt one integer; the key must be a
 * qualified name and every value a valid label value. The empty string is a valid value.
 * Throws InvalidLabelSelectorError naming the offending key or value.
 */
export function createLabelRequirement(options: { key: string; operator: LabelOperator; values?: readonly string[] }): LabelRequirement {
  const { key, operator } = options;
  const values = [...new Set(options.values ?? [])].sort();
  const fail = (part: string, message: string): never => {
    throw new InvalidLabelSelectorError({ part, message });
  };
  const keyErrors = validateLabelKey(key);
  if (keyErrors.length > 0) fail(key, `key: Invalid value: ${JSON.stringify(key)}: ${keyErrors.join('; ')}`);
  const count = options.values?.length ?? 0;
  switch (operator) {
    case LabelOperator.In:
    case LabelOperator.NotIn:
      if (count === 0) fail(key, "values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty");
      break;
    case LabelOperator.Equals:
    case LabelOperator.DoubleEquals:
    case LabelOperator.NotEquals:
      if (count !== 1) fail(key, 'values: Invalid value: exact-match compatibility requires one single value');
      break;
    case LabelOperator.Exists:
    case LabelOperator.DoesNotExist:
      if (count !== 0) fail(key, 'values: Invalid value: values set must be empty for exists and does not exist');
      break;
    case LabelOperator.GreaterThan:
    case LabelOperator.LessThan:
      if (count !== 1) fail(key, "values: Invalid value: for 'Gt', 'Lt' operators, exactly one value is required");
      for (const value of values) {
        if (!INTEGER.test(value)) fail(value, `values[0]: Invalid value: ${JSON.stringify(value)}: for 'Gt', 'Lt' operators, the value must be an integer`);
      }
      break;
    default:
      fail(String(operator), `operator: Unsupported value: ${JSON.stringify(operator)}`);
  }
  values.forEach((value, index) => {
    const errors = validateLabelValue(value);
    if (errors.length > 0) fail(value, `values[${index}][${key}]: Invalid value: ${JSON.stringify(value)}: ${errors.join('; ')}`);
  });
  return Object.freeze({ key, operator, values: Object.freeze(values) });
}

/**
 * Whether `labels` satisfy the requirement. A missing key satisfies NotIn, NotEquals and DoesNotExist,
 * and nothing else; Gt/Lt compare integers and fail on a non-integer label value.
 */
export function matchesLabelRequirement(requirement: LabelRequirement, labels: LabelSet | undefined): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, requirement.key);
  const value = has ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case LabelOperator.In:
    case LabelOperator.Equals:
    case LabelOperator.DoubleEquals:
      return has && requirement.values.includes(value ?? '');
    case LabelOperator.NotIn:
    case LabelOperator.NotEquals:
      return !has || !requirement.values.includes(value ?? '');
    case LabelOperator.Exists:
      return has;
    case LabelOperator.DoesNotExist:
      return !has;
    case LabelOperator.GreaterThan:
    case LabelOperator.LessThan: {
      if (!has || !INTEGER.test(value ?? '') || requirement.values.length !== 1) return false;
      const actual = BigInt(value ?? '0');
      const bound = BigInt(requirement.values[0] ?? '0');
      return requirement.operator === LabelOperator.GreaterThan ? actual > bound : actual < bound;
    }
    default:
      return false;
  }
}

/** The canonical text: `!key`, `key`, `key=v`, `key==v`, `key!=v`, `key in (a,b)`, `key notin (a,b)`, `key>1`, `key<1`. */
export function formatLabelRequirement(requirement: LabelRequirement): string {
  const { key, operator, values } = requirement;
  const joined = values.join(',');
  switch (operator) {
    case LabelOperator.Exists:
      return key;
    case LabelOperator.DoesNotExist:
      return `!${key}`;
    case LabelOperator.In:
      return `${key} in (${joined})`;
    case LabelOperator.NotIn:
      return `${key} notin (${joined})`;
    case LabelOperator.GreaterThan:
      return `${key}>${joined}`;
    case LabelOperator.LessThan:
      return `${key}<${joined}`;
    default:
      return `${key}${operator}${joined}`;
  }
}
