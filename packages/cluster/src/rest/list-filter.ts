// List and watch filters: label selectors and the field selectors each kind supports
// (pkg/registry/*/strategy.go GetAttrs / ToSelectableFields; unsupported fields are a 400).
import { fieldValueOf, parseFieldSelector, parseLabelSelector, type FieldMatcher, type KubeObject, type LabelMatcher } from '@aviary/kube';
import type { ResourceInfo } from '../registry/index.js';
import { badRequestError } from '../server/api-errors.js';

export type ObjectFilter = (object: KubeObject) => boolean;

const commonFields = ['metadata.name', 'metadata.namespace'];

/** Extra selectable fields per built-in resource, with the object path each reads. */
const extraFields: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '/pods': {
    'spec.nodeName': 'spec.nodeName',
    'spec.restartPolicy': 'spec.restartPolicy',
    'spec.schedulerName': 'spec.schedulerName',
    'spec.serviceAccountName': 'spec.serviceAccountName',
    'spec.hostNetwork': 'spec.hostNetwork',
    'status.phase': 'status.phase',
    'status.podIP': 'status.podIP',
    'status.nominatedNodeName': 'status.nominatedNodeName',
  },
  '/events': {
    'involvedObject.kind': 'involvedObject.kind',
    'involvedObject.namespace': 'involvedObject.namespace',
    'involvedObject.name': 'involvedObject.name',
    'involvedObject.uid': 'involvedObject.uid',
    'involvedObject.apiVersion': 'involvedObject.apiVersion',
    'involvedObject.resourceVersion': 'involvedObject.resourceVersion',
    'involvedObject.fieldPath': 'involvedObject.fieldPath',
    reason: 'reason',
    reportingComponent: 'reportingComponent',
    source: 'source.component',
    type: 'type',
  },
  '/secrets': { type: 'type' },
  '/namespaces': { 'status.phase': 'status.phase' },
  '/nodes': { 'spec.unschedulable': 'spec.unschedulable' },
  'apps/replicasets': { 'status.replicas': 'status.replicas' },
  'batch/jobs': { 'status.successful': 'status.successful' },
};

/** Defaults for boolean fields the API server always reports. */
const fieldDefaults: Readonly<Record<string, string>> = { 'spec.hostNetwork': 'false', 'spec.unschedulable': 'false' };

export interface SelectorParams {
  labelSelector?: string | null;
  fieldSelector?: string | null;
}

export interface CompiledFilter {
  readonly filter: ObjectFilter | undefined;
  readonly labels: LabelMatcher | undefined;
  readonly fields: FieldMatcher | undefined;
}

/** Parses the selectors of a list or watch request (400 on a bad selector or an unsupported field). */
export function compileFilter(info: ResourceInfo, params: SelectorParams): CompiledFilter {
  let labels: LabelMatcher | undefined;
  let fields: FieldMatcher | undefined;
  try {
    if (params.labelSelector) labels = parseLabelSelector(params.labelSelector);
    if (params.fieldSelector) fields = parseFieldSelector(params.fieldSelector);
  } catch (err: unknown) {
    throw badRequestError(err instanceof Error ? err.message : String(err));
  }
  if (labels?.isEmpty()) labels = undefined;
  if (fields?.isEmpty()) fields = undefined;
  const paths = extraFields[`${info.group}/${info.resource}`] ?? {};
  for (const requirement of fields?.requirements ?? []) {
    if (commonFields.includes(requirement.field) || Object.hasOwn(paths, requirement.field)) continue;
    if (info.source === 'crd') {
      throw badRequestError(`"${requirement.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
    }
    throw badRequestError(`field label not supported: ${requirement.field}`);
  }
  if (labels === undefined && fields === undefined) return { filter: undefined, labels, fields };
  const fieldMatcher = fields;
  const labelMatcher = labels;
  const filter: ObjectFilter = (object) => {
    if (labelMatcher && !labelMatcher.matches(object.metadata?.labels)) return false;
    if (fieldMatcher) {
      return fieldMatcher.matches((field) => {
        const path = paths[field] ?? field;
        return fieldValueOf(object, path) ?? fieldDefaults[field];
      });
    }
    return true;
  };
  return { filter, labels, fields };
}
