// OpenAPI schemas of meta/v1 (ObjectMeta, ListMeta, LabelSelector, Status, DeleteOptions, …) and the shared scalars.
import type { JsonSchema } from '../schema/json-schema.js';
import { boolean, dateTime, int32, int64, list, map, object, preserve, ref, string, stringSet } from '../schema/schema-dsl.js';
import { intOrStringName, metaV1, quantityName } from './component-names.js';

const time = (): JsonSchema => ref(metaV1('Time'));

export const metaSchemas: Record<string, JsonSchema> = {
  [metaV1('Time')]: dateTime({ description: 'Time is an RFC 3339 timestamp.' }),
  [metaV1('MicroTime')]: dateTime({ description: 'MicroTime is an RFC 3339 timestamp with microseconds.' }),
  [intOrStringName]: string({ format: 'int-or-string', description: 'IntOrString holds an int32 or a string.' }),
  [quantityName]: { description: 'Quantity is a fixed-point number such as 100m or 1Gi.', oneOf: [{ type: 'string' }, { type: 'number' }] },
  // FieldsV1 is an opaque set of field paths owned by a manager: kept as-is.
  [metaV1('FieldsV1')]: preserve({ description: 'FieldsV1 stores a set of fields in a data structure like a Trie, in JSON format.' }),
  [metaV1('ObjectMeta')]: object(
    {
      annotations: map(),
      creationTimestamp: time(),
      deletionGracePeriodSeconds: int64(),
      deletionTimestamp: time(),
      finalizers: stringSet(),
      generateName: string(),
      generation: int64(),
      labels: map(),
      managedFields: list(ref(metaV1('ManagedFieldsEntry')), { listType: 'atomic' }),
      name: string(),
      namespace: string(),
      ownerReferences: list(ref(metaV1('OwnerReference')), { mergeKey: 'uid' }),
      resourceVersion: string(),
      selfLink: string(),
      uid: string(),
    },
    { description: 'ObjectMeta is metadata that all persisted resources must have.' },
  ),
  [metaV1('ManagedFieldsEntry')]: object({
    apiVersion: string(),
    fieldsType: string(),
    fieldsV1: ref(metaV1('FieldsV1')),
    manager: string(),
    operation: string(),
    subresource: string(),
    time: time(),
  }),
  [metaV1('OwnerReference')]: object(
    { apiVersion: string(), blockOwnerDeletion: boolean(), controller: boolean(), kind: string(), name: string(), uid: string() },
    { required: ['apiVersion', 'kind', 'name', 'uid'], 'x-kubernetes-map-type': 'atomic' },
  ),
  [metaV1('ListMeta')]: object({ continue: string(), remainingItemCount: int64(), resourceVersion: string(), selfLink: string() }),
  [metaV1('LabelSelector')]: object(
    { matchExpressions: list(ref(metaV1('LabelSelectorRequirement')), { listType: 'atomic' }), matchLabels: map() },
    { 'x-kubernetes-map-type': 'atomic' },
  ),
  [metaV1('LabelSelectorRequirement')]: object(
    { key: string(), operator: string(), values: list(string(), { listType: 'atomic' }) },
    { required: ['key', 'operator'] },
  ),
  [metaV1('Condition')]: object(
    { lastTransitionTime: time(), message: string(), observedGeneration: int64(), reason: string(), status: string(), type: string() },
    { required: ['type', 'status', 'lastTransitionTime', 'reason', 'message'] },
  ),
  [metaV1('Status')]: object(
    {
      apiVersion: string(),
      code: int32(),
      details: ref(metaV1('StatusDetails')),
      kind: string(),
      message: string(),
      metadata: ref(metaV1('ListMeta'), { default: {} }),
      reason: string(),
      status: string(),
    },
    { 'x-kubernetes-group-version-kind': [{ group: '', kind: 'Status', version: 'v1' }] },
  ),
  [metaV1('StatusDetails')]: object({
    causes: list(ref(metaV1('StatusCause')), { listType: 'atomic' }),
    group: string(),
    kind: string(),
    name: string(),
    retryAfterSeconds: int32(),
    uid: string(),
  }),
  [metaV1('StatusCause')]: object({ field: string(), message: string(), reason: string() }),
  [metaV1('Preconditions')]: object({ resourceVersion: string(), uid: string() }),
  [metaV1('DeleteOptions')]: object(
    {
      apiVersion: string(),
      dryRun: list(string(), { listType: 'atomic' }),
      gracePeriodSeconds: int64(),
      ignoreStoreReadErrorWithClusterBreakingPotential: boolean(),
      kind: string(),
      orphanDependents: boolean(),
      preconditions: ref(metaV1('Preconditions')),
      propagationPolicy: string(),
    },
    { 'x-kubernetes-group-version-kind': [{ group: '', kind: 'DeleteOptions', version: 'v1' }] },
  ),
  [metaV1('Patch')]: { type: 'object', description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.' },
};
