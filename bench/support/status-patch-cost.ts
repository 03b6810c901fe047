// Per-write CPU cost of a Rollout status update as the controller makes them (status subresource, its own field
// manager), without HTTP, stage by stage: for finding where a pause-expiry write spends its time in the API server.
// Usage: node --conditions=source --import tsx bench/support/status-patch-cost.ts [writes=4000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer } from '../../packages/cluster/src/apiserver.js';
import { trackManagedFieldsHook } from '../../packages/cluster/src/apply/index.js';
import { copyJson, type KubeObject } from '../../packages/kube/src/index.js';
import { cpuMicros } from './cpu-micros.js';
import { makeRollout } from './rollout-objects.js';
import { advancedStatus as advanced, pausedStatus as paused } from './rollout-statuses.js';

const writes = Number(process.argv[2] ?? 4000);

const dataDir = mkdtempSync(join(tmpdir(), 'aviary-status-patch-cost-'));
const server = await startApiServer({ dataDir, port: 0 });
try {
  const rollouts = server.registry.lookup('argoproj.io', 'v1alpha1', 'rollouts')!;
  const count = 200;
  for (let i = 0; i < count; i++) server.objects.create(rollouts, 'default', makeRollout({ index: i, replicas: 1, image: 'argoproj/rollouts-demo:blue' }) as KubeObject, { fieldManager: 'kubectl-create' });
  let turn = 0;
  /** One status write per rollout, alternating between the two statuses (like a pause starting and expiring). */
  const writeRound = (): void => {
    const status = turn++ % 2 === 0 ? paused : advanced;
    for (let i = 0; i < count; i++) {
      const name = `r-${String(i).padStart(5, '0')}`;
      const stored = server.objects.find(rollouts, 'default', name)!;
      const body = { ...(stored.object as KubeObject), status: copyJson(status) };
      server.objects.update(rollouts, 'default', name, body, { subresource: 'status', fieldManager: 'rollouts-controller', readStored: stored });
    }
  };
  for (let i = 0; i < 10; i++) writeRound(); // warm-up: the controller's manager entry exists from here on
  const rounds = Math.max(1, Math.round(writes / count));
  const rows: [string, number][] = [];
  rows.push(['ObjectService.update of /status (find, update; no HTTP)', cpuMicros(() => { for (let r = 0; r < rounds; r++) writeRound(); }, rounds * count)]);
  const name = 'r-00000';
  const live = server.objects.find(rollouts, 'default', name)!.object as KubeObject;
  const next = { ...live, status: copyJson(turn % 2 === 0 ? paused : advanced) } as KubeObject;
  const now = new Date().toISOString();
  rows.push(['trackManagedFieldsHook (status update)', cpuMicros(() => { for (let i = 0; i < writes; i++) trackManagedFieldsHook({ info: rollouts, live, object: next, fieldManager: 'rollouts-controller', now, subresource: 'status' }); }, writes)]);
  rows.push(['JSON.parse of the stored rollout', cpuMicros(() => { const text = JSON.stringify(live); for (let i = 0; i < writes; i++) JSON.parse(text); }, writes)]);
  for (const [label, micros] of rows) console.log(`${micros.toFixed(1).padStart(8)} µs  ${label}`);
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
