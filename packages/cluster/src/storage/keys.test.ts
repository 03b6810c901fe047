// The storage key scheme: building keys and prefixes, parsing them back, and prefix isolation.
import { describe, expect, it } from 'vitest';
import { collectionPrefix, InvalidKeyError, isKeyInPrefix, objectKey, parseObjectKey } from './keys.js';
import type { KeyParts } from './keys.js';

describe('objectKey', () => {
  it.each<[string, KeyParts, string]>([
    ['a core namespaced object', { group: '', resource: 'pods', namespace: 'default', name: 'web-1' }, '/core/pods/default/web-1'],
    ['a grouped namespaced object', { group: 'argoproj.io', resource: 'rollouts', namespace: 'prod', name: 'demo' }, '/argoproj.io/rollouts/prod/demo'],
    ['a cluster-scoped object', { group: '', resource: 'namespaces', name: 'default' }, '/core/namespaces/default'],
    ['an empty namespace as cluster-scoped', { group: 'apiextensions.k8s.io', resource: 'customresourcedefinitions', namespace: '', name: 'rollouts.argoproj.io' }, '/apiextensions.k8s.io/customresourcedefinitions/rollouts.argoproj.io'],
  ])('builds the key of %s', (_case, parts, key) => {
    expect(objectKey(parts)).toBe(key);
    expect(parseObjectKey(key)).toEqual(parts.namespace === '' ? { ...parts, namespace: undefined } : parts);
  });

  it.each([
    ['a name with a slash', { group: '', resource: 'pods', namespace: 'default', name: 'a/b' }],
    ['an empty name', { group: '', resource: 'pods', namespace: 'default', name: '' }],
    ['an empty resource', { group: 'apps', resource: '', name: 'x' }],
  ])('rejects %s', (_case, parts) => {
    expect(() => objectKey(parts)).toThrow(InvalidKeyError);
  });
});

describe('collectionPrefix', () => {
  it.each([
    ['one namespace', { group: '', resource: 'pods', namespace: 'default' }, '/core/pods/default/'],
    ['all namespaces', { group: '', resource: 'pods' }, '/core/pods/'],
    ['a grouped cluster-scoped resource', { group: 'argoproj.io', resource: 'clusteranalysistemplates' }, '/argoproj.io/clusteranalysistemplates/'],
  ])('builds the prefix of %s', (_case, parts, prefix) => {
    expect(collectionPrefix(parts)).toBe(prefix);
  });

  it('does not let namespace default match namespace default2', () => {
    const prefix = collectionPrefix({ group: '', resource: 'pods', namespace: 'default' });
    expect(isKeyInPrefix(objectKey({ group: '', resource: 'pods', namespace: 'default', name: 'a' }), prefix)).toBe(true);
    expect(isKeyInPrefix(objectKey({ group: '', resource: 'pods', namespace: 'default2', name: 'a' }), prefix)).toBe(false);
  });

  it('does not let resource pods match podtemplates', () => {
    const prefix = collectionPrefix({ group: '', resource: 'pods' });
    expect(isKeyInPrefix(objectKey({ group: '', resource: 'podtemplates', namespace: 'x', name: 'a' }), prefix)).toBe(false);
  });
});

describe('parseObjectKey', () => {
  it.each(['core/pods/default/a', '/core/pods', '/core/pods/default/a/b', '/core//default/a', '/core/pods/default/'])(
    'rejects %j',
    (key) => {
      expect(() => parseObjectKey(key)).toThrow(InvalidKeyError);
    },
  );
});
