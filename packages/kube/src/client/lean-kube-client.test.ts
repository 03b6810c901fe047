// Tests for createLeanKubeClient: plain kubeconfigs and the in-cluster account without client-node, others through it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startListWatchServer, type ListWatchServer } from '../testing/list-watch-server.js';
import { createLeanKubeClient, type HttpKubeClient } from './http-kube-client.js';
import { readLiteInClusterConfig } from './kubeconfig-lite.js';
import { Resources } from './resource-type.js';

describe('createLeanKubeClient', () => {
  let server: ListWatchServer;
  let dir: string;
  let client: HttpKubeClient | undefined;

  beforeEach(async () => {
    server = await startListWatchServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aviary-lean-client-'));
  });

  afterEach(async () => {
    await client?.close();
    client = undefined;
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a token kubeconfig itself and talks to the cluster with it', async () => {
    const file = path.join(dir, 'config');
    fs.writeFileSync(file, server.kubeconfigYaml());
    const created = createLeanKubeClient({ kubeconfig: file, env: {} });
    client = created.client;
    expect(created.namespace).toBe('default');
    await client.create(Resources.configMaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } });
    const list = await client.list(Resources.configMaps, { namespace: 'default' });
    expect(list.items.map((item) => item.metadata?.name)).toEqual(['a']);
  });

  it('lets a namespace option win over the context namespace', () => {
    const file = path.join(dir, 'config');
    fs.writeFileSync(file, server.kubeconfigYaml());
    const created = createLeanKubeClient({ kubeconfig: file, namespace: 'team-a', env: {} });
    client = created.client;
    expect(created.namespace).toBe('team-a');
  });

  it('reads the in-cluster service account: server from the environment, token and CA files, namespace file', () => {
    fs.writeFileSync(path.join(dir, 'token'), 'secret-token');
    fs.writeFileSync(path.join(dir, 'namespace'), 'argo-rollouts\n');
    const config = readLiteInClusterConfig(dir, { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' });
    expect(config).toMatchObject({
      cluster: { server: 'https://10.0.0.1:443', caFile: path.join(dir, 'ca.crt'), skipTLSVerify: false },
      user: { tokenFile: path.join(dir, 'token') },
      namespace: 'argo-rollouts',
    });
    expect(readLiteInClusterConfig(dir, {})).toBeUndefined();
  });
});
