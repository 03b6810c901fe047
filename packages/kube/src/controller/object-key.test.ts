// Tests for object keys: namespace/name keys, splitting them back, and controlling-owner keys.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types/meta.js';
import { controllerOwnerKey, InvalidObjectKeyError, objectKey, splitObjectKey, UnnamedObjectError } from './object-key.js';

describe('objectKey', () => {
  it.each([
    { case: 'a namespaced object is keyed ns/name', obj: { metadata: { namespace: 'default', name: 'demo' } }, key: 'default/demo' },
    { case: 'a cluster-scoped object is keyed by name alone', obj: { metadata: { name: 'node-1' } }, key: 'node-1' },
  ])('$case', ({ obj, key }) => {
    expect(objectKey(obj)).toBe(key);
  });

  it('refuses an object without a name', () => {
    expect(() => objectKey({ kind: 'Pod', metadata: {} })).toThrow(UnnamedObjectError);
  });
});

describe('splitObjectKey', () => {
  it.each([
    { key: 'default/demo', parts: { namespace: 'default', name: 'demo' } },
    { key: 'node-1', parts: { namespace: undefined, name: 'node-1' } },
  ])('splits $key', ({ key, parts }) => {
    expect(splitObjectKey(key)).toEqual(parts);
  });

  it.each(['', '/name', 'ns/', 'a/b/c'])('rejects %j', (key) => {
    expect(() => splitObjectKey(key)).toThrow(InvalidObjectKeyError);
  });
});

describe('controllerOwnerKey', () => {
  const replicaSet: KubeObject = {
    metadata: {
      namespace: 'prod',
      name: 'demo-6f7b',
      ownerReferences: [
        { apiVersion: 'v1', kind: 'ConfigMap', name: 'other', uid: 'u0' },
        { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'demo', uid: 'u1', controller: true },
      ],
    },
  };

  it.each([
    { case: 'with no filter it is the controller owner’s key', filter: {}, key: 'prod/demo' },
    { case: 'a matching kind gives the owner’s key', filter: { kind: 'Rollout' }, key: 'prod/demo' },
    { case: 'a matching group gives the owner’s key', filter: { group: 'argoproj.io', kind: 'Rollout' }, key: 'prod/demo' },
    { case: 'another kind gives nothing', filter: { kind: 'Deployment' }, key: undefined },
    { case: 'another group gives nothing', filter: { group: 'apps' }, key: undefined },
  ])('$case', ({ filter, key }) => {
    expect(controllerOwnerKey(replicaSet, filter)).toBe(key);
  });

  it('ignores owners that are not the controller', () => {
    const obj: KubeObject = { metadata: { name: 'x', ownerReferences: [{ apiVersion: 'v1', kind: 'Rollout', name: 'r', uid: 'u' }] } };
    expect(controllerOwnerKey(obj)).toBeUndefined();
    expect(controllerOwnerKey({ metadata: { name: 'y' } })).toBeUndefined();
  });
});
