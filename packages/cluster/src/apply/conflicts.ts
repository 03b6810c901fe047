// Apply conflicts and the 409 Status Kubernetes answers with (message and causes byte-for-byte as upstream).
//
// Format: k8s.io/apimachinery pkg/util/managedfields/internal/conflict.go (NewConflictError, printManager),
// structured-merge-diff merge/conflict.go (grouping by manager).
import { ApiError, StatusReason, type Status, type StatusCause } from '@aviary/kube';
import { compareStrings } from './json-values.js';
import { ManagedFieldsOperation, managerKey, type ManagerIdentity } from './managed-fields.js';
import { describeFieldPath, type FieldPath } from './path-element.js';

/** A field the applier wants to change that another manager owns. */
export interface Conflict {
  /** The other manager's identity (its name, operation, and for Update the apiVersion and subresource). */
  readonly owner: ManagerIdentity;
  readonly path: FieldPath;
  /** The readable path: `.spec.replicas`. */
  readonly field: string;
}

export const fieldManagerConflictCause = 'FieldManagerConflict';

export function makeConflict(owner: ManagerIdentity, path: FieldPath): Conflict {
  return { owner, path, field: describeFieldPath(path) };
}

/**
 * How a conflict names the owner: `"kubectl"` for an applier; `"kubectl-client-side-apply" using apps/v1`
 * for an updater; `"x" with subresource "status" using v1` for a subresource writer.
 */
export function describeOwner(owner: ManagerIdentity): string {
  let text = JSON.stringify(owner.manager);
  if (owner.subresource) text += ` with subresource ${JSON.stringify(owner.subresource)}`;
  if (owner.operation === ManagedFieldsOperation.Update) text += ` using ${owner.apiVersion ?? ''}`;
  return text;
}

/**
 * The message of the 409:
 *
 *   Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas
 *   Apply failed with 2 conflicts: conflicts with "x" using apps/v1:\n- .spec.a\n- .spec.b
 */
export function conflictMessage(conflicts: readonly Conflict[]): string {
  if (conflicts.length === 1) {
    const only = conflicts[0]!;
    return `Apply failed with 1 conflict: conflict with ${describeOwner(only.owner)}: ${only.field}`;
  }
  const byOwner = new Map<string, { owner: ManagerIdentity; fields: string[] }>();
  for (const conflict of conflicts) {
    const key = managerKey(conflict.owner);
    const group = byOwner.get(key) ?? { owner: conflict.owner, fields: [] };
    group.fields.push(conflict.field);
    byOwner.set(key, group);
  }
  const lines = [...byOwner.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .flatMap(([, group]) => [`conflicts with ${describeOwner(group.owner)}:`, ...group.fields.map((field) => `- ${field}`)]);
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

/** The Status body of the 409 Conflict, one `FieldManagerConflict` cause per conflict. */
export function conflictStatus(conflicts: readonly Conflict[]): Status {
  const causes: StatusCause[] = conflicts.map((conflict) => ({
    reason: fieldManagerConflictCause,
    message: `conflict with ${describeOwner(conflict.owner)}`,
    field: conflict.field,
  }));
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: conflictMessage(conflicts),
    reason: StatusReason.Conflict,
    details: { causes },
    code: 409,
  };
}

/** The ApiError to throw from the server-side apply hook. */
export function conflictError(conflicts: readonly Conflict[]): ApiError {
  return new ApiError(conflictStatus(conflicts));
}

/** Conflicts in a stable order: by owner identity, then by path order within each owner. */
export function sortConflicts(conflicts: readonly Conflict[]): Conflict[] {
  return [...conflicts].sort((a, b) => compareStrings(managerKey(a.owner), managerKey(b.owner)));
}
