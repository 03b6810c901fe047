// Probes through the kubelet: an HTTP readiness probe gates Ready, a failing liveness probe restarts the container.
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Container } from '@aviary/kube';
import { findFreePort } from '../runtime/runtime-test-kit.js';
import { disposeHarness, shellContainer, startKubeletHarness, waitUntil, type KubeletHarness } from './testing/kubelet-test-kit.js';

let harness: KubeletHarness | undefined;

afterEach(async () => {
  await disposeHarness(harness);
  harness = undefined;
});

/** A node server on the pod IP answering /healthz with 200 while the file `ready` exists in its folder, else 500. */
function healthServer(port: number): Container {
  const script = [
    "const fs = require('fs');",
    "require('http').createServer((q, s) => { s.statusCode = fs.existsSync('ready') ? 200 : 500; s.end(); })",
    `.listen(${port}, process.env.MY_IP, () => console.log('listening'));`,
  ].join('');
  return {
    name: 'web',
    image: 'node:20',
    command: [process.execPath, '-e', script],
    ports: [{ name: 'http', containerPort: port }],
    env: [{ name: 'MY_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }],
    readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 1, failureThreshold: 1 },
  };
}

const readyOf = (h: KubeletHarness, name: string) => h.getPod(name)?.status?.containerStatuses?.[0]?.ready;

describe('probes', () => {
  it('keeps a container unready while its HTTP readiness probe fails, and Ready once it passes', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.41.0.0/16' });
    const port = await findFreePort('127.0.0.1');
    const pod = await harness.createPod('probed', { containers: [healthServer(port)] });
    const podDir = join(harness.dataDir, 'pods', pod.metadata?.uid ?? '');
    await harness.waitForPod('probed', (p) => p.status?.phase === 'Running');
    const logPath = join(podDir, 'logs', 'web', '0.log');
    await waitUntil(() => {
      try {
        return require('node:fs').readFileSync(logPath, 'utf8').includes('listening');
      } catch {
        return false;
      }
    }, 8_000, 'the server to listen');

    await harness.advance(1_000);
    await waitUntil(() => harness!.recorder.events.some((e) => e === 'Warning Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 500'), 5_000, 'a failed probe');
    expect(readyOf(harness, 'probed')).toBe(false);
    expect(harness.getPod('probed')?.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [web]',
    });

    writeFileSync(join(podDir, 'ready'), '');
    await harness.advance(1_000);
    await harness.waitForPod('probed', (p) => p.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True', 5_000);
    expect(readyOf(harness, 'probed')).toBe(true);

    rmSync(join(podDir, 'ready'));
    await harness.advance(1_000);
    await harness.waitForPod('probed', (p) => p.status?.containerStatuses?.[0]?.ready === false, 5_000);
  });

  it('kills and restarts a container whose liveness probe fails', async () => {
    harness = await startKubeletHarness({ podSubnet: '127.42.0.0/16' });
    const port = await findFreePort('127.0.0.1');
    await harness.createPod('liveness', {
      terminationGracePeriodSeconds: 30,
      containers: [shellContainer('c', 'sleep 30', { livenessProbe: { tcpSocket: { port }, periodSeconds: 1, failureThreshold: 2 } })],
    });
    await harness.waitForPod('liveness', (p) => p.status?.phase === 'Running');
    // The first attempt is due at once (no initialDelaySeconds): fire just that one. Advancing a whole period here
    // would also fire the second whenever the refused connection came back within the advance.
    await harness.advance(0);
    await waitUntil(() => harness!.recorder.events.some((e) => e.startsWith('Warning Unhealthy Liveness probe failed: dial tcp ')), 5_000, 'one failure');
    expect(harness.getPod('liveness')?.status?.containerStatuses?.[0]?.restartCount).toBe(0);
    await harness.advance(1_000);
    const status = await harness.waitForPod('liveness', (p) => {
      const s = p.status?.containerStatuses?.[0];
      return s?.restartCount === 1 && s.state?.running !== undefined && s;
    });
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 143, reason: 'Error' });
    expect(harness.recorder.events).toContain('Normal Killing Container c failed liveness probe, will be restarted');
  });
});
