// Per-create CPU cost of the API server's create path without HTTP, stage by stage, for finding where time goes.
// Usage: node --conditions=source --import tsx bench/support/create-cost.ts [creates=5000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer } from '../../packages/cluster/src/apiserver.js';
import { pruneAndValidateResource } from '../../packages/cluster/src/openapi/index.js';
import { trackManagedFieldsHook } from '../../packages/cluster/src/apply/index.js';
import type { KubeObject } from '../../packages/kube/src/index.js';
import { cpuMicros } from './cpu-micros.js';
import { makePod } from './pod-object.js';

const creates = Number(process.argv[2] ?? 5000);

function podBody(index: number, ownerUid: string): KubeObject {
  const pod = makePod(index, 1) as KubeObject & { metadata: Record<string, unknown> };
  const { uid: _uid, creationTimestamp: _created, ...metadata } = pod.metadata;
  const refs = (metadata.ownerReferences as { uid: string }[]).map((ref) => ({ ...ref, uid: ownerUid }));
  return { ...pod, metadata: { ...metadata, ownerReferences: refs } } as KubeObject;
}

const dataDir = mkdtempSync(join(tmpdir(), 'aviary-create-cost-'));
const server = await startApiServer({ dataDir, port: 0 });
try {
  const pods = server.registry.lookup('', 'v1', 'pods')!;
  const replicasets = server.registry.lookup('apps', 'v1', 'replicasets')!;
  const labels = { app: 'web' };
  server.objects.create(server.registry.lookup('', 'v1', 'namespaces')!, undefined, { metadata: { name: 'ns-0' } });
  server.objects.create(replicasets, 'ns-0', {
    metadata: { name: 'web-7c9f8d6b5', namespace: 'ns-0', labels },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'x' }] } } },
  });
  const owner = server.objects.get(replicasets, 'ns-0', 'web-7c9f8d6b5').metadata!.uid!;
  const bodies = Array.from({ length: 5 * creates }, (_, i) => podBody(i, owner));
  const texts = bodies.map((body) => JSON.stringify(body));
  // Warm up the JIT on the first half.
  for (let i = 0; i < creates / 2; i++) server.objects.create(pods, 'ns-0', JSON.parse(texts[i]!), { fieldManager: '' });
  const rows: [string, number][] = [];
  let next = creates;
  rows.push(['JSON.parse of the body', cpuMicros(() => texts.slice(0, creates).forEach((t) => JSON.parse(t)), creates)]);
  rows.push(['JSON.stringify of a pod', cpuMicros(() => bodies.slice(0, creates).forEach((b) => JSON.stringify(b)), creates)]);
  rows.push(['structuredClone of a pod', cpuMicros(() => bodies.slice(0, creates).forEach((b) => structuredClone(b)), creates)]);
  rows.push(['pruneAndValidateResource', cpuMicros(() => bodies.slice(0, creates).forEach((b) => pruneAndValidateResource(pods, b)), creates)]);
  const now = new Date().toISOString();
  rows.push(['trackManagedFieldsHook (create)', cpuMicros(() => bodies.slice(0, creates).forEach((b) => trackManagedFieldsHook({ info: pods, live: undefined, object: b, fieldManager: '', now })), creates)]);
  const half = Math.floor(creates / 2); // per round: 3 rounds each
  rows.push(['ObjectService.create, fieldManager ""', cpuMicros(() => { for (let i = 0; i < half; i++) server.objects.create(pods, 'ns-0', JSON.parse(texts[next++]!), { fieldManager: '' }); }, half)]);
  rows.push(['ObjectService.create, no fieldManager', cpuMicros(() => { for (let i = 0; i < half; i++) server.objects.create(pods, 'ns-0', JSON.parse(texts[next++]!)); }, half)]);
  for (const [label, micros] of rows) console.log(`${micros.toFixed(1).padStart(8)} µs  ${label}`);
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
