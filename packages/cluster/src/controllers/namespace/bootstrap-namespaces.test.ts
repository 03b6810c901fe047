// Bootstrap namespaces: created once, left alone when present.
import { Resources, type Namespace } from '@aviary/kube';
import { FakeKubeClient } from '@aviary/kube/testing';
import { describe, expect, it } from 'vitest';
import { bootstrapNamespaces } from './bootstrap-namespaces.js';

describe('bootstrapNamespaces', () => {
  it('creates the missing namespaces and is idempotent', async () => {
    const client = new FakeKubeClient({ objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } } as Namespace] });
    expect(await bootstrapNamespaces({ client })).toEqual(['kube-system', 'kube-public', 'kube-node-lease']);
    expect(client.writeActions().map((a) => `${a.verb} ${a.name}`)).toEqual(['create kube-system', 'create kube-public', 'create kube-node-lease']);
    client.clearActions();
    expect(await bootstrapNamespaces({ client })).toEqual([]);
    expect(client.writeActions()).toEqual([]);
    expect(client.tracker.list(Resources.namespaces).map((ns) => ns.metadata?.name).sort()).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  });
});
