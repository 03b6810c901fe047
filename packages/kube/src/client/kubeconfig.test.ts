// loadKubeConfig: precedence of --kubeconfig, KUBECONFIG, ~/.kube/config and in-cluster; --context and --namespace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { KubeConfigNotFoundError, KubeContextError, loadKubeConfig } from './kubeconfig.js';

interface ContextSpec {
  name: string;
  cluster: string;
  server?: string;
  namespace?: string;
}

/** Writes a kubeconfig with one cluster and user per context; returns its path. */
function writeKubeconfig(file: string, contexts: ContextSpec[], currentContext?: string): string {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: contexts.map((c) => ({ name: c.cluster, cluster: { server: c.server ?? `https://${c.cluster}.example:6443` } })),
    users: contexts.map((c) => ({ name: `${c.name}-user`, user: { token: `${c.name}-token` } })),
    contexts: contexts.map((c) => ({ name: c.name, context: { cluster: c.cluster, user: `${c.name}-user`, ...(c.namespace ? { namespace: c.namespace } : {}) } })),
    ...(currentContext ? { 'current-context': currentContext } : {}),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, stringify(config));
  return file;
}

describe('loadKubeConfig', () => {
  let dir: string;
  let home: string;
  const noServiceAccount = (): string => path.join(dir, 'no-service-account');

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aviary-kubeconfig-'));
    home = path.join(dir, 'home');
    writeKubeconfig(path.join(home, '.kube', 'config'), [{ name: 'home', cluster: 'home-cluster' }], 'home');
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const load = (options: Parameters<typeof loadKubeConfig>[0] & { kubeconfigEnv?: string }) => {
    const { kubeconfigEnv, ...rest } = options ?? {};
    return loadKubeConfig({ homeDir: home, serviceAccountDir: noServiceAccount(), env: kubeconfigEnv ? { KUBECONFIG: kubeconfigEnv } : {}, ...rest });
  };

  it('prefers an explicit --kubeconfig over KUBECONFIG and the home config', () => {
    const explicit = writeKubeconfig(path.join(dir, 'explicit'), [{ name: 'explicit', cluster: 'explicit-cluster', namespace: 'team' }], 'explicit');
    const fromEnv = writeKubeconfig(path.join(dir, 'env'), [{ name: 'env', cluster: 'env-cluster' }], 'env');
    const { kubeConfig, namespace, sources } = load({ kubeconfig: explicit, kubeconfigEnv: fromEnv });
    expect(kubeConfig.getCurrentContext()).toBe('explicit');
    expect(kubeConfig.getCurrentCluster()?.server).toBe('https://explicit-cluster.example:6443');
    expect(namespace).toBe('team');
    expect(sources).toEqual([explicit]);
  });

  it('merges the KUBECONFIG list as kubectl does: first definition and first current-context win', () => {
    const first = writeKubeconfig(path.join(dir, 'first'), [{ name: 'a', cluster: 'shared', server: 'https://first:1' }]);
    const second = writeKubeconfig(
      path.join(dir, 'second'),
      [
        { name: 'a', cluster: 'shared', server: 'https://second:2', namespace: 'ignored' },
        { name: 'b', cluster: 'only-second', server: 'https://second:3', namespace: 'bee' },
      ],
      'a',
    );
    const third = writeKubeconfig(path.join(dir, 'third'), [{ name: 'c', cluster: 'c-cluster' }], 'c');
    const missing = path.join(dir, 'missing');
    const { kubeConfig, namespace, sources } = load({ kubeconfigEnv: [missing, first, second, third].join(path.delimiter) });
    expect(sources).toEqual([first, second, third]);
    expect(kubeConfig.getCurrentContext()).toBe('a');
    expect(kubeConfig.getCurrentCluster()?.server).toBe('https://first:1');
    expect(kubeConfig.getCurrentUser()?.token).toBe('a-token');
    expect(namespace).toBe('default');
    expect(kubeConfig.getContexts().map((c) => c.name).sort()).toEqual(['a', 'b', 'c']);
  });

  it('applies --context and --namespace', () => {
    const file = writeKubeconfig(path.join(dir, 'multi'), [
      { name: 'one', cluster: 'c1', namespace: 'ns-one' },
      { name: 'two', cluster: 'c2', namespace: 'ns-two' },
    ], 'one');
    expect(load({ kubeconfigEnv: file }).namespace).toBe('ns-one');
    const switched = load({ kubeconfigEnv: file, context: 'two' });
    expect(switched.kubeConfig.getCurrentCluster()?.server).toBe('https://c2.example:6443');
    expect(switched.namespace).toBe('ns-two');
    expect(load({ kubeconfigEnv: file, context: 'two', namespace: 'flag' }).namespace).toBe('flag');
    expect(() => load({ kubeconfigEnv: file, context: 'three' })).toThrow(KubeContextError);
  });

  it('falls back to ~/.kube/config when KUBECONFIG is unset', () => {
    const { kubeConfig, sources } = load({});
    expect(kubeConfig.getCurrentContext()).toBe('home');
    expect(sources).toEqual([path.join(home, '.kube', 'config')]);
  });

  it('falls back to the in-cluster service account, with its namespace', () => {
    const serviceAccountDir = path.join(dir, 'sa');
    fs.mkdirSync(serviceAccountDir);
    fs.writeFileSync(path.join(serviceAccountDir, 'token'), 'sa-token');
    fs.writeFileSync(path.join(serviceAccountDir, 'namespace'), 'argo-rollouts\n');
    const { kubeConfig, namespace, sources } = loadKubeConfig({
      homeDir: path.join(dir, 'empty-home'),
      serviceAccountDir,
      env: { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' },
    });
    expect(sources).toEqual(['in-cluster']);
    expect(namespace).toBe('argo-rollouts');
    expect(kubeConfig.getCurrentCluster()).toMatchObject({ server: 'https://10.0.0.1:443', caFile: path.join(serviceAccountDir, 'ca.crt') });
  });

  it('throws KubeConfigNotFoundError when nothing is configured', () => {
    expect(() => loadKubeConfig({ homeDir: path.join(dir, 'empty-home'), serviceAccountDir: noServiceAccount(), env: {} })).toThrow(KubeConfigNotFoundError);
  });
});
