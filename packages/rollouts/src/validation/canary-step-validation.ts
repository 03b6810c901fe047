// Checks of each canary step, in upstream's order (ValidateRolloutStrategyCanary's loop over steps).
import { validateLabelKey, type AnalysisRunArgument, type CanaryStep, type CanaryStrategy, type StringMatch } from '@aviary/kube';
import { newInvalidError, newRequiredError, type FieldError } from './field-error.js';
import { pauseDurationSeconds } from './go-duration.js';
import { goNumber, goString, goJson } from './go-value-format.js';
import { ValidationMessage } from './validation-messages.js';

/** The step kinds upstream counts when rejecting a step with several actions (setWeight, pause, experiment, analysis only). */
function validateSingleAction(step: CanaryStep, path: string): FieldError[] {
  const set = [step.setWeight, step.pause, step.experiment, step.analysis].filter((member) => member !== undefined && member !== null);
  if (set.length <= 1) return [];
  const value = `step.Experiment: ${has(step.experiment)} step.Pause: ${has(step.pause)} step.SetWeight: ${has(step.setWeight)} step.Analysis: ${has(step.analysis)}`;
  return [newInvalidError(path, goString(value), ValidationMessage.InvalidStep)];
}

function validateSomeAction(step: CanaryStep, path: string): FieldError[] {
  const members = [step.experiment, step.pause, step.setWeight, step.analysis, step.setCanaryScale, step.setHeaderRoute, step.setMirrorRoute, step.plugin];
  if (members.some((member) => member !== undefined && member !== null)) return [];
  // Upstream prints whether each member is nil, so every flag here reads "true".
  const names = ['Experiment', 'Pause', 'SetWeight', 'Analysis', 'SetCanaryScale', 'SetHeaderRoute', 'SetMirrorRoute', 'Plugin'];
  return [newInvalidError(path, goString(names.map((name) => `step.${name}: true`).join(' ')), ValidationMessage.InvalidStep)];
}

const has = (member: unknown): boolean => member !== undefined && member !== null;

/** A header value must set exactly one of exact / regex / prefix (hasMultipleMatchValues). */
function validateStringMatch(match: StringMatch | undefined, path: string): FieldError[] {
  if (!match) return [newInvalidError(path, goJson(null), ValidationMessage.StringMatchMissingValue)];
  const count = [match.exact, match.regex, match.prefix].filter((value) => Boolean(value)).length;
  if (count > 1) return [newInvalidError(path, goJson(match), ValidationMessage.StringMatchMultipleValues)];
  if (count === 0) return [newInvalidError(path, goJson(match), ValidationMessage.StringMatchMissingValue)];
  return [];
}

/** ALB can only match a header exactly (hasALBInvalidValues). */
function validateAlbStringMatch(match: StringMatch | undefined, path: string): FieldError[] {
  if (!match) return [newInvalidError(path, goJson(null), ValidationMessage.StringMatchMissingValue)];
  if (!match.exact || match.regex || match.prefix) return [newInvalidError(path, goJson(match), ValidationMessage.SetHeaderRouteAlbValue)];
  return [];
}

/** Whether a `metadata…` fieldRef is one the downward API can read (k8s fieldpath.ExtractFieldPathAsString). */
function isSupportedMetadataPath(fieldPath: string): boolean {
  const subscripted = /^(.+)\['(.*)'\]$/s.exec(fieldPath);
  if (subscripted) {
    const [, base = '', key = ''] = subscripted;
    if (base === 'metadata.annotations') return validateLabelKey(key.toLowerCase()).length === 0;
    if (base === 'metadata.labels') return validateLabelKey(key).length === 0;
    return false;
  }
  return ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'].includes(fieldPath);
}

function validateRouteSteps(canary: CanaryStrategy, step: CanaryStep, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const routing = canary.trafficRouting;
  const plugins = Object.keys(routing?.plugins ?? {}).length;
  if (step.setHeaderRoute) {
    if (!routing || (!routing.istio && !routing.alb && !routing.apisix && plugins === 0)) {
      errors.push(newInvalidError(`${path}.setHeaderRoute`, goJson(step.setHeaderRoute), ValidationMessage.SetHeaderRouteWithoutRouter));
    } else {
      (step.setHeaderRoute.match ?? []).forEach((match, j) => {
        const at = `${path}.setHeaderRoute.match[${j}]`;
        errors.push(...(routing.alb ? validateAlbStringMatch(match.headerValue, at) : validateStringMatch(match.headerValue, at)));
      });
    }
  }
  if (step.setMirrorRoute) {
    if (!routing || (!routing.istio && plugins === 0)) {
      errors.push(newInvalidError(`${path}.setMirrorRoute`, goJson(step.setMirrorRoute), ValidationMessage.SetMirrorRouteWithoutRouter));
    }
    (step.setMirrorRoute.match ?? []).forEach((match, j) => {
      const at = `${path}.setMirrorRoute.match[${j}]`;
      // Upstream checks method, path, then method again (headers are never checked); kept as upstream does.
      if (match.method) errors.push(...validateStringMatch(match.method, at));
      if (match.path) errors.push(...validateStringMatch(match.path, at));
      if (match.method) errors.push(...validateStringMatch(match.method, at));
    });
  }
  if (routing && (step.setHeaderRoute || step.setMirrorRoute) && !routing.managedRoutes) {
    errors.push(newRequiredError('spec.strategy.trafficRouting.managedRoutes', ValidationMessage.missingField('spec.strategy.canary.trafficRouting.managedRoutes')));
  }
  if (routing?.managedRoutes) {
    const managed = new Set(routing.managedRoutes.map((route) => route.name));
    for (const [member, route] of [['setHeaderRoute', step.setHeaderRoute], ['setMirrorRoute', step.setMirrorRoute]] as const) {
      if (route && !managed.has(route.name ?? '')) {
        errors.push(newInvalidError(`${path}.${member}`, goString(route.name ?? ''), ValidationMessage.StepRouteNotManaged));
      }
    }
  }
  return errors;
}

function validateExperimentAndArgs(canary: CanaryStrategy, step: CanaryStep, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const routing = canary.trafficRouting;
  (step.experiment?.templates ?? []).forEach((template, t) => {
    if (template.weight === undefined || template.weight === null) return;
    const at = `${path}.experiment.templates[${t}].weight`;
    if (!routing) errors.push(newInvalidError(at, goNumber(template.weight), ValidationMessage.ExperimentWeightWithoutTrafficRouting));
    else if (!routing.alb && !routing.smi && !routing.istio && Object.keys(routing.plugins ?? {}).length === 0) {
      errors.push(newInvalidError(at, goNumber(template.weight), ValidationMessage.ExperimentWeightUnsupportedRouter));
    }
  });
  const args: AnalysisRunArgument[] = [...(step.experiment?.analyses ?? []).flatMap((analysis) => analysis.args ?? []), ...(step.analysis?.args ?? [])];
  for (const arg of args) {
    const fieldPath = arg.valueFrom?.fieldRef?.fieldPath;
    if (fieldPath !== undefined && fieldPath.startsWith('metadata') && !isSupportedMetadataPath(fieldPath)) {
      errors.push(newInvalidError(`${path}.analyses`, goJson(args), ValidationMessage.AnalysisArgs));
    }
  }
  return errors;
}

/** Every error of step `index`, at `spec.strategy.steps[index]` (upstream's path, without `canary`). */
export function validateCanaryStep(canary: CanaryStrategy, step: CanaryStep, index: number, maxTrafficWeight: number): FieldError[] {
  const path = `spec.strategy.steps[${index}]`;
  const errors = [...validateSingleAction(step, path), ...validateSomeAction(step, path)];
  if (typeof step.setWeight === 'number' && (step.setWeight < 0 || step.setWeight > maxTrafficWeight)) {
    errors.push(newInvalidError(`${path}.setWeight`, goNumber(step.setWeight), ValidationMessage.invalidSetWeight(maxTrafficWeight)));
  }
  if (step.pause) {
    const seconds = pauseDurationSeconds(step.pause.duration);
    if (seconds < 0) errors.push(newInvalidError(`${path}.pause.duration`, goNumber(seconds), ValidationMessage.InvalidDuration));
  }
  if (step.setCanaryScale && !canary.trafficRouting) {
    errors.push(newRequiredError('spec.strategy.trafficRouting', ValidationMessage.SetCanaryScaleWithoutTrafficRouting));
  }
  errors.push(...validateRouteSteps(canary, step, path), ...validateExperimentAndArgs(canary, step, path));
  return errors;
}
