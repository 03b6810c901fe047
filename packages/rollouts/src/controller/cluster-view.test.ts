// Tests for isControlledBy: which cached objects a sync treats as the rollout's own (also what the owner index finds).
import type { KubeObject, OwnerReference } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { isControlledBy, type RolloutOwner } from './cluster-view.js';

const rolloutRef = (overrides: Partial<OwnerReference> = {}): OwnerReference => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  name: 'demo',
  uid: 'uid-demo',
  controller: true,
  ...overrides,
});

const replicaSet = (namespace: string, refs: OwnerReference[] | undefined): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'demo-abc', namespace, ...(refs ? { ownerReferences: refs } : {}) },
});

const stored: RolloutOwner = { namespace: 'default', name: 'demo', uid: 'uid-demo' };
const unsaved: RolloutOwner = { namespace: 'default', name: 'demo' };

describe('isControlledBy', () => {
  it.each([
    ['a ReplicaSet whose controller reference carries the rollout uid is owned', stored, replicaSet('default', [rolloutRef()]), true],
    ['a controller reference to another uid (a deleted and re-created rollout) is not', stored, replicaSet('default', [rolloutRef({ uid: 'uid-old' })]), false],
    ['a reference that is not the controller reference is not', stored, replicaSet('default', [rolloutRef({ controller: false })]), false],
    ['an orphan is not adopted', stored, replicaSet('default', undefined), false],
    ['an object in another namespace is not', stored, replicaSet('other', [rolloutRef()]), false],
    ['a rollout without a uid owns by kind and name', unsaved, replicaSet('default', [rolloutRef({ uid: 'anything' })]), true],
    ['a rollout without a uid does not own another kind of owner of that name', unsaved, replicaSet('default', [rolloutRef({ kind: 'Deployment' })]), false],
  ])('%s', (_name, owner, object, expected) => {
    expect(isControlledBy(owner, object)).toBe(expected);
  });
});
