// Tests of the 409 Status built from apply conflicts.
import { describe, expect, it } from 'vitest';
import { ApiError } from '@aviary/kube';
import { conflictError, conflictStatus, makeConflict } from './conflicts.js';
import { fieldElement as f } from './path-element.js';

const replicas = [f('spec'), f('replicas')];

describe('conflictStatus', () => {
  it('builds the Status Kubernetes answers a conflicting apply with', () => {
    const conflicts = [makeConflict({ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'apps/v1' }, replicas)];
    expect(conflictStatus(conflicts)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
      reason: 'Conflict',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using apps/v1', field: '.spec.replicas' }] },
      code: 409,
    });
  });

  it('wraps the Status in an ApiError with code 409', () => {
    const err = conflictError([makeConflict({ manager: 'kubectl', operation: 'Apply' }, replicas)]);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe(409);
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas');
  });
});
