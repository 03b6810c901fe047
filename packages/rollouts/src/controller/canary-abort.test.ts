// Controller fixture tests of abort, retry and the progress deadline of a canary update.
import { describe, expect, it } from 'vitest';
import { computePodTemplateHash } from '../hash/index.js';
import { canaryRollout, healthyFixture, type RolloutFixture } from './testdata/fixture.js';

const hashOf = (image: string) => computePodTemplateHash(canaryRollout({ image }).spec.template);
const blue = hashOf('argoproj/rollouts-demo:blue');
const yellow = hashOf('argoproj/rollouts-demo:yellow');

async function pausedAtFirstStep(options: Parameters<typeof healthyFixture>[0] = {}): Promise<RolloutFixture> {
  const fixture = await healthyFixture(options);
  await fixture.setImage('argoproj/rollouts-demo:yellow');
  await fixture.syncUntilStable();
  fixture.recorder.take();
  return fixture;
}

describe('abort', () => {
  it('scales stable back up before the canary down and reports Degraded', async () => {
    const fixture = await pausedAtFirstStep();
    await fixture.patchRollout({ status: { abort: true } }, 'status');
    const rounds = await fixture.syncUntilStable();
    expect(rounds[0]).toEqual([`update replicasets default/demo-${blue}`, 'patch rollouts/status default/demo']);
    expect(rounds[1]).toEqual([`update replicasets default/demo-${yellow}`, 'patch rollouts/status default/demo']);
    const events = fixture.recorder.take();
    expect(events.slice(0, 3)).toEqual([
      `Normal ScalingReplicaSet Scaled up ReplicaSet demo-${blue} (revision 1) from 4 to 5`,
      'Warning RolloutAborted Rollout aborted update to revision 2',
      `Normal ScalingReplicaSet Scaled down ReplicaSet demo-${yellow} (revision 2) from 1 to 0`,
    ]);
    expect(events.some((event) => event.includes('RolloutResumed'))).toBe(false);
    expect(fixture.replicaCounts()).toEqual({ [`demo-${blue}`]: '5/5', [`demo-${yellow}`]: '0/0' });
    const status = fixture.rollout().status!;
    expect(status).toMatchObject({ phase: 'Degraded', message: 'RolloutAborted: Rollout aborted update to revision 2', abort: true, currentStepIndex: 0, stableRS: blue });
    expect(status.abortedAt).toBe('2026-01-01T00:00:00Z');
    expect(status.pauseConditions).toBeUndefined();
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'False', reason: 'RolloutAborted' });
  });

  it('retry clears the abort and runs the steps again from the start', async () => {
    const fixture = await pausedAtFirstStep();
    await fixture.patchRollout({ status: { abort: true } }, 'status');
    await fixture.syncUntilStable();
    fixture.recorder.take();
    await fixture.patchRollout({ status: { abort: false } }, 'status');
    // Upstream's pre-step patches Progressing=Unknown/RolloutRetry and ends the sync, and the next one starts scaling
    // (the stable down first, within maxUnavailable); here one sync does both, the retry recorded in its status write.
    expect(await fixture.sync()).toEqual([`update replicasets default/demo-${blue}`, 'patch rollouts/status default/demo']);
    expect(fixture.rollout().status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'RolloutRetry', message: 'Retrying Rollout after abort' });
    await fixture.syncUntilStable();
    const events = fixture.recorder.take();
    expect(events).toContain(`Normal ScalingReplicaSet Scaled up ReplicaSet demo-${yellow} (revision 2) from 0 to 1`);
    expect(events).toContain('Normal RolloutStepCompleted Rollout step 1/4 completed (setWeight: 20)');
    expect(fixture.replicaCounts()).toEqual({ [`demo-${blue}`]: '4/4', [`demo-${yellow}`]: '1/1' });
    const status = fixture.rollout().status!;
    expect(status).toMatchObject({ phase: 'Paused', currentStepIndex: 1 });
    expect(status.abort).toBeFalsy(); // the user's `abort: false` stays; false and absent are the same to Go
    expect(status.abortedAt).toBeUndefined();
  });
});

describe('progress deadline', () => {
  /** Pods of the new RS never become available. */
  function settleAllButYellow(fixture: RolloutFixture): void {
    fixture.settleReplicaSets();
    const rs = fixture.replicaSets().find((candidate) => candidate.metadata?.name === `demo-${yellow}`);
    if (rs) fixture.setReplicaSetStatus(`demo-${yellow}`, rs.spec?.replicas ?? 0, 0);
  }

  async function stuckUpdate(options: Parameters<typeof healthyFixture>[0]): Promise<RolloutFixture> {
    const fixture = await healthyFixture(options);
    await fixture.setImage('argoproj/rollouts-demo:yellow');
    for (let i = 0; i < 6; i++) {
      await fixture.sync();
      settleAllButYellow(fixture);
    }
    fixture.recorder.take();
    return fixture;
  }

  it('without progress past progressDeadlineSeconds the rollout is Degraded', async () => {
    const fixture = await stuckUpdate({ progressDeadlineSeconds: 30 });
    fixture.requeues.length = 0;
    expect(await fixture.sync()).toEqual([]);
    expect(fixture.requeues).toEqual([['default/demo', 31_000]]); // lastUpdateTime + deadline + 1 s
    fixture.clock.advance(30_000);
    expect(await fixture.sync()).toEqual([]); // exactly at the deadline is not past it
    fixture.clock.advance(1_000);
    expect(await fixture.sync()).toEqual(['patch rollouts/status default/demo']);
    const status = fixture.rollout().status!;
    expect(status).toMatchObject({ phase: 'Degraded', message: `ProgressDeadlineExceeded: ReplicaSet "demo-${yellow}" has timed out progressing.` });
    expect(status.abort).toBeUndefined();
  });

  it('with progressDeadlineAbort the timed-out update is aborted', async () => {
    const fixture = await stuckUpdate({ progressDeadlineSeconds: 30, progressDeadlineAbort: true });
    fixture.clock.advance(31_000);
    await fixture.sync();
    expect(fixture.recorder.take()).toContain(`Warning RolloutAborted ReplicaSet "demo-${yellow}" has timed out progressing.`);
    expect(fixture.rollout().status).toMatchObject({
      abort: true,
      phase: 'Degraded',
      message: `RolloutAborted: Rollout aborted update to revision 2: ReplicaSet "demo-${yellow}" has timed out progressing.`,
    });
  });
});
