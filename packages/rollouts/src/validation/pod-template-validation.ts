// spec.template checks: the subset of Kubernetes' ValidatePodTemplateSpecForReplicaSet that a Rollout can break.
// Upstream: k8s.io/kubernetes pkg/apis/apps/validation and pkg/apis/core/validation, called from validation.go.
import type { Container, LabelMatcher, PodTemplateSpec } from '@aviary/kube';
import {
  newDuplicateError,
  newForbiddenError,
  newInvalidError,
  newNotSupportedError,
  newRequiredError,
  type FieldError,
} from './field-error.js';
import { goMap, goNumber, goString } from './go-value-format.js';
import { validateLabelMap } from './selector-validation.js';
import { ValidationMessage } from './validation-messages.js';

const dns1123LabelPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123LabelMessage =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an " +
  "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const restartPolicies = ['Always', 'OnFailure', 'Never'] as const;
const int32Max = 2 ** 31 - 1;

/** Messages of IsDNS1123Label: what a container name must look like. */
function validateDns1123Label(value: string): string[] {
  const messages: string[] = [];
  if (value.length > 63) messages.push('must be no more than 63 characters');
  if (!dns1123LabelPattern.test(value)) messages.push(dns1123LabelMessage);
  return messages;
}

/** Name (required, a DNS label, unique across the pod) and image (required) of each container in one list. */
function validateContainers(containers: readonly Container[], path: string, names: Set<string>): FieldError[] {
  const errors: FieldError[] = [];
  containers.forEach((container, i) => {
    const at = `${path}[${i}]`;
    const name = container.name ?? '';
    if (name === '') errors.push(newRequiredError(`${at}.name`));
    else for (const message of validateDns1123Label(name)) errors.push(newInvalidError(`${at}.name`, goString(name), message));
    if (!container.image) errors.push(newRequiredError(`${at}.image`));
    if (names.has(name)) errors.push(newDuplicateError(`${at}.name`, goString(name)));
    else names.add(name);
  });
  return errors;
}

/**
 * The template a ReplicaSet would be created from, validated at `path` (`spec.template`): labels that the
 * selector matches, valid labels, containers, restartPolicy Always (the default) and no activeDeadlineSeconds.
 */
export function validatePodTemplate(template: PodTemplateSpec | undefined, selector: LabelMatcher, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const labels = template?.metadata?.labels;
  if (!selector.isEmpty() && !selector.matches(labels)) {
    errors.push(newInvalidError(`${path}.metadata.labels`, goMap(labels), ValidationMessage.SelectorMismatch));
  }
  errors.push(...validateLabelMap(labels, `${path}.metadata.labels`));
  const spec = template?.spec;
  const names = new Set<string>();
  if ((spec?.containers ?? []).length === 0) errors.push(newRequiredError(`${path}.spec.containers`));
  else errors.push(...validateContainers(spec?.containers ?? [], `${path}.spec.containers`, names));
  errors.push(...validateContainers(spec?.initContainers ?? [], `${path}.spec.initContainers`, names));

  const restartPolicy: string = spec?.restartPolicy || 'Always';
  if (!(restartPolicies as readonly string[]).includes(restartPolicy)) {
    errors.push(newNotSupportedError(`${path}.spec.restartPolicy`, goString(restartPolicy), restartPolicies));
  }
  const deadline = spec?.activeDeadlineSeconds;
  if (deadline !== undefined && (deadline < 1 || deadline > int32Max)) {
    errors.push(newInvalidError(`${path}.spec.activeDeadlineSeconds`, goNumber(deadline), `must be between 1 and ${int32Max}, inclusive`));
  }
  if (restartPolicy !== 'Always') errors.push(newNotSupportedError(`${path}.spec.restartPolicy`, goString(restartPolicy), ['Always']));
  if (deadline !== undefined) errors.push(newForbiddenError(`${path}.spec.activeDeadlineSeconds`, ValidationMessage.ActiveDeadlineSecondsForbidden));
  return errors;
}
