// End to end with the real kubectl 1.32 against the embedded API server: CRUD, namespaces, patches, cascading
// delete and `get -w`. Skipped with a reason when kubectl is missing; under CI=true a missing kubectl fails.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './server/testing/test-cluster.js';

const kubectlPath = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const haveKubectl = fs.existsSync(kubectlPath);
if (!haveKubectl) {
  if (process.env.CI === 'true') throw new Error(`${kubectlPath} is missing, and CI=true requires the kubectl end-to-end tests`);
  console.warn(`skipping kubectl end-to-end tests: ${kubectlPath} is not installed`);
}

const run = promisify(execFile);
let cluster: TestCluster;
let home: string;

async function kubectl(args: string[], input?: string): Promise<string> {
  const env = { ...process.env, HOME: home, KUBECONFIG: cluster.server.kubeconfigPath };
  if (input === undefined) return (await run(kubectlPath, args, { env, timeout: 15_000 })).stdout;
  return new Promise((resolve, reject) => {
    const child = execFile(kubectlPath, args, { env, timeout: 15_000 }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
    child.stdin?.end(input);
  });
}

describe.skipIf(!haveKubectl)('kubectl 1.32 against the embedded API server', () => {
  beforeAll(async () => {
    cluster = await startTestCluster();
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'aviary-kubectl-home-'));
  });
  afterAll(async () => {
    await cluster?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('lists the namespaces', async () => {
    const out = await kubectl(['get', 'ns']);
    const names = out.trim().split('\n').slice(1).map((line) => line.split(/\s+/)[0]);
    expect(out.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+AGE$/);
    expect(names).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  });

  it('creates, gets and deletes a ConfigMap and a Service', async () => {
    const manifest = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: e2e-cm\n  labels: {app: e2e}\ndata:\n  key: value\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: e2e-svc\nspec:\n  selector: {app: e2e}\n  ports:\n  - port: 80\n    targetPort: 8080\n',
    ].join('---\n');
    expect(await kubectl(['create', '--validate=false', '-f', '-'], manifest)).toBe('configmap/e2e-cm created\nservice/e2e-svc created\n');
    const cm = JSON.parse(await kubectl(['get', 'configmap', 'e2e-cm', '-o', 'json']));
    expect(cm).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'e2e-cm', namespace: 'default' }, data: { key: 'value' } });
    expect(await kubectl(['get', 'svc', 'e2e-svc', '-o', 'jsonpath={.spec.ports[0].targetPort}'])).toBe('8080');
    expect(await kubectl(['get', 'cm', '-l', 'app=e2e', '-o', 'name'])).toBe('configmap/e2e-cm\n');
    expect(await kubectl(['delete', 'configmap', 'e2e-cm'])).toBe('configmap "e2e-cm" deleted\n');
    expect(await kubectl(['delete', 'service', 'e2e-svc'])).toBe('service "e2e-svc" deleted\n');
    await expect(kubectl(['get', 'cm', 'e2e-cm'])).rejects.toThrow(/configmaps "e2e-cm" not found/);
  });

  it('patches with --type merge and --type json', async () => {
    await kubectl(['create', '--validate=false', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: e2e-patch\ndata:\n  a: "1"\n');
    expect(await kubectl(['patch', 'cm', 'e2e-patch', '--type', 'merge', '-p', '{"data":{"b":"2"}}'])).toBe('configmap/e2e-patch patched\n');
    await kubectl(['patch', 'cm', 'e2e-patch', '--type', 'json', '-p', '[{"op":"remove","path":"/data/a"}]']);
    expect(JSON.parse(await kubectl(['get', 'cm', 'e2e-patch', '-o', 'jsonpath={.data}']))).toEqual({ b: '2' });
  });

  it('cascades a delete to an owned object', async () => {
    await kubectl(['create', '--validate=false', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: e2e-owner\n');
    const uid = await kubectl(['get', 'cm', 'e2e-owner', '-o', 'jsonpath={.metadata.uid}']);
    await kubectl(
      ['create', '--validate=false', '-f', '-'],
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: e2e-owned\n  ownerReferences:\n  - {apiVersion: v1, kind: ConfigMap, name: e2e-owner, uid: ${uid}}\n`,
    );
    await kubectl(['delete', 'cm', 'e2e-owner']);
    await cluster.server.gc.whenIdle();
    await expect(kubectl(['get', 'cm', 'e2e-owned'])).rejects.toThrow(/not found/);
  });

  it('prints a change made by another client in get -w', async () => {
    const env = { ...process.env, HOME: home, KUBECONFIG: cluster.server.kubeconfigPath };
    const child = spawn(kubectlPath, ['get', 'configmaps', '-w', '--namespace', 'default'], { env });
    let out = '';
    const seen = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`kubectl get -w did not print ${text}; output so far:\n${out}`)), 10_000);
        const check = () => {
          if (!out.includes(text)) return;
          clearTimeout(timer);
          resolve();
        };
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          check();
        });
        check();
      });
    try {
      await seen('e2e-patch');
      const created = await cluster.request('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'e2e-watched' } } });
      expect(created.status).toBe(201);
      await seen('e2e-watched');
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGTERM');
    }
  });
});
