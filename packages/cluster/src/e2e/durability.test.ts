// Issue acceptance: objects survive restarts and kill -9, and a @kubernetes/client-node informer follows kubectl
// and recovers when the server restarts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { createKubeClient, Resources, type ConfigMap, type KubeClient } from '@aviary/kube';
import { afterEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../apiserver.js';
import { Kubectl, requireKubectl } from '../testing/kubectl.js';

const childScript = path.join(import.meta.dirname, 'testdata', 'apiserver-child.ts');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aviary-durable-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function clientFor(server: ApiServer): KubeClient {
  return createKubeClient({ kubeconfig: server.kubeconfigPath }).client;
}

const configMap = (name: string): ConfigMap => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { name } });

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('durability', () => {
  it('keeps every object across a restart on the same data directory', async () => {
    const dataDir = tempDir();
    let server = await startApiServer({ dataDir, port: 0 });
    const port = server.port;
    await clientFor(server).create(Resources.configMaps, { ...configMap('kept'), metadata: { name: 'kept', namespace: 'default' } });
    const before = await clientFor(server).get<ConfigMap>(Resources.configMaps, 'kept', 'default');
    await server.close();

    server = await startApiServer({ dataDir, port });
    cleanups.push(() => server.close());
    const after = await clientFor(server).get<ConfigMap>(Resources.configMaps, 'kept', 'default');
    expect(after).toEqual(before);
    expect((await clientFor(server).list(Resources.customResourceDefinitions)).items.map((c) => c.metadata?.name)).toContain('rollouts.argoproj.io');
  });

  it('loses no acknowledged write when killed with SIGKILL mid-loop', async () => {
    const dataDir = tempDir();
    const start = () => {
      const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', childScript, dataDir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
      const url = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          const match = /listening (\S+)/.exec(chunk.toString());
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`apiserver child exited ${code}`)));
      });
      return { child, url };
    };
    const first = start();
    await first.url;
    const client = createKubeClient({ kubeconfig: path.join(dataDir, 'kubeconfig') }).client;
    const acknowledged: string[] = [];
    let writing = true;
    const loop = (async () => {
      for (let i = 0; writing; i++) {
        try {
          await client.create(Resources.configMaps, { ...configMap(`ack-${i}`), metadata: { name: `ack-${i}`, namespace: 'default' } });
          acknowledged.push(`ack-${i}`);
        } catch {
          return; // the server died under us: this write was never acknowledged
        }
      }
    })();
    await until(() => acknowledged.length >= 50);
    first.child.kill('SIGKILL');
    await loop;
    writing = false;

    const second = start();
    cleanups.push(() => {
      second.child.kill('SIGKILL');
    });
    await second.url;
    const restarted = createKubeClient({ kubeconfig: path.join(dataDir, 'kubeconfig') }).client;
    const names = new Set((await restarted.list(Resources.configMaps, { namespace: 'default' })).items.map((c) => c.metadata?.name));
    const lost = acknowledged.filter((name) => !names.has(name));
    expect(acknowledged.length).toBeGreaterThanOrEqual(50);
    expect(lost).toEqual([]);
  }, 60_000);
});

describe.skipIf(!requireKubectl('client-node informer'))('a @kubernetes/client-node informer', () => {
  it('sees kubectl creates, updates and deletes, and recovers after the server restarts', async () => {
    const dataDir = tempDir();
    let server = await startApiServer({ dataDir, port: 0 });
    const port = server.port;
    cleanups.push(() => server.close());
    const kubectl = new Kubectl(server.kubeconfigPath);
    cleanups.push(() => kubectl.cleanup());

    const kc = new k8s.KubeConfig();
    kc.loadFromFile(server.kubeconfigPath);
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const informer = k8s.makeInformer(kc, '/api/v1/namespaces/default/configmaps', () => core.listNamespacedConfigMap({ namespace: 'default' }));
    const seen: string[] = [];
    let stopped = false;
    informer.on('add', (cm) => seen.push(`add ${cm.metadata?.name}`));
    informer.on('update', (cm) => seen.push(`update ${cm.metadata?.name} ${cm.data?.v ?? ''}`));
    informer.on('delete', (cm) => seen.push(`delete ${cm.metadata?.name}`));
    // client-node stops on a connection error; restarting it is the caller's job, as its docs say.
    informer.on('error', () => {
      if (!stopped) setTimeout(() => void informer.start().catch(() => undefined), 200);
    });
    await informer.start();
    cleanups.push(async () => {
      stopped = true;
      await informer.stop();
    });

    await kubectl.run(['create', 'configmap', 'watched', '--from-literal=v=1', '--validate=false', '--dry-run=client', '-o', 'json']).then((json) => kubectl.run(['create', '-f', '-'], json));
    await until(() => seen.includes('add watched'));
    await kubectl.run(['patch', 'cm', 'watched', '--type', 'merge', '-p', '{"data":{"v":"2"}}']);
    await until(() => seen.includes('update watched 2'));
    await kubectl.run(['delete', 'cm', 'watched']);
    await until(() => seen.includes('delete watched'));

    await server.close();
    server = await startApiServer({ dataDir, port });
    await kubectl.run(['create', '-f', '-'], JSON.stringify(configMap('after-restart')));
    await until(() => seen.includes('add after-restart'), 15_000);
  }, 60_000);
});
