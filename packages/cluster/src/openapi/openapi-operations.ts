// Builders for OpenAPI operations and their query parameters, shaped like the apiserver's published v3 documents.
import type { GroupVersionKind } from '../schema/json-schema.js';
import { ref } from '../schema/schema-dsl.js';
import { metaV1 } from './component-names.js';

export type OpenApiObject = Record<string, unknown>;

function queryParameter(name: string, type: 'string' | 'boolean' | 'integer', description: string): OpenApiObject {
  return { name, in: 'query', description, schema: { type, uniqueItems: true } };
}

export const parameters = {
  pretty: queryParameter('pretty', 'string', "If 'true', then the output is pretty printed."),
  dryRun: queryParameter('dryRun', 'string', 'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed'),
  fieldManager: queryParameter('fieldManager', 'string', 'fieldManager is a name associated with the actor or entity that is making these changes.'),
  fieldValidation: queryParameter(
    'fieldValidation',
    'string',
    'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: Ignore, Warn (the default) and Strict.',
  ),
  force: queryParameter('force', 'boolean', 'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people.'),
  gracePeriodSeconds: queryParameter('gracePeriodSeconds', 'integer', 'The duration in seconds before the object should be deleted.'),
  orphanDependents: queryParameter('orphanDependents', 'boolean', 'Deprecated: please use the PropagationPolicy.'),
  propagationPolicy: queryParameter('propagationPolicy', 'string', "Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'."),
  allowWatchBookmarks: queryParameter('allowWatchBookmarks', 'boolean', 'allowWatchBookmarks requests watch events with type "BOOKMARK".'),
  continue: queryParameter('continue', 'string', 'The continue option should be set when retrieving more results from the server.'),
  fieldSelector: queryParameter('fieldSelector', 'string', 'A selector to restrict the list of returned objects by their fields.'),
  labelSelector: queryParameter('labelSelector', 'string', 'A selector to restrict the list of returned objects by their labels.'),
  limit: queryParameter('limit', 'integer', 'limit is a maximum number of responses to return for a list call.'),
  resourceVersion: queryParameter('resourceVersion', 'string', 'resourceVersion sets a constraint on what resource versions a request may be served from.'),
  resourceVersionMatch: queryParameter('resourceVersionMatch', 'string', 'resourceVersionMatch determines how resourceVersion is applied to list calls.'),
  sendInitialEvents: queryParameter('sendInitialEvents', 'boolean', 'sendInitialEvents=true may be set together with watch=true.'),
  timeoutSeconds: queryParameter('timeoutSeconds', 'integer', 'Timeout for the list/watch call.'),
  watch: queryParameter('watch', 'boolean', 'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.'),
  container: queryParameter('container', 'string', 'The container for which to stream logs.'),
  follow: queryParameter('follow', 'boolean', 'Follow the log stream of the pod.'),
  tailLines: queryParameter('tailLines', 'integer', 'If set, the number of lines from the end of the logs to show.'),
} as const satisfies Record<string, OpenApiObject>;

export function pathParameter(name: 'name' | 'namespace'): OpenApiObject {
  const description = name === 'name' ? 'name of the resource' : 'object name and auth scope, such as for teams and projects';
  return { name, in: 'path', description, required: true, schema: { type: 'string', uniqueItems: true } };
}

export const listParameters = [
  parameters.allowWatchBookmarks,
  parameters.continue,
  parameters.fieldSelector,
  parameters.labelSelector,
  parameters.limit,
  parameters.resourceVersion,
  parameters.resourceVersionMatch,
  parameters.sendInitialEvents,
  parameters.timeoutSeconds,
  parameters.watch,
];
export const writeParameters = [parameters.dryRun, parameters.fieldManager, parameters.fieldValidation];
export const patchParameters = [...writeParameters, parameters.force];
export const deleteParameters = [parameters.dryRun, parameters.gracePeriodSeconds, parameters.orphanDependents, parameters.propagationPolicy];

/** Patch types every resource accepts; strategic merge only for built-in kinds (CRDs answer 415). */
export function patchContentTypes(strategicMerge: boolean): string[] {
  const types = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json'];
  return strategicMerge ? [...types, 'application/strategic-merge-patch+json'] : types;
}

export function jsonContent(component: string): OpenApiObject {
  const schema = ref(component);
  return { 'application/json': { schema }, 'application/yaml': { schema } };
}

export interface OperationOptions {
  readonly action: 'get' | 'list' | 'post' | 'put' | 'patch' | 'delete' | 'deletecollection' | 'connect';
  readonly operationId: string;
  readonly description: string;
  readonly tag: string;
  readonly gvk: GroupVersionKind;
  /** Response body component; omitted for plain-text responses (pod logs). */
  readonly response?: string;
  readonly parameters?: readonly OpenApiObject[];
  readonly requestBody?: OpenApiObject;
  /** Also answers 201 Created (create, replace, apply). */
  readonly created?: boolean;
  readonly accepted?: boolean;
}

export function operation(options: OperationOptions): OpenApiObject {
  const ok = options.response ? { description: 'OK', content: jsonContent(options.response) } : { description: 'OK', content: { 'text/plain': { schema: { type: 'string' } } } };
  const responses: OpenApiObject = { '200': ok };
  if (options.created && options.response) responses['201'] = { description: 'Created', content: jsonContent(options.response) };
  if (options.accepted && options.response) responses['202'] = { description: 'Accepted', content: jsonContent(options.response) };
  responses['401'] = { description: 'Unauthorized' };
  const op: OpenApiObject = { tags: [options.tag], description: options.description, operationId: options.operationId };
  if (options.parameters && options.parameters.length > 0) op['parameters'] = [...options.parameters];
  if (options.requestBody) op['requestBody'] = options.requestBody;
  op['responses'] = responses;
  op['x-kubernetes-action'] = options.action;
  op['x-kubernetes-group-version-kind'] = { group: options.gvk.group, kind: options.gvk.kind, version: options.gvk.version };
  return op;
}

export function bodyOf(component: string): OpenApiObject {
  return { content: { '*/*': { schema: ref(component) } }, required: true };
}

export function patchBody(strategicMerge: boolean): OpenApiObject {
  const schema = ref(metaV1('Patch'));
  return { content: Object.fromEntries(patchContentTypes(strategicMerge).map((type) => [type, { schema }])), required: true };
}
