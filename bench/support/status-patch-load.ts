// Server CPU per Rollout status patch over HTTPS, as a pause-expiry wave sends them: the compiled API server in its own
// process (apiserver-main.ts), 500 Rollouts, two watchers on them (the controller's informer and a dashboard), and
// merge patches of /status by 20 concurrent loops alternating each rollout between a paused and an advanced status.
// Usage: node --import tsx bench/support/status-patch-load.ts [patches=20000]; AVIARY_CPU_PROF=<dir> profiles the
// patch phase of the server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuTimes, startProcess } from './child-process.js';
import { JsonClient, runConcurrently } from './json-client.js';
import { processCpuSeconds } from './process-memory.js';
import { stopWithGrace } from './process-stop.js';
import { makeRollout, rolloutName } from './rollout-objects.js';
import { advancedStatus, pausedStatus } from './rollout-statuses.js';

const PATCHES = Number(process.argv[2] ?? 20_000);
const ROLLOUTS = 500;
const CONCURRENCY = 20;

/** The controller's writes around a pause expiry, as merge patches of status (null removes what the other added). */
const toPaused = { status: pausedStatus };
const toAdvanced = { status: { ...advancedStatus, controllerPause: null, pauseConditions: null } };

const dataDir = mkdtempSync(join(tmpdir(), 'aviary-status-patch-load-'));
const server = await startProcess(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'apiserver-main.ts'), dataDir], /listening (\S+) (\d+)/, 60_000);
const serverPid = Number(server.match[2]);
const client = new JsonClient({ baseUrl: server.match[1]!, ca: readFileSync(join(dataDir, 'pki', 'ca.crt'), 'utf8'), token: readFileSync(join(dataDir, 'token'), 'utf8').trim(), sockets: CONCURRENCY });
const path = '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts';
try {
  await runConcurrently(ROLLOUTS, 8, async (i) => {
    const created = await client.request('POST', `${path}?fieldManager=kubectl-create`, makeRollout({ index: i, replicas: 1, image: 'argoproj/rollouts-demo:blue' }));
    if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
    const patched = await client.request('PATCH', `${path}/${rolloutName(i)}/status`, { status: advancedStatus }, 'application/merge-patch+json');
    if (patched.status !== 200) throw new Error(`status: ${patched.status} ${patched.text}`);
  });
  let delivered = 0;
  const stops = await Promise.all([0, 1].map(() => client.stream(`${path}?watch=true&resourceVersion=0`, () => delivered++)));
  const patch = async (i: number): Promise<void> => {
    const response = await client.request('PATCH', `${path}/${rolloutName(i % ROLLOUTS)}/status`, Math.floor(i / ROLLOUTS) % 2 === 0 ? toPaused : toAdvanced, 'application/merge-patch+json');
    if (response.status !== 200) throw new Error(`patch: ${response.status} ${response.text}`);
  };
  await runConcurrently(2 * ROLLOUTS, CONCURRENCY, patch); // warm-up
  if (process.env.AVIARY_CPU_PROF) process.kill(serverPid, 'SIGUSR2');
  const cpu = processCpuSeconds(serverPid);
  const mainThread = (): number => { const t = cpuTimes(serverPid, serverPid); return t.user + t.system; };
  const main = mainThread();
  const started = performance.now();
  const rate = await runConcurrently(PATCHES, CONCURRENCY, (i) => patch(i + 2 * ROLLOUTS));
  const seconds = (performance.now() - started) / 1000;
  const perPatch = (processCpuSeconds(serverPid) - cpu) / PATCHES;
  const mainPerPatch = (mainThread() - main) / PATCHES;
  if (process.env.AVIARY_CPU_PROF) process.kill(serverPid, 'SIGUSR2');
  console.log(`${PATCHES} status patches in ${seconds.toFixed(1)} s: ${Math.round(rate)}/s; server CPU ${(perPatch * 1e6).toFixed(0)} µs per patch, main thread ${(mainPerPatch * 1e6).toFixed(0)} µs; ${delivered} watch events delivered`);
  for (const stop of stops) stop();
  await new Promise((resolve) => setTimeout(resolve, 500));
} finally {
  client.close();
  await stopWithGrace(server.child, 30_000);
  rmSync(dataDir, { recursive: true, force: true });
}
