// spec.selector and label checks, as apimachinery's ValidateLabelSelector and ValidateLabels report them.
import { validateLabelKey, validateLabelValue, type LabelSelector } from '@aviary/kube';
import { newForbiddenError, newInvalidError, newRequiredError, type FieldError } from './field-error.js';
import { goString } from './go-value-format.js';

/** Every bad key and value of a label map, one error per problem, keys in sorted order. */
export function validateLabelMap(labels: Readonly<Record<string, string>> | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of Object.keys(labels ?? {}).sort()) {
    for (const message of validateLabelKey(key)) errors.push(newInvalidError(path, goString(key), message));
    for (const message of validateLabelValue(labels?.[key] ?? '')) errors.push(newInvalidError(path, goString(labels?.[key] ?? ''), message));
  }
  return errors;
}

/** matchLabels and each matchExpressions entry (operator, values and key), in upstream's order. */
export function validateLabelSelector(selector: LabelSelector, path: string): FieldError[] {
  const errors = validateLabelMap(selector.matchLabels, `${path}.matchLabels`);
  (selector.matchExpressions ?? []).forEach((expression, i) => {
    const at = `${path}.matchExpressions[${i}]`;
    const values = expression.values ?? [];
    switch (expression.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errors.push(newRequiredError(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errors.push(newForbiddenError(`${at}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errors.push(newInvalidError(`${at}.operator`, goString(String(expression.operator)), 'not a valid selector operator'));
    }
    for (const message of validateLabelKey(expression.key ?? '')) errors.push(newInvalidError(`${at}.key`, goString(expression.key ?? ''), message));
    values.forEach((value, j) => {
      for (const message of validateLabelValue(value)) errors.push(newInvalidError(`${at}.values[${j}]`, goString(value), message));
    });
  });
  return errors;
}
