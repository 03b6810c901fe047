// Label key and value validation, with the messages of k8s.io/apimachinery/pkg/util/validation (IsQualifiedName, IsValidLabelValue).

/** One validation failure, shaped like an apimachinery field.Error. */
export interface LabelValidationIssue {
  /** Field path of the offending entry: `metadata.labels`, `spec.selector.matchLabels`, … */
  readonly path: string;
  readonly type: 'FieldValueInvalid';
  /** The offending key or value. */
  readonly value: string;
  readonly message: string;
}

const QUALIFIED_NAME_MAX_LENGTH = 63;
const LABEL_VALUE_MAX_LENGTH = 63;
const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

const qualifiedNameFormat = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const qualifiedNamePattern = new RegExp(`^${qualifiedNameFormat}$`);
const labelValueFormat = `(${qualifiedNameFormat})?`;
const labelValuePattern = new RegExp(`^${labelValueFormat}$`);
const dns1123LabelFormat = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFormat = `${dns1123LabelFormat}(\\.${dns1123LabelFormat})*`;
const dns1123SubdomainPattern = new RegExp(`^${dns1123SubdomainFormat}$`);

const qualifiedNameMessage =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  `(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '${qualifiedNameFormat}')`;

/**
 * Checks a DNS-1123 subdomain (`example.com`): lower case alphanumerics, '-' and '.', at most 253 characters.
 * Returns the failure messages; empty when valid.
 */
export function validateDns1123Subdomain(value: string): string[] {
  const errors: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX_LENGTH) {
    errors.push(`must be no more than ${DNS1123_SUBDOMAIN_MAX_LENGTH} characters`);
  }
  if (!dns1123SubdomainPattern.test(value)) {
    errors.push(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start " +
        `and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${dns1123SubdomainFormat}')`,
    );
  }
  return errors;
}

/**
 * Checks a qualified name, the form of label and annotation keys: an optional DNS-subdomain prefix and '/',
 * then a name of at most 63 alphanumerics, '-', '_' or '.', beginning and ending with an alphanumeric.
 * Returns the failure messages; empty when valid.
 *
 * @example validateLabelKey('app.kubernetes.io/name') // []
 * @example validateLabelKey('-bad') // ["name part must consist of alphanumeric characters, …"]
 */
export function validateLabelKey(key: string): string[] {
  const parts = key.split('/');
  let name: string;
  const errors: string[] = [];
  if (parts.length === 1) {
    name = parts[0] ?? '';
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix.length === 0) {
      errors.push('prefix part must be non-empty');
    } else {
      for (const message of validateDns1123Subdomain(prefix)) errors.push(`prefix part ${message}`);
    }
  } else {
    return [`a qualified name ${qualifiedNameMessage} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) {
    errors.push('name part must be non-empty');
  } else if (name.length > QUALIFIED_NAME_MAX_LENGTH) {
    errors.push(`name part must be no more than ${QUALIFIED_NAME_MAX_LENGTH} characters`);
  }
  if (!qualifiedNamePattern.test(name)) errors.push(`name part ${qualifiedNameMessage}`);
  return errors;
}

/**
 * Checks a label value: empty, or at most 63 alphanumerics, '-', '_' or '.', beginning and ending with an
 * alphanumeric. Returns the failure messages; empty when valid.
 */
export function validateLabelValue(value: string): string[] {
  const errors: string[] = [];
  if (value.length > LABEL_VALUE_MAX_LENGTH) errors.push(`must be no more than ${LABEL_VALUE_MAX_LENGTH} characters`);
  if (!labelValuePattern.test(value)) {
    errors.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start " +
        `and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '${labelValueFormat}')`,
    );
  }
  return errors;
}

export const isValidLabelKey = (key: string): boolean => validateLabelKey(key).length === 0;
export const isValidLabelValue = (value: string): boolean => validateLabelValue(value).length === 0;

/**
 * Validates a label map the way the API server does for `metadata.labels` (apimachinery's
 * meta/v1/validation ValidateLabels): each bad key and each bad value is one issue.
 */
export function validateLabels(labels: Readonly<Record<string, string>> | undefined, path = 'metadata.labels'): LabelValidationIssue[] {
  const issues: LabelValidationIssue[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    const keyErrors = validateLabelKey(key);
    if (keyErrors.length > 0) issues.push({ path, type: 'FieldValueInvalid', value: key, message: keyErrors.join('; ') });
    const valueErrors = validateLabelValue(value);
    if (valueErrors.length > 0) issues.push({ path, type: 'FieldValueInvalid', value, message: valueErrors.join('; ') });
  }
  return issues;
}
