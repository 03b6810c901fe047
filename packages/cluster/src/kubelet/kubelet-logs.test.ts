// readLogs: current and previous runs, tail, timestamps, limitBytes, follow, and upstream's error messages.
import { afterEach, describe, expect, it } from 'vitest';
import type { Readable } from 'node:stream';
import { ApiError, Resources } from '@aviary/kube';
import { disposeHarness, shellContainer, startKubeletHarness, type KubeletHarness } from './testing/kubelet-test-kit.js';
import type { ReadLogsOptions } from './log-reader.js';

let harness: KubeletHarness | undefined;

afterEach(async () => {
  await disposeHarness(harness);
  harness = undefined;
});

async function readText(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

const logs = async (options: Omit<ReadLogsOptions, 'namespace'>) => readText(await harness!.kubelet.readLogs({ namespace: 'default', ...options }));

async function logError(options: Omit<ReadLogsOptions, 'namespace'>): Promise<ApiError> {
  const error: unknown = await harness!.kubelet.readLogs({ namespace: 'default', ...options }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('readLogs', () => {
  it('reads the current and the previous run, with tail, timestamps and limitBytes', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.61.0.0/16' });
    await harness.createPod('printer', {
      restartPolicy: 'OnFailure',
      containers: [shellContainer('c', 'n=$(ls logs/c | wc -l); for i in 1 2 3; do echo "run$n line$i"; done; exit 1')],
    });
    // The first exit restarts at once; the second enters back-off with two log files on disk.
    await harness.waitForPod('printer', (p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff');
    expect(await logs({ pod: 'printer' })).toBe('run2 line1\nrun2 line2\nrun2 line3\n');
    expect(await logs({ pod: 'printer', previous: true })).toBe('run1 line1\nrun1 line2\nrun1 line3\n');
    expect(await logs({ pod: 'printer', tailLines: 2 })).toBe('run2 line2\nrun2 line3\n');
    expect(await logs({ pod: 'printer', tailLines: 0 })).toBe('');
    expect(await logs({ pod: 'printer', limitBytes: 8 })).toBe('run2 lin');
    const stamped = (await logs({ pod: 'printer', timestamps: true, tailLines: 1 })).trimEnd();
    expect(stamped).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z run2 line3$/);
  });

  it('answers with upstream errors for a missing container name, an unknown container and no previous run', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.62.0.0/16' });
    await harness.createPod('two', { initContainers: [shellContainer('setup', 'true')], containers: [shellContainer('a', 'sleep 30'), shellContainer('b', 'sleep 30')] });
    await harness.waitForPod('two', (p) => p.status?.phase === 'Running');
    const missing = await logError({ pod: 'two' });
    expect(missing.code).toBe(400);
    expect(missing.message).toBe('a container name must be specified for pod two, choose one of: [a b] or one of the init containers: [setup]');
    expect((await logError({ pod: 'two', container: 'c' })).message).toBe('container c is not valid for pod two');
    expect((await logError({ pod: 'two', container: 'a', previous: true })).message).toBe('previous terminated container "a" in pod "two" not found');
    const notFound = await logError({ pod: 'nope' });
    expect([notFound.code, notFound.message]).toEqual([404, 'pods "nope" not found']);
    expect(await logs({ pod: 'two', container: 'setup' })).toBe('');
  });

  it('follows a running container until it exits', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.63.0.0/16', fakeTime: false });
    await harness.createPod('talker', { restartPolicy: 'Never', containers: [shellContainer('c', 'echo first; sleep 0.3; echo second; sleep 0.3; echo third')] });
    await harness.waitForPod('talker', (p) => p.status?.phase === 'Running');
    const stream = await harness.kubelet.readLogs({ namespace: 'default', pod: 'talker', follow: true });
    await expect(readText(stream)).resolves.toBe('first\nsecond\nthird\n');
    expect(harness.getPod('talker')?.status?.phase).not.toBe('Pending');
  });

  it('follows a simulated container, whose log is in memory, until the pod goes', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.64.0.0/16', fakeTime: false });
    await harness.createPod('quiet', { containers: [{ name: 'c', image: 'example.com/quiet:1' }] });
    await harness.waitForPod('quiet', (p) => p.status?.phase === 'Running');
    const stream = await harness.kubelet.readLogs({ namespace: 'default', pod: 'quiet', follow: true });
    let ended = false;
    const text = readText(stream).finally(() => {
      ended = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ended).toBe(false);
    harness.client.tracker.delete(Resources.pods, 'quiet', 'default');
    await expect(text).resolves.toBe('aviary: simulated container for image example.com/quiet:1: no process runs; it stays Running until stopped\n');
  });
});
