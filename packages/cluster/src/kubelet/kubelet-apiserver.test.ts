// The kubelet against the real embedded API server over HTTPS: binding, status, graceful deletion and logs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKubeClient, isNotFound, Resources, type KubeClient, type Pod } from '@aviary/kube';
import { RuntimeRegistry } from '../runtime/index.js';
import { startTestCluster, type TestCluster } from '../server/testing/test-cluster.js';
import { startKubelet, type Kubelet } from './kubelet.js';
import { isAlive, shellContainer, waitUntil } from './testing/kubelet-test-kit.js';

let cluster: TestCluster;
let client: KubeClient;
let kubelet: Kubelet;
let dataDir: string;

beforeAll(async () => {
  cluster = await startTestCluster();
  client = createKubeClient({ kubeconfig: cluster.server.kubeconfigPath }).client;
  dataDir = mkdtempSync(join(tmpdir(), 'aviary-kubelet-e2e-'));
  kubelet = await startKubelet({ client, runtimes: new RuntimeRegistry(), dataDir, podSubnet: '127.56.0.0/16', perPodAddresses: true, log: () => undefined });
});

afterAll(async () => {
  await kubelet?.stop();
  await cluster?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function waitForPod<T>(name: string, check: (pod: Pod) => T | undefined | false): Promise<T> {
  let latest: Pod | undefined;
  const deadline = Date.now() + 8_000;
  while (Date.now() < deadline) {
    latest = await client.get<Pod>(Resources.pods, name, 'default').catch(() => undefined);
    const value = latest === undefined ? undefined : check(latest);
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for pod ${name}; last status ${JSON.stringify(latest?.status)}`);
}

describe('kubelet on the embedded API server', () => {
  it('binds through pods/binding and reports the pod Running and Ready', async () => {
    await client.create<Pod>(Resources.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hello', namespace: 'default' }, spec: { containers: [shellContainer('c', 'echo hello; exec sleep 30')] } });
    const pod = await waitForPod('hello', (p) => p.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True' && p);
    expect(pod.spec?.nodeName).toBe('aviary-local');
    expect(pod.status?.podIP).toMatch(/^127\.56\.0\.\d+$/);
    let logs = '';
    const deadline = Date.now() + 5_000;
    while (logs !== 'hello\n' && Date.now() < deadline) {
      logs = '';
      for await (const chunk of await kubelet.readLogs({ namespace: 'default', pod: 'hello' })) logs += String(chunk);
    }
    expect(logs).toBe('hello\n');
  });

  it('deletes a pod gracefully: SIGTERM, the containers stop, then the kubelet removes the object', async () => {
    await client.create<Pod>(Resources.pods, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'polite', namespace: 'default' },
      spec: { terminationGracePeriodSeconds: 30, containers: [shellContainer('c', 'echo $$$$ > pid; exec sleep 30')] },
    });
    const pod = await waitForPod('polite', (p) => p.status?.phase === 'Running' && p);
    const pid = await readPid(pod);
    await client.delete(Resources.pods, 'polite', 'default');
    await waitForPodGone('polite');
    expect(isAlive(pid)).toBe(false);
  });

  it('kills a container that ignores SIGTERM once the grace period is over', async () => {
    const pod = await createStubborn('stubborn');
    const pid = await readPid(pod);
    const started = Date.now();
    await client.delete(Resources.pods, 'stubborn', 'default');
    const marked = await client.get<Pod>(Resources.pods, 'stubborn', 'default');
    expect(marked.metadata?.deletionGracePeriodSeconds).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(isAlive(pid)).toBe(true); // SIGTERM is ignored; SIGKILL waits for the grace period
    await waitUntil(() => !isAlive(pid), 5_000, 'the process to be killed');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  // KNOWN SERVER BUG (rest/object-deletion.ts, "Already being deleted" branch): once deletionTimestamp has
  // passed, a DELETE with gracePeriodSeconds 0 is ignored (it compares now + 0 with the deadline instead of
  // 0 with deletionGracePeriodSeconds, as upstream BeforeDelete does), so the kubelet's final delete of a
  // pod that needed its whole grace period does nothing. Remove `.fails` once the server is fixed.
  it('removes the object of a pod that needed its whole grace period', async () => {
    await createStubborn('stubborn-2');
    await client.delete(Resources.pods, 'stubborn-2', 'default');
    await waitForPodGone('stubborn-2', 2_500);
  });
});

async function createStubborn(name: string): Promise<Pod> {
  await client.create<Pod>(Resources.pods, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { terminationGracePeriodSeconds: 1, containers: [shellContainer('c', 'trap "" TERM; echo $$$$ > pid; while true; do sleep 0.1; done')] },
  });
  return waitForPod(name, (p) => p.status?.phase === 'Running' && p);
}

async function readPid(pod: Pod): Promise<number> {
  const pidFile = join(dataDir, 'pods', pod.metadata?.uid ?? '', 'pid');
  return waitUntil(() => {
    try {
      return Number(readFileSync(pidFile, 'utf8')) || undefined;
    } catch {
      return undefined;
    }
  }, 5_000, 'the pid file');
}

async function waitForPodGone(name: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await client.get<Pod>(Resources.pods, name, 'default');
    } catch (error: unknown) {
      if (isNotFound(error)) return;
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`pod ${name} was not deleted`);
}
