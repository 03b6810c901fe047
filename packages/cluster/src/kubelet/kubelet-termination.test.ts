// Pods that vanish, kubelet stop leaving no process, and restart resuming pods.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Resources, type Pod } from '@aviary/kube';
import { disposeHarness, isAlive, shellContainer, startKubeletHarness, waitUntil, type KubeletHarness } from './testing/kubelet-test-kit.js';

let harness: KubeletHarness | undefined;

afterEach(async () => {
  await disposeHarness(harness);
  harness = undefined;
});

/** The pid of a container's process, from the pid file its script wrote. */
async function readPid(h: KubeletHarness, pod: Pod, file = 'pid'): Promise<number> {
  const path = join(h.dataDir, 'pods', pod.metadata?.uid ?? '', file);
  const { readFileSync } = await import('node:fs');
  return waitUntil(() => {
    try {
      const pid = Number(readFileSync(path, 'utf8').trim());
      return pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }, 5_000, `pid file ${file}`);
}

/** `$$$$` is `$$` once the kubelet has expanded `$(VAR)` references (`$$` escapes `$`). */
const stubborn = (file = 'pid') => shellContainer('c', `trap "" TERM; echo $$$$ > ${file}; while true; do sleep 0.1; done`);

describe('termination', () => {
  it('stops the containers of a pod that disappears from the API', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.52.0.0/16' });
    const created = await harness.createPod('vanish', { terminationGracePeriodSeconds: 1, containers: [shellContainer('c', 'echo $$$$ > pid; exec sleep 30')] });
    await harness.waitForPod('vanish', (p) => p.status?.phase === 'Running');
    const pid = await readPid(harness, created);
    harness.client.tracker.delete(Resources.pods, 'vanish', 'default');
    await waitUntil(() => !isAlive(pid), 5_000, 'the process to end');
    await waitUntil(() => !existsSync(join(harness!.dataDir, 'pods', created.metadata?.uid ?? '')), 5_000, 'the folder to go');
  });
});

describe('kubelet stop and start', () => {
  it('leaves no process behind after stop, even one that ignores SIGTERM', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.53.0.0/16', fakeTime: false, kubelet: { shutdownGracePeriodSeconds: 1 } });
    const a = await harness.createPod('a', { containers: [stubborn()] });
    const b = await harness.createPod('b', { containers: [shellContainer('c', 'echo $$$$ > pid; exec sleep 30')] });
    const pids = [await readPid(harness, a), await readPid(harness, b)];
    expect(pids.every(isAlive)).toBe(true);
    await harness.kubelet.stop();
    expect(pids.filter(isAlive)).toEqual([]);
    // Nothing was restarted while stopping (a restart would have opened run 1's log).
    for (const pod of [a, b]) expect(existsSync(join(harness.dataDir, 'pods', pod.metadata?.uid ?? '', 'logs', 'c', '1.log'))).toBe(false);
    expect(harness.getPod('a')?.status?.phase).toBe('Running'); // the API objects stay for the next start
  });

  it('starts the pods bound to the node again, keeping restart counts', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.54.0.0/16' });
    await harness.createPod('keep', { containers: [shellContainer('c', 'echo $$$$ > pid; exec sleep 30')] });
    const first = await harness.waitForPod('keep', (p) => p.status?.phase === 'Running' && p);
    const oldPid = await readPid(harness, first);
    // Pretend the container restarted 3 times in the earlier run.
    harness.client.tracker.update(Resources.pods, { ...first, status: { ...first.status, containerStatuses: [{ ...first.status!.containerStatuses![0]!, restartCount: 3 }] } }, { subresource: 'status' });
    await harness.stop();
    expect(isAlive(oldPid)).toBe(false);
    rmSync(join(harness.dataDir, 'pods', first.metadata?.uid ?? '', 'pid'));
    const { client, dataDir, clock, fakeClock } = harness;
    harness = await startKubeletHarness({ podSubnet: '127.54.0.0/16', reuse: { client, dataDir, clock, fakeClock } });
    const resumed = await harness.waitForPod('keep', (p) => {
      const s = p.status?.containerStatuses?.[0];
      return s?.state?.running !== undefined && s.containerID === `aviary://${first.metadata?.uid}/c/3` && p;
    });
    expect(resumed.status?.containerStatuses?.[0]?.restartCount).toBe(3);
    expect(resumed.status?.podIP).toBe(first.status?.podIP);
    expect(isAlive(await readPid(harness, resumed))).toBe(true);
  });
});
