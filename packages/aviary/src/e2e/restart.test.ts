// Issue acceptance: stopping the local cluster leaves no process it started; starting it again on the same data
// directory keeps every object and brings the pods back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resources, type Deployment, type Pod } from '@aviary/kube';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalCluster, type LocalCluster } from '../local-cluster.js';
import { eventually, processesUnder, workerNetwork } from './processes.js';

const linux = process.platform === 'linux';
if (!linux) console.warn('skipping restart acceptance: per-process checks read /proc (Linux only)');

describe.skipIf(!linux)('stopping and starting the local cluster', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aviary-restart-'));
  let cluster: LocalCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const readyPods = async (c: LocalCluster) =>
    (await c.client.list<Pod>(Resources.pods, { namespace: 'default', labelSelector: 'app=web' })).items.filter((p) =>
      (p.status?.conditions ?? []).some((cond) => cond.type === 'Ready' && cond.status === 'True'),
    );

  it('leaves no process behind, keeps every object, and brings the pods back', async () => {
    cluster = await startLocalCluster({ dataDir, port: 0, ...workerNetwork() });
    const deployment: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] } },
      },
    };
    await cluster.client.create(Resources.deployments, deployment);
    await cluster.client.create(Resources.configMaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kept', namespace: 'default' }, data: { a: '1' } });
    const first = cluster;
    expect((await eventually(() => readyPods(first), (pods) => pods.length === 2)).length).toBe(2);
    expect(processesUnder(dataDir).length).toBeGreaterThanOrEqual(2);
    const podNames = (await readyPods(first)).map((p) => p.metadata?.name).sort();

    await cluster.stop();
    cluster = undefined;
    expect(processesUnder(dataDir)).toEqual([]);

    cluster = await startLocalCluster({ dataDir, port: 0, ...workerNetwork() });
    const second = cluster;
    expect((await second.client.get(Resources.configMaps, 'kept', 'default')).metadata?.name).toBe('kept');
    const back = await eventually(() => readyPods(second), (pods) => pods.length === 2, 30_000);
    expect(back.map((p) => p.metadata?.name).sort()).toEqual(podNames);
    // The stored pods still say Ready until the kubelet writes their new status, so the processes are awaited
    // rather than expected at the first read (that raced the kubelet's start on a loaded machine).
    expect((await eventually(() => processesUnder(dataDir), (pids) => pids.length >= 2, 30_000)).length).toBeGreaterThanOrEqual(2);
  }, 90_000);
});
