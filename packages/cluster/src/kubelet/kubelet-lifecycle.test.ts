// The kubelet over a fake API: node registration, scheduling, status progression, init containers, restart policies.
import { afterEach, describe, expect, it } from 'vitest';
import { describeAction } from '@aviary/kube/testing';
import { Resources, type Lease, type Node } from '@aviary/kube';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { disposeHarness, shellContainer, startKubeletHarness, waitUntil, type KubeletHarness } from './testing/kubelet-test-kit.js';

let harness: KubeletHarness | undefined;

afterEach(async () => {
  await disposeHarness(harness);
  harness = undefined;
});

const conditionOf = (pod: { status?: { conditions?: { type: string; status: string }[] } }, type: string) =>
  pod.status?.conditions?.find((c) => c.type === type)?.status;

describe('kubelet node', () => {
  it('registers the Node with its info, capacity and conditions, and a Lease', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.31.0.0/16' });
    const node = harness.client.tracker.get<Node>(Resources.nodes, undefined, 'aviary-local');
    expect(node?.metadata?.labels?.['kubernetes.io/hostname']).toBe('aviary-local');
    expect(node?.status?.nodeInfo).toMatchObject({ kubeletVersion: 'v1.32.4-aviary', containerRuntimeVersion: 'aviary://0.1.0' });
    expect(node?.status?.capacity?.pods).toBe('10000');
    expect(node?.status?.addresses).toContainEqual({ type: 'InternalIP', address: '127.0.0.1' });
    expect(node?.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual(['MemoryPressure=False', 'DiskPressure=False', 'PIDPressure=False', 'Ready=True']);
    const lease = harness.client.tracker.get<Lease>(Resources.leases, 'kube-node-lease', 'aviary-local');
    expect(lease?.spec?.holderIdentity).toBe('aviary-local');
  });
});

describe('kubelet pods (simulated)', () => {
  it('binds an unscheduled pod and reports it Running and Ready in one status write', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.32.0.0/16' });
    harness.client.clearActions();
    await harness.createPod('web', { containers: [{ name: 'app', image: 'example.com/unknown:1' }] });
    const pod = await harness.waitForPod('web', (p) => conditionOf(p, 'Ready') === 'True' && p);
    expect(pod.spec?.nodeName).toBe('aviary-local');
    expect(pod.status).toMatchObject({ phase: 'Running', hostIP: '127.0.0.1', podIP: '127.32.0.1', podIPs: [{ ip: '127.32.0.1' }], qosClass: 'BestEffort' });
    expect(pod.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    const status = pod.status?.containerStatuses?.[0];
    expect(status).toMatchObject({ name: 'app', ready: true, started: true, restartCount: 0, imageID: 'aviary://simulated/example.com/unknown:1' });
    expect(status?.containerID).toBe(`simulated://${pod.metadata?.uid}/app/0`);
    expect(status?.state?.running?.startedAt).toBeDefined();
    expect(pod.status?.message).toMatch(/simulated/);
    await harness.kubelet.settled();
    const writes = harness.client.writeActions().map((a) => describeAction(a));
    expect(writes).toEqual(['create pods', 'create pods/web/binding', 'patch pods/status']);
    expect(harness.recorder.events).toContain('Normal Scheduled Successfully assigned default/web to aviary-local');
  });

  it("gives pods distinct addresses and reuses a freed one; a process pod's folder goes with it", async () => {
    harness = await startKubeletHarness({ podSubnet: '127.33.0.0/16' });
    await harness.createPod('a', { containers: [shellContainer('c', 'sleep 30')] });
    await harness.createPod('b', { containers: [{ name: 'c', image: 'unknown' }] });
    const ipA = await harness.waitForPod('a', (p) => p.status?.podIP);
    const ipB = await harness.waitForPod('b', (p) => p.status?.podIP);
    expect(new Set([ipA, ipB]).size).toBe(2);
    await harness.waitForPod('a', (p) => p.status?.phase === 'Running');
    const folder = join(harness.dataDir, 'pods', harness.getPod('a')?.metadata?.uid ?? '');
    expect(existsSync(join(folder, 'logs', 'c', '0.log'))).toBe(true);
    harness.client.tracker.delete(Resources.pods, 'a', 'default');
    await waitUntil(() => !existsSync(folder), 5_000, 'the pod folder to go');
    await harness.createPod('c', { containers: [{ name: 'c', image: 'unknown' }] });
    await expect(harness.waitForPod('c', (p) => p.status?.podIP)).resolves.toBe(ipA);
  });

  it('runs a simulated pod without a folder: its log is kept in memory and forgotten with the pod', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.35.0.0/16' });
    await harness.createPod('sim', { containers: [{ name: 'c', image: 'example.com/unknown:2' }] });
    await harness.waitForPod('sim', (p) => p.status?.phase === 'Running');
    const uid = harness.getPod('sim')?.metadata?.uid ?? '';
    const logText = async (): Promise<string> => {
      let text = '';
      for await (const chunk of await harness!.kubelet.readLogs({ namespace: 'default', pod: 'sim' })) text += String(chunk);
      return text;
    };
    expect(await logText()).toBe('aviary: simulated container for image example.com/unknown:2: no process runs; it stays Running until stopped\n');
    expect(existsSync(join(harness.dataDir, 'pods', uid))).toBe(false);
    harness.client.tracker.delete(Resources.pods, 'sim', 'default');
    await waitUntil(() => harness!.runtimes.memoryLogs.read(join(harness!.dataDir, 'pods', uid), join(harness!.dataDir, 'pods', uid, 'logs', 'c', '0.log')) === undefined, 5_000, 'the log to be forgotten');
    expect(existsSync(join(harness.dataDir, 'pods', uid))).toBe(false);
  });

  it('leaves a pod whose nodeSelector does not match Pending and Unschedulable', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.34.0.0/16' });
    await harness.createPod('picky', { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', image: 'unknown' }] });
    const condition = await harness.waitForPod('picky', (p) => p.status?.conditions?.find((c) => c.type === 'PodScheduled'));
    expect(condition).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    expect(harness.getPod('picky')?.spec?.nodeName).toBeUndefined();
  });
});

describe('kubelet pods (processes)', () => {
  it('runs init containers in order before the containers', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.35.0.0/16' });
    await harness.createPod('init', {
      initContainers: [shellContainer('first', 'echo one > order.txt'), shellContainer('second', 'echo two >> order.txt')],
      containers: [shellContainer('main', 'cat order.txt; sleep 30')],
    });
    const pod = await harness.waitForPod('init', (p) => p.status?.phase === 'Running' && p);
    expect(pod.status?.initContainerStatuses?.map((s) => [s.name, s.state?.terminated?.reason, s.ready])).toEqual([
      ['first', 'Completed', true],
      ['second', 'Completed', true],
    ]);
    expect(conditionOf(pod, 'Initialized')).toBe('True');
    await waitForLogs('init', 'main', 'one\ntwo\n');
  });

  it('fails the pod when an init container fails under restartPolicy Never', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.36.0.0/16' });
    await harness.createPod('badinit', { restartPolicy: 'Never', initContainers: [shellContainer('setup', 'exit 3')], containers: [shellContainer('main', 'sleep 30')] });
    const pod = await harness.waitForPod('badinit', (p) => p.status?.phase === 'Failed' && p);
    expect(pod.status?.initContainerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(pod.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('PodInitializing');
    expect(pod.status?.conditions?.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [setup]' });
  });

  it.each([
    ['Never', 'exit 0', 'Succeeded'],
    ['Never', 'exit 2', 'Failed'],
    ['OnFailure', 'exit 0', 'Succeeded'],
  ] as const)('restartPolicy %s with "%s" ends %s', async (policy, script, phase) => {
    harness = await startKubeletHarness({ podSubnet: '127.37.0.0/16' });
    await harness.createPod('once', { restartPolicy: policy, containers: [shellContainer('c', script)] });
    const pod = await harness.waitForPod('once', (p) => (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') && p);
    expect(pod.status?.phase).toBe(phase);
    expect(pod.status?.containerStatuses?.[0]?.restartCount).toBe(0);
    expect(conditionOf(pod, 'Ready')).toBe('False');
  });

  it('restarts a crashing container with back-off and reports CrashLoopBackOff', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.38.0.0/16' });
    const created = await harness.createPod('crash', { restartPolicy: 'OnFailure', containers: [shellContainer('c', 'echo run; exit 1')] });
    const uid = created.metadata?.uid ?? '';
    const waiting = await harness.waitForPod('crash', (p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff' && p.status.containerStatuses[0]);
    expect(waiting.restartCount).toBe(1); // the first exit restarts at once
    expect(waiting.state?.waiting?.message).toBe(`back-off 10s restarting failed container=c pod=crash_default(${uid})`);
    expect(waiting.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error', containerID: `aviary://${uid}/c/1` });
    expect(harness.getPod('crash')?.status?.phase).toBe('Running');
    await harness.advance(10_000);
    const next = await harness.waitForPod('crash', (p) => {
      const status = p.status?.containerStatuses?.[0];
      return status?.restartCount === 2 && status.state?.waiting?.reason === 'CrashLoopBackOff' && status;
    });
    expect(next.state?.waiting?.message).toMatch(/^back-off 20s /);
    expect(harness.recorder.events.some((e) => e.startsWith('Warning BackOff Back-off restarting failed container c in pod crash_default('))).toBe(true);
  });
});

describe('kubelet env', () => {
  it('waits with CreateContainerConfigError until the ConfigMap exists, then starts with its value', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.39.0.0/16' });
    await harness.createPod('configured', {
      containers: [shellContainer('c', 'echo "color=$COLOR"; exec sleep 30', { env: [{ name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'settings', key: 'color' } } }] })],
    });
    const waiting = await harness.waitForPod('configured', (p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CreateContainerConfigError' && p);
    expect(waiting.status?.containerStatuses?.[0]?.state?.waiting?.message).toBe('configmap "settings" not found');
    expect(waiting.status?.phase).toBe('Pending');
    expect(harness.recorder.events).toContain('Warning Failed Error: configmap "settings" not found');
    await harness.client.create(Resources.configMaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { color: 'blue' } });
    await harness.advance(10_000);
    await harness.waitForPod('configured', (p) => p.status?.phase === 'Running');
    await waitForLogs('configured', 'c', 'color=blue\n');
  });
});

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** Reads the log again until it equals `expected` (the process writes it a moment after it started). */
async function waitForLogs(pod: string, container: string, expected: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await readAll(await harness!.kubelet.readLogs({ namespace: 'default', pod, container }));
    if (text === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(text).toBe(expected);
}
