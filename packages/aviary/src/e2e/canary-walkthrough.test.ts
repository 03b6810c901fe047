// Issue acceptance for the Rollout controller, end to end: the seeds' canary walkthrough on the embedded cluster with
// real kubectl patches, real pods and real Service traffic.
import { requireKubectl } from '@aviary/cluster/testing';
import type { ReplicaSet } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { useLocalCluster } from './cluster-fixture.js';
import { demoManifestPath } from '../demo-manifests.js';
import { eventually } from './processes.js';
import { colorSplit } from './traffic.js';

const linux = process.platform === 'linux';

describe.skipIf(!requireKubectl('canary walkthrough') || !linux)('the canary walkthrough of the user documents', () => {
  const env = useLocalCluster('aviary-canary-');

  /** `phase message step stableRS` of the rollout. */
  const state = () => env.kubectl.run(['get', 'ro', 'rollouts-demo', '-o', 'jsonpath={.status.phase}|{.status.message}|{.status.currentStepIndex}|{.status.stableRS}']);
  /** `image=ready` per ReplicaSet with pods, e.g. ["argoproj/rollouts-demo:blue=4", …]. */
  const replicaSets = async () =>
    (JSON.parse(await env.kubectl.run(['get', 'rs', '-l', 'app=rollouts-demo', '-o', 'json'])) as { items: ReplicaSet[] }).items
      .map((rs) => `${rs.spec?.template?.spec?.containers[0]?.image}=${rs.status?.readyReplicas ?? 0}/${rs.spec?.replicas ?? 1}`)
      .sort();
  const setImage = (color: string) =>
    env.kubectl.run(['patch', 'ro', 'rollouts-demo', '--type', 'json', '-p', JSON.stringify([{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: `argoproj/rollouts-demo:${color}` }])]);
  const patchStatus = (status: Record<string, unknown>) => env.kubectl.run(['patch', 'ro', 'rollouts-demo', '--subresource=status', '--type', 'merge', '-p', JSON.stringify({ status })]);


  it('deploys blue, pauses yellow at 20%, promotes, aborts red, and rolls back to yellow at once', async () => {
    // Given the demo rollout of 5 blue pods behind its Service
    await env.kubectl.run(['apply', '-f', demoManifestPath]);
    const healthy = await eventually(state, (s) => s.startsWith('Healthy|'), 30_000);
    expect(healthy).toMatch(/^Healthy\|\|8\|\w+$/);
    expect(await replicaSets()).toEqual(['argoproj/rollouts-demo:blue=5/5']);
    const clusterIP = await env.kubectl.run(['get', 'svc', 'rollouts-demo', '-o', 'jsonpath={.spec.clusterIP}']);

    // When the image is set to yellow, then it pauses at step 1 with 1 yellow and 4 blue pods, ~20% yellow traffic
    await setImage('yellow');
    expect(await eventually(state, (s) => s.startsWith('Paused|CanaryPauseStep|1|'), 30_000)).toMatch(/^Paused\|CanaryPauseStep\|1\|/);
    expect(await eventually(replicaSets, (rs) => rs.join() === 'argoproj/rollouts-demo:blue=4/4,argoproj/rollouts-demo:yellow=1/1', 30_000)).toEqual([
      'argoproj/rollouts-demo:blue=4/4',
      'argoproj/rollouts-demo:yellow=1/1',
    ]);
    await eventually(() => env.kubectl.run(['get', 'ep', 'rollouts-demo', '-o', 'jsonpath={range .subsets[*].addresses[*]}{.ip} {end}']), (ips) => ips.trim().split(' ').length === 5);
    const split = await colorSplit(clusterIP, 500);
    expect(split['"yellow"'] ?? 0).toBeGreaterThanOrEqual(80);
    expect(split['"yellow"'] ?? 0).toBeLessThanOrEqual(120);

    // When promoted, then the timed pauses pass and it is Healthy with 5 yellow pods
    await patchStatus({ pauseConditions: null });
    expect(await eventually(state, (s) => s.startsWith('Healthy|'), 90_000)).toMatch(/^Healthy\|\|8\|/);
    expect(await eventually(replicaSets, (rs) => rs.join() === 'argoproj/rollouts-demo:blue=0/0,argoproj/rollouts-demo:yellow=5/5', 30_000)).toEqual([
      'argoproj/rollouts-demo:blue=0/0',
      'argoproj/rollouts-demo:yellow=5/5',
    ]);
    const yellowHash = (await state()).split('|')[3];

    // When red is set and aborted, then it is Degraded with 5 yellow and 0 red pods
    await setImage('red');
    await eventually(state, (s) => s.startsWith('Paused|CanaryPauseStep|1|'), 30_000);
    await patchStatus({ abort: true });
    expect(await eventually(state, (s) => s.startsWith('Degraded|RolloutAborted'), 30_000)).toMatch(/^Degraded\|RolloutAborted: Rollout aborted update to revision 3/);
    const afterAbort = await eventually(replicaSets, (rs) => rs.includes('argoproj/rollouts-demo:red=0/0') && rs.includes('argoproj/rollouts-demo:yellow=5/5'), 30_000);
    expect(afterAbort).toContain('argoproj/rollouts-demo:red=0/0');
    expect(afterAbort).toContain('argoproj/rollouts-demo:yellow=5/5');

    // When yellow is set again, then it is Healthy at once with no new ReplicaSet
    const countBefore = (await replicaSets()).length;
    await setImage('yellow');
    expect(await eventually(state, (s) => s.startsWith('Healthy|'), 15_000)).toBe(`Healthy||8|${yellowHash}`);
    expect((await replicaSets()).length).toBe(countBefore);
  }, 240_000);
});
