// validateRollout: every spec rule upstream checks without a cluster, plus the references when the caller has them.
// Upstream: pkg/apis/rollouts/validation/validation.go (ValidateRolloutSpec) and rollout/controller.go (InvalidSpec message).
import { InvalidLabelSelectorError, labelSelectorFromObject, type LabelMatcher, type Rollout } from '@aviary/kube';
import { formatFieldError, newInternalError, newInvalidError, newRequiredError, type FieldError } from './field-error.js';
import { goJson, goNumber } from './go-value-format.js';
import { validatePodTemplate } from './pod-template-validation.js';
import { validateReferences, type ValidationContext } from './reference-validation.js';
import { validateLabelSelector } from './selector-validation.js';
import { validateStrategy } from './strategy-validation.js';
import { ValidationMessage } from './validation-messages.js';

function validateNonNegative(value: number, path: string): FieldError[] {
  return value < 0 ? [newInvalidError(path, goNumber(value), ValidationMessage.NonNegative)] : [];
}

/** The selector as a matcher, or undefined when it does not convert (LabelSelectorAsSelector failing). */
function selectorMatcher(rollout: Rollout): LabelMatcher | undefined {
  try {
    return labelSelectorFromObject(rollout.spec.selector);
  } catch (err: unknown) {
    if (err instanceof InvalidLabelSelectorError) return undefined;
    throw err;
  }
}

/** The template only counts as set for a workloadRef rollout when it carries labels or annotations (EmptyTemplate). */
function hasTemplateMetadata(rollout: Rollout): boolean {
  const metadata = rollout.spec.template?.metadata;
  return Object.keys(metadata?.labels ?? {}).length > 0 || Object.keys(metadata?.annotations ?? {}).length > 0;
}

/** ValidateRolloutSpec: replicas, selector, template, timing fields, then the strategy. */
function validateSpec(rollout: Rollout, resolvedFromRef: boolean): FieldError[] {
  const spec = rollout.spec;
  const errors = validateNonNegative(spec.replicas ?? 1, 'spec.replicas');
  if (!spec.workloadRef) {
    if (!spec.selector) {
      errors.push(newRequiredError('spec.selector', ValidationMessage.missingField('.spec.selector')));
    } else {
      errors.push(...validateLabelSelector(spec.selector, 'spec.selector'));
      if (Object.keys(spec.selector.matchLabels ?? {}).length + (spec.selector.matchExpressions ?? []).length === 0) {
        errors.push(newInvalidError('spec.selector', goJson(spec.selector), ValidationMessage.EmptySelector));
      }
    }
  }
  if (!resolvedFromRef && spec.workloadRef && hasTemplateMetadata(rollout)) {
    errors.push(newInternalError('spec.template', ValidationMessage.TemplateWithWorkloadRef));
  }
  const selector = selectorMatcher(rollout);
  if (selector === undefined) {
    errors.push(newInvalidError('spec.selector', goJson(spec.selector ?? null), ValidationMessage.InvalidLabelSelector));
  } else if (resolvedFromRef || !spec.workloadRef) {
    errors.push(...validatePodTemplate(spec.template, selector, 'spec.template'));
  }
  const minReadySeconds = spec.minReadySeconds ?? 0;
  errors.push(...validateNonNegative(minReadySeconds, 'spec.minReadySeconds'));
  errors.push(...validateNonNegative(spec.revisionHistoryLimit ?? 10, 'spec.revisionHistoryLimit'));
  const progressDeadlineSeconds = spec.progressDeadlineSeconds ?? 600;
  errors.push(...validateNonNegative(progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
  if (progressDeadlineSeconds <= minReadySeconds) {
    errors.push(newInvalidError('spec.progressDeadlineSeconds', goNumber(progressDeadlineSeconds), ValidationMessage.ProgressDeadlineNotAboveMinReady));
  }
  errors.push(...validateStrategy(rollout));
  return errors;
}

/**
 * What the CRD schema requires and validation.go takes for granted; an API server rejects these at write time,
 * so they come after upstream's own errors and never change the InvalidSpec message upstream would write.
 */
function validateSchemaRequirements(rollout: Rollout): FieldError[] {
  const errors: FieldError[] = [];
  const blueGreen = rollout.spec.strategy?.blueGreen;
  if (blueGreen && !blueGreen.activeService) errors.push(newRequiredError('spec.strategy.blueGreen.activeService'));
  return errors;
}

/**
 * All the reasons a Rollout is invalid, in upstream's order (the controller reports only the first):
 *
 *   validateRollout(rolloutWithSetWeight200)
 *   // [{ path: 'spec.strategy.steps[0].setWeight', type: 'FieldValueInvalid', value: '200',
 *   //    message: 'SetWeight needs to be between 0 and 100' }]
 *
 * With `context.services` / `context.templates`, referenced Services and AnalysisTemplates are checked too
 * (not found, selector labels the pods lack, managed by another Rollout), as the controller does next.
 */
export function validateRollout(rollout: Rollout, context: ValidationContext = {}): FieldError[] {
  return [...validateSpec(rollout, context.templateResolvedFromRef === true), ...validateReferences(rollout, context), ...validateSchemaRequirements(rollout)];
}

/**
 * The InvalidSpec condition message the controller writes for the first error, e.g.
 * `The Rollout "demo" is invalid: spec.strategy.steps[0].setWeight: Invalid value: 200: SetWeight needs to be between 0 and 100`.
 * Undefined when there are no errors.
 */
export function invalidSpecMessage(rollout: Rollout, errors: readonly FieldError[]): string | undefined {
  const first = errors[0];
  if (first === undefined) return undefined;
  return `The Rollout "${rollout.metadata?.name ?? ''}" is invalid: ${formatFieldError(first)}`;
}
