// @kubernetes/client-node 1.4 against the embedded API server, through the kubeconfig it writes: typed calls
// (bodies without kind), patches with explicit content types, errors as ApiException, and an informer.
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './testing/test-cluster.js';

let cluster: TestCluster;
let kc: k8s.KubeConfig;
beforeAll(async () => {
  cluster = await startTestCluster();
  kc = new k8s.KubeConfig();
  kc.loadFromFile(cluster.server.kubeconfigPath);
});
afterAll(async () => {
  await cluster.close();
});

describe('@kubernetes/client-node', () => {
  it('creates without kind, patches and reads through the typed API', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const created = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'cn' }, data: { a: '1' } } });
    expect(created.metadata?.uid).toBeDefined();
    await core.patchNamespacedConfigMap(
      { namespace: 'default', name: 'cn', body: { data: { b: '2' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    const read = await core.readNamespacedConfigMap({ namespace: 'default', name: 'cn' });
    expect(read.data).toEqual({ a: '1', b: '2' });
    const list = await core.listNamespace();
    expect(list.items.map((n) => n.metadata?.name)).toContain('kube-system');
  });

  it('reports failures as ApiException with the Status body', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const failure = await core.readNamespacedConfigMap({ namespace: 'default', name: 'absent' }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(k8s.ApiException);
    const apiException = failure as k8s.ApiException<string>;
    expect(apiException.code).toBe(404);
    expect(JSON.parse(apiException.body)).toMatchObject({ kind: 'Status', reason: 'NotFound' });
  });

  it('runs an informer that sees creates, updates and deletes', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const informer = k8s.makeInformer(kc, '/api/v1/namespaces/default/configmaps', () => core.listNamespacedConfigMap({ namespace: 'default' }));
    const seen: string[] = [];
    const waitFor = (entry: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`informer did not see ${entry}: ${seen.join(', ')}`)), 5000);
        const poll = setInterval(() => {
          if (!seen.includes(entry)) return;
          clearTimeout(timer);
          clearInterval(poll);
          resolve();
        }, 10);
      });
    informer.on('add', (o) => seen.push(`add ${o.metadata?.name}`));
    informer.on('update', (o) => seen.push(`update ${o.metadata?.name}`));
    informer.on('delete', (o) => seen.push(`delete ${o.metadata?.name}`));
    informer.on('error', () => undefined);
    await informer.start();
    try {
      await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'inf' } } });
      await waitFor('add inf');
      await core.replaceNamespacedConfigMap({ namespace: 'default', name: 'inf', body: { metadata: { name: 'inf' }, data: { x: 'y' } } });
      await waitFor('update inf');
      await core.deleteNamespacedConfigMap({ namespace: 'default', name: 'inf' });
      await waitFor('delete inf');
      expect(informer.get('cn', 'default')).toBeDefined();
    } finally {
      await informer.stop();
    }
  });
});
