// `status`: the phase lines it prints and its exit codes — Healthy 0, Degraded 1, timed out 1.
import { describe, expect, it } from 'vitest';
import { FakeClock, PatchType, Resources, type Rollout } from '@aviary/kube';
import { FakeKubeClient } from '@aviary/kube/testing';
import { StringOutput } from '../io.js';
import { runWithClient, waitForOutput } from '../testdata/cli-harness.js';

function rollout(status: Rollout['status']): Rollout {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'demo', namespace: 'default', generation: 1 },
    spec: { selector: { matchLabels: { app: 'demo' } }, strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } } },
    status: { observedGeneration: '1', ...status },
  };
}

const paused = { phase: 'Paused', message: 'CanaryPauseStep', controllerPause: true, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2026-08-20T11:59:00Z' }] } as Rollout['status'];
const degraded = { phase: 'Degraded', message: 'RolloutAborted: Rollout aborted update to revision 2' } as Rollout['status'];

describe('status --watch=false', () => {
  it.each([
    ['a healthy rollout prints Healthy and exits 0', { phase: 'Healthy' }, 'Healthy\n', '', 0],
    ['a paused rollout prints phase and message and exits 0', paused, 'Paused - CanaryPauseStep\n', '', 0],
    ['a degraded rollout prints Degraded and fails with its message', degraded, 'Degraded\n', 'Error: The rollout is in a degraded state with message: RolloutAborted: Rollout aborted update to revision 2\n', 1],
  ] as const)('%s', async (_name, status, stdout, stderr, code) => {
    const client = new FakeKubeClient({ objects: [rollout(status as Rollout['status'])] });
    expect(await runWithClient(client, ['status', 'demo', '--watch=false'])).toMatchObject({ code, stdout, stderr });
  });
});

describe('status (watching)', () => {
  it('returns 0 at once for a healthy rollout', async () => {
    const client = new FakeKubeClient({ objects: [rollout({ phase: 'Healthy' })] });
    expect(await runWithClient(client, ['status', 'demo'])).toMatchObject({ code: 0, stdout: 'Healthy\n', stderr: '' });
  });

  it('prints each new phase until Healthy, then exits 0', async () => {
    const client = new FakeKubeClient({ objects: [rollout(paused)] });
    const stdout = new StringOutput();
    const running = runWithClient(client, ['status', 'demo'], { stdout });
    await waitForOutput(stdout, (text) => text.includes('Paused'));
    await client.patch(Resources.rollouts, 'demo', 'default', { status: { phase: 'Progressing', message: 'more replicas need to be updated' } }, PatchType.Merge, { subresource: 'status' });
    await waitForOutput(stdout, (text) => text.includes('Progressing'));
    await client.patch(Resources.rollouts, 'demo', 'default', { status: { phase: 'Healthy', message: null } }, PatchType.Merge, { subresource: 'status' });
    expect(await running).toMatchObject({
      code: 0,
      stdout: 'Paused - CanaryPauseStep\nProgressing - more replicas need to be updated\nHealthy\n',
      stderr: '',
    });
  });

  it('fails with the degraded message when the rollout degrades', async () => {
    const client = new FakeKubeClient({ objects: [rollout(paused)] });
    const stdout = new StringOutput();
    const running = runWithClient(client, ['status', 'demo'], { stdout });
    await waitForOutput(stdout, (text) => text.includes('Paused'));
    await client.patch(Resources.rollouts, 'demo', 'default', { status: degraded }, PatchType.Merge, { subresource: 'status' });
    const run = await running;
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('Paused - CanaryPauseStep\nDegraded - RolloutAborted: Rollout aborted update to revision 2\n');
    expect(run.stderr).toBe('Error: The rollout is in a degraded state with message: RolloutAborted: Rollout aborted update to revision 2\n');
  });

  it('fails when --timeout passes before the rollout is healthy', async () => {
    const clock = new FakeClock();
    const client = new FakeKubeClient({ objects: [rollout(paused)] });
    const stdout = new StringOutput();
    const running = runWithClient(client, ['status', 'demo', '--timeout', '5s'], { stdout, clock });
    await waitForOutput(stdout, (text) => text.includes('Paused'));
    clock.advance(4999);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stdout.text).toBe('Paused - CanaryPauseStep\n');
    clock.advance(1);
    expect(await running).toMatchObject({ code: 1, stderr: 'Error: Rollout status watch exceeded timeout\n' });
  });

  it('an unknown rollout fails with the API error', async () => {
    expect(await runWithClient(new FakeKubeClient(), ['status', 'nope'])).toMatchObject({ code: 1, stdout: '', stderr: 'Error: rollouts.argoproj.io "nope" not found\n' });
  });
});
