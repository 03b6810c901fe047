// Issue acceptance for the plugin: every `kubectl argo rollouts` command of the user documents, typed as written,
// through real kubectl with node_modules/.bin on PATH, against the embedded cluster; the objects checked after
// each. `get rollout --watch` runs under a real pseudo-terminal and must show a step change within 1 s.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { kubectlPath, requireKubectl } from '@aviary/cluster/testing';
import { describe, expect, it } from 'vitest';
import { useLocalCluster } from './cluster-fixture.js';
import { demoManifestPath } from '../demo-manifests.js';
import { eventually } from './processes.js';

/** The plugin colours its output as upstream does (unless --no-color or TERM=dumb); checks read plain text. */
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const binDir = path.join(repoRoot, 'node_modules', '.bin');
const pluginBuilt = fs.existsSync(path.join(repoRoot, 'packages', 'rollouts', 'dist', 'cli', 'main.js'));
const linux = process.platform === 'linux';
if (!pluginBuilt) {
  if (process.env.CI === 'true') throw new Error('the plugin is not built (packages/rollouts/dist); npm ci builds it');
  console.warn('skipping plugin walkthrough: run `npm run build` first (packages/rollouts/dist is missing)');
}

describe.skipIf(!requireKubectl('plugin walkthrough') || !linux || !pluginBuilt)('the kubectl argo rollouts walkthrough of the user documents', () => {
  const env = useLocalCluster('aviary-plugin-');
  const pathWithPlugin = () => `${binDir}${path.delimiter}${process.env.PATH ?? ''}`;
  /** `kubectl argo rollouts …`, exactly as the documents type it. */
  const rollouts = (...args: string[]) =>
    env.kubectl.exec(['argo', 'rollouts', ...args], { env: { PATH: pathWithPlugin() } }).then((r) => ({ ...r, stdout: stripAnsi(r.stdout) }));
  const state = () => env.kubectl.run(['get', 'ro', 'rollouts-demo', '-o', 'jsonpath={.status.phase}|{.status.message}|{.status.currentStepIndex}']);
  const readyByImage = async () =>
    (await env.kubectl.run(['get', 'rs', '-l', 'app=rollouts-demo', '-o', 'jsonpath={range .items[*]}{.spec.template.spec.containers[0].image}={.status.readyReplicas}{"\\n"}{end}']))
      .trim()
      .split('\n')
      .filter((line) => line && !line.endsWith('='))
      .sort();


  it('runs the documents\' commands in order, and the objects follow', async () => {
    const version = await rollouts('version');
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^kubectl-argo-rollouts: v\S+/);

    await env.kubectl.run(['apply', '-f', demoManifestPath]);
    await eventually(state, (s) => s.startsWith('Healthy|'), 60_000);
    const tree = await rollouts('get', 'rollout', 'rollouts-demo');
    expect(tree.code).toBe(0);
    expect(tree.stdout).toMatch(/^Name:\s+rollouts-demo$/m);
    expect(tree.stdout).toMatch(/^Status:\s+✔ Healthy$/m);
    expect(tree.stdout).toMatch(/^Strategy:\s+Canary$/m);

    const setYellow = await rollouts('set', 'image', 'rollouts-demo', 'rollouts-demo=argoproj/rollouts-demo:yellow');
    expect(setYellow.stdout).toBe('rollout "rollouts-demo" image updated\n');
    expect(await eventually(state, (s) => s === 'Paused|CanaryPauseStep|1', 60_000)).toBe('Paused|CanaryPauseStep|1');
    expect(await eventually(readyByImage, (rs) => rs.join() === 'argoproj/rollouts-demo:blue=4,argoproj/rollouts-demo:yellow=1', 60_000)).toEqual([
      'argoproj/rollouts-demo:blue=4',
      'argoproj/rollouts-demo:yellow=1',
    ]);
    const paused = await rollouts('get', 'rollout', 'rollouts-demo');
    expect(paused.stdout).toMatch(/^Status:\s+॥ Paused$/m);
    expect(paused.stdout).toMatch(/^Message:\s+CanaryPauseStep$/m);
    expect(paused.stdout).toMatch(/^\s+Step:\s+1\/8$/m);
    expect(paused.stdout).toMatch(/^\s*SetWeight:\s+20$/m);

    const promote = await rollouts('promote', 'rollouts-demo');
    expect(promote.stdout).toBe('rollout \'rollouts-demo\' promoted\n');
    expect(await eventually(state, (s) => s.startsWith('Healthy|'), 120_000)).toBe('Healthy||8');
    expect(await eventually(readyByImage, (rs) => rs.join() === 'argoproj/rollouts-demo:yellow=5', 60_000)).toEqual(['argoproj/rollouts-demo:yellow=5']);

    await rollouts('set', 'image', 'rollouts-demo', 'rollouts-demo=argoproj/rollouts-demo:red');
    await eventually(state, (s) => s === 'Paused|CanaryPauseStep|1', 60_000);
    const abort = await rollouts('abort', 'rollouts-demo');
    expect(abort.stdout).toBe('rollout \'rollouts-demo\' aborted\n');
    expect(await eventually(state, (s) => s.startsWith('Degraded|RolloutAborted'), 60_000)).toMatch(/^Degraded\|RolloutAborted/);
    expect(await eventually(readyByImage, (rs) => rs.join() === 'argoproj/rollouts-demo:yellow=5', 60_000)).toEqual(['argoproj/rollouts-demo:yellow=5']);
    const status = await rollouts('status', 'rollouts-demo', '--watch=false');
    expect(status.code).not.toBe(0);
    expect(status.stdout).toMatch(/Degraded/);

    await rollouts('set', 'image', 'rollouts-demo', 'rollouts-demo=argoproj/rollouts-demo:yellow');
    expect(await eventually(state, (s) => s.startsWith('Healthy|'), 30_000)).toBe('Healthy||8');
    expect((await rollouts('status', 'rollouts-demo', '--timeout', '10s')).stdout).toMatch(/Healthy/);

    const unknown = await rollouts('get', 'rollout', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('Error: rollouts.argoproj.io "nope" not found\n');
  }, 420_000);

  it('shows a step change in get rollout --watch under a pseudo-terminal within 1 s', async () => {
    expect(await eventually(state, (s) => s.startsWith('Healthy|'), 60_000)).toBe('Healthy||8');
    const command = `${kubectlPath} argo rollouts get rollout rollouts-demo --watch --no-color`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...env.kubectl.env(), PATH: pathWithPlugin(), TERM: 'xterm' } });
    let screen = '';
    child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
    try {
      expect(await eventually(() => screen, (s) => /Status:\s+✔ Healthy/.test(s), 15_000)).toMatch(/Status:\s+✔ Healthy/);
      screen = '';
      await rollouts('set', 'image', 'rollouts-demo', 'rollouts-demo=argoproj/rollouts-demo:green');
      // What is timed is the redraw once the controller has recorded the step in the API.
      expect(await eventually(state, (s) => s === 'Paused|CanaryPauseStep|1', 60_000)).toBe('Paused|CanaryPauseStep|1');
      const recordedAt = Date.now();
      const shown = await eventually(() => screen, (s) => /Step:\s+1\/8/.test(s) && /Status:\s+॥ Paused/.test(s), 5_000);
      const delay = Date.now() - recordedAt;
      expect(shown).toMatch(/Step:\s+1\/8/);
      expect(delay).toBeLessThan(1_000 + 200); // + the polling interval of this check
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
