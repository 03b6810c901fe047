// Server-side apply and managedFields: field sets (FieldsV1), list semantics, apply with conflicts, update tracking.

export { ApplyInputError, isApplyInputError } from './apply-error.js';
export { builtInListInfo } from './built-in-list-info.js';
export { compareObjects, type Comparison } from './compare.js';
export {
  conflictError,
  conflictMessage,
  conflictStatus,
  describeOwner,
  fieldManagerConflictCause,
  type Conflict,
} from './conflicts.js';
export { crdListInfo } from './crd-list-info.js';
export { fieldSetOf } from './field-set-of.js';
export { FieldSet, FieldsV1FormatError } from './field-set.js';
export { buildLastApplied, lastAppliedAnnotation } from './last-applied.js';
export {
  ListType,
  type ListInfoProvider,
  type ListKey,
  type ListSemantics,
  type MapSemantics,
  type SchemaPath,
} from './list-info.js';
export {
  decodeManagedFields,
  encodeManagedFields,
  ManagedFieldsFormatError,
  ManagedFieldsOperation,
  type ManagedSet,
  type ManagedSets,
  type ManagerIdentity,
} from './managed-fields.js';
export { mergeApplied } from './merge.js';
export {
  describeFieldPath,
  fieldElement,
  indexElement,
  keyElement,
  parsePathElement,
  PathElementSyntaxError,
  serializePathElement,
  valueElement,
  type FieldPath,
  type KeyField,
  type PathElement,
} from './path-element.js';
export {
  beforeFirstApplyManager,
  serverSideApply,
  type ServerSideApplyInput,
  type ServerSideApplyResult,
} from './server-side-apply.js';
export { defaultFieldManager, fieldManagerMaxLength, trackUpdate, type TrackUpdateInput } from './track-update.js';

export { listInfoFor } from './list-info-for.js';
export { applyHook, trackManagedFieldsHook } from './apiserver-hooks.js';
