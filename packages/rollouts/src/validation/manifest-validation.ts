// validateRolloutManifest: the offline `lint` check of a YAML or JSON file with one or more documents.
// Upstream: pkg/kubectl-argo-rollouts/cmd/lint/lint.go (Rollouts validated with the Services the same file defines).
import { parseAllDocuments } from 'yaml';
import { RolloutsAnnotation, type KubeObject, type Rollout, type Service } from '@aviary/kube';
import type { FieldError } from './field-error.js';
import { validateRollout } from './rollout-validation.js';

export interface ManifestDocumentResult {
  /** Position of the document in the file, from 0. */
  readonly index: number;
  readonly kind?: string;
  readonly name?: string;
  /** The document is not readable YAML (or not an object); its text. */
  readonly parseError?: string;
  /** Validation errors, for a Rollout; empty for other kinds. */
  readonly errors: readonly FieldError[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const groupOf = (apiVersion: unknown): string => (typeof apiVersion === 'string' && apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '');

/** A Rollout with whatever spec it has, so validation reports missing fields instead of failing on them. */
function asRollout(object: Record<string, unknown>): Rollout {
  const spec = isObject(object.spec) ? object.spec : {};
  return { ...(object as KubeObject), spec: { ...spec, strategy: isObject(spec.strategy) ? spec.strategy : {} } } as Rollout;
}

/** The Services this file defines that a Rollout names; lint treats them as managed by that Rollout. */
function servicesFor(rollout: Rollout, services: readonly Service[]): Service[] {
  const { canary, blueGreen } = rollout.spec.strategy;
  const names = new Set([canary?.canaryService, canary?.stableService, canary?.pingPong?.pingService, canary?.pingPong?.pongService, blueGreen?.activeService, blueGreen?.previewService]);
  return services
    .filter((service) => names.has(service.metadata?.name))
    .map((service) => {
      const annotations = { ...service.metadata?.annotations, [RolloutsAnnotation.ManagedByRollouts]: rollout.metadata?.name ?? '' };
      return { ...service, metadata: { ...service.metadata, annotations } };
    });
}

/**
 * Reads every document of `text` and validates each Rollout (group argoproj.io, kind Rollout) against the
 * rules of validateRollout and the Services of the same file. Empty documents are skipped.
 *
 *   validateRolloutManifest(fs.readFileSync('rollout.yaml', 'utf8')).flatMap((d) => d.errors).map(formatFieldErrorBody)
 */
export function validateRolloutManifest(text: string): ManifestDocumentResult[] {
  const results: { index: number; object?: Record<string, unknown>; parseError?: string }[] = [];
  parseAllDocuments(text).forEach((document, index) => {
    if ('errors' in document && document.errors.length > 0) {
      results.push({ index, parseError: document.errors.map((error) => error.message).join('; ') });
      return;
    }
    const value: unknown = document.toJS();
    if (value === null || value === undefined) return;
    if (!isObject(value)) results.push({ index, parseError: `document ${index} is not an object` });
    else results.push({ index, object: value });
  });
  const services = results
    .map((result) => result.object)
    .filter((object): object is Record<string, unknown> => object !== undefined && object.kind === 'Service' && groupOf(object.apiVersion) === '')
    .map((object) => object as Service);
  return results.map(({ index, object, parseError }): ManifestDocumentResult => {
    if (object === undefined) return { index, parseError, errors: [] };
    const metadata = isObject(object.metadata) ? object.metadata : {};
    const kind = typeof object.kind === 'string' ? object.kind : undefined;
    const name = typeof metadata.name === 'string' ? metadata.name : undefined;
    if (kind !== 'Rollout' || groupOf(object.apiVersion) !== 'argoproj.io') return { index, kind, name, errors: [] };
    const rollout = asRollout(object);
    return { index, kind, name, errors: validateRollout(rollout, { services: servicesFor(rollout, services), onlyGiven: true }) };
  });
}
