// The checks that need other objects: referenced Services and AnalysisTemplates exist, and Services fit the Rollout.
// Upstream: rollout/controller.go (getReferencedServices, getReferencedAnalysisTemplatesFromRef) and
// pkg/apis/rollouts/validation/validation_references.go (ValidateService).
import {
  RolloutsAnnotation,
  RolloutsLabel,
  type AnalysisTemplate,
  type AnalysisTemplateRef,
  type ClusterAnalysisTemplate,
  type Rollout,
  type Service,
} from '@aviary/kube';
import { newInvalidError, type FieldError } from './field-error.js';
import { goString } from './go-value-format.js';
import { ValidationMessage } from './validation-messages.js';

export interface ValidationContext {
  /** The Services of the rollout's namespace. Omit to skip Service checks. */
  services?: readonly Service[];
  /** The AnalysisTemplates of the namespace and the ClusterAnalysisTemplates (told apart by kind). Omit to skip. */
  templates?: readonly (AnalysisTemplate | ClusterAnalysisTemplate)[];
  /** Check only the objects given; a referenced one missing from the lists is not reported (`lint` works this way). */
  onlyGiven?: boolean;
  /** spec.template was filled in from spec.workloadRef (the controller's view): validate it instead of requiring it empty. */
  templateResolvedFromRef?: boolean;
}

/** Each Service a strategy names, with the field that names it, in the order the controller looks them up. */
function referencedServices(rollout: Rollout): { name: string; path: string }[] {
  const { blueGreen, canary } = rollout.spec.strategy ?? {};
  const entries: [string | undefined, string][] = blueGreen
    ? [[blueGreen.activeService, 'blueGreen.activeService'], [blueGreen.previewService, 'blueGreen.previewService']]
    : canary
      ? [
          [canary.stableService, 'canary.stableService'],
          [canary.canaryService, 'canary.canaryService'],
          [canary.pingPong?.pingService, 'canary.pingPong.pingService'],
          [canary.pingPong?.pongService, 'canary.pingPong.pongService'],
        ]
      : [];
  return entries.filter((entry): entry is [string, string] => Boolean(entry[0])).map(([name, field]) => ({ name, path: `spec.strategy.${field}` }));
}

/** Services that are referenced but absent, and Services that do not fit the Rollout. */
function validateServices(rollout: Rollout, context: ValidationContext): { missing: FieldError[]; mismatched: FieldError[] } {
  if (!context.services) return { missing: [], mismatched: [] };
  const missing: FieldError[] = [];
  const mismatched: FieldError[] = [];
  for (const { name, path } of referencedServices(rollout)) {
    const service = context.services.find((candidate) => candidate.metadata?.name === name);
    if (!service) {
      if (!context.onlyGiven) missing.push(newInvalidError(path, goString(name), ValidationMessage.serviceNotFound(name)));
      continue;
    }
    const podLabels = rollout.spec.template?.metadata?.labels ?? {};
    for (const [key, value] of Object.entries(service.spec?.selector ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (key === RolloutsLabel.PodTemplateHash) continue;
      if (podLabels[key] !== value) mismatched.push(newInvalidError(path, goString(name), ValidationMessage.serviceLabelMismatch(name, key)));
    }
    const manager = service.metadata?.annotations?.[RolloutsAnnotation.ManagedByRollouts];
    if (manager !== undefined && manager !== rollout.metadata?.name) {
      mismatched.push(newInvalidError(path, goString(name), ValidationMessage.serviceManagedByOther(name)));
    }
  }
  return { missing, mismatched };
}

/** Each analysis a strategy runs, with the field of its templates list. */
function analysisTemplateRefs(rollout: Rollout): { refs: readonly AnalysisTemplateRef[]; path: string }[] {
  const { blueGreen, canary } = rollout.spec.strategy ?? {};
  const found: { refs: readonly AnalysisTemplateRef[]; path: string }[] = [];
  if (blueGreen) {
    if (blueGreen.prePromotionAnalysis) found.push({ refs: blueGreen.prePromotionAnalysis.templates ?? [], path: 'spec.strategy.blueGreen.prePromotionAnalysis.templates' });
    if (blueGreen.postPromotionAnalysis) found.push({ refs: blueGreen.postPromotionAnalysis.templates ?? [], path: 'spec.strategy.blueGreen.postPromotionAnalysis.templates' });
  } else if (canary) {
    (canary.steps ?? []).forEach((step, i) => {
      if (step.analysis) found.push({ refs: step.analysis.templates ?? [], path: `spec.strategy.canary.steps[${i}].analysis.templates` });
    });
    if (canary.analysis) found.push({ refs: canary.analysis.templates ?? [], path: 'spec.strategy.canary.analysis.templates' });
  }
  return found;
}

/** The first template that does not exist, following nested `spec.templates` (reported at `spec.templates`). */
function findMissingTemplate(refs: readonly AnalysisTemplateRef[], path: string, context: ValidationContext, seen: Set<string>): FieldError | undefined {
  for (const ref of refs) {
    const kind = ref.clusterScope ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate';
    const template = context.templates?.find((candidate) => (candidate.kind ?? 'AnalysisTemplate') === kind && candidate.metadata?.name === ref.templateName);
    if (!template) {
      if (context.onlyGiven) continue;
      const message = ref.clusterScope ? ValidationMessage.clusterAnalysisTemplateNotFound(ref.templateName) : ValidationMessage.analysisTemplateNotFound(ref.templateName);
      return newInvalidError(path, goString(ref.templateName), message);
    }
    const key = `${kind}/${ref.templateName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const nested = findMissingTemplate(template.spec?.templates ?? [], 'spec.templates', context, seen);
    if (nested) return nested;
  }
  return undefined;
}

function validateTemplates(rollout: Rollout, context: ValidationContext): FieldError[] {
  if (!context.templates) return [];
  for (const { refs, path } of analysisTemplateRefs(rollout)) {
    const missing = findMissingTemplate(refs, path, context, new Set());
    if (missing) return [missing];
  }
  return [];
}

/** Reference errors in the controller's order: missing Services, missing templates, then Services that do not fit. */
export function validateReferences(rollout: Rollout, context: ValidationContext): FieldError[] {
  // The controller stops at the first object it cannot find, before validating the ones it found.
  const { missing, mismatched } = validateServices(rollout, context);
  if (missing.length > 0) return missing.slice(0, 1);
  const templates = validateTemplates(rollout, context);
  if (templates.length > 0) return templates;
  return mismatched;
}
