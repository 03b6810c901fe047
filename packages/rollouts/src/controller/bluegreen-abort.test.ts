// Controller fixture tests of blue-green abort, retry and fast rollback: the active Service stays on (or returns to)
// stable, the preview ReplicaSet is scaled down after abortScaleDownDelaySeconds, and going back skips the pause.
import { Resources, type ReplicaSet } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import type { RolloutFixture } from './testdata/fixture.js';
import { blueGreenHash, healthyBlueGreen, selectorOf, type BlueGreenSpecOptions } from './testdata/bluegreen-fixture.js';

const blue = blueGreenHash('argoproj/rollouts-demo:blue');
const yellow = blueGreenHash('argoproj/rollouts-demo:yellow');

async function pausedOnYellow(blueGreen: BlueGreenSpecOptions['blueGreen'] = {}): Promise<RolloutFixture> {
  const fixture = await healthyBlueGreen({ blueGreen: { autoPromotionEnabled: false, ...blueGreen } });
  await fixture.setImage('argoproj/rollouts-demo:yellow');
  await fixture.syncUntilStable();
  fixture.recorder.take();
  fixture.requeues.length = 0;
  return fixture;
}

const deadlineOf = (fixture: RolloutFixture, name: string) =>
  fixture.client.tracker.get<ReplicaSet>(Resources.replicaSets, 'default', name)?.metadata?.annotations?.['scale-down-deadline'];

describe('abort', () => {
  it('keeps active on stable, reports Degraded, and scales the preview ReplicaSet down after 30 s', async () => {
    const fixture = await pausedOnYellow();
    await fixture.patchRollout({ status: { abort: true } }, 'status');
    expect(await fixture.sync()).toEqual([`patch replicasets default/demo-${yellow}`, 'patch rollouts/status default/demo']);
    expect(fixture.recorder.take()).toEqual(['Warning RolloutAborted Rollout aborted update to revision 2']);
    expect(deadlineOf(fixture, `demo-${yellow}`)).toBe('2026-01-01T00:00:30Z');
    const status = fixture.rollout().status!;
    expect(status).toMatchObject({ phase: 'Degraded', message: 'RolloutAborted: Rollout aborted update to revision 2', abort: true, stableRS: blue });
    expect(status.pauseConditions).toBeUndefined();
    expect(selectorOf(fixture, 'demo-active')).toBe(blue);

    expect(await fixture.sync()).toEqual([]);
    expect(fixture.requeues).toEqual([['default/demo', 30_000]]);
    fixture.clock.advance(30_000);
    expect(await fixture.sync()).toEqual([`update replicasets default/demo-${yellow}`]);
    expect(fixture.recorder.take()).toEqual([`Normal ScalingReplicaSet Scaled down ReplicaSet demo-${yellow} (revision 2) from 3 to 0`]);
    expect(fixture.replicaCounts()).toEqual({ [`demo-${blue}`]: '3/3', [`demo-${yellow}`]: '0/3' });
    expect(selectorOf(fixture, 'demo-active')).toBe(blue);
    expect(selectorOf(fixture, 'demo-preview')).toBe(yellow); // preview keeps pointing at the aborted revision
  });

  it('with abortScaleDownDelaySeconds 0 leaves the preview ReplicaSet running', async () => {
    const fixture = await pausedOnYellow({ abortScaleDownDelaySeconds: 0 });
    await fixture.patchRollout({ status: { abort: true } }, 'status');
    await fixture.syncUntilStable();
    fixture.clock.advance(3_600_000);
    await fixture.syncUntilStable();
    expect(fixture.replicaCounts()).toEqual({ [`demo-${blue}`]: '3/3', [`demo-${yellow}`]: '3/3' });
    expect(deadlineOf(fixture, `demo-${yellow}`)).toBeUndefined();
    expect(fixture.rollout().status).toMatchObject({ phase: 'Degraded', abort: true });
  });

  it('retry clears the abort, scales the preview back up and pauses again', async () => {
    const fixture = await pausedOnYellow();
    await fixture.patchRollout({ status: { abort: true } }, 'status');
    await fixture.syncUntilStable();
    fixture.clock.advance(30_000);
    await fixture.syncUntilStable();
    fixture.recorder.take();
    await fixture.patchRollout({ status: { abort: false } }, 'status');
    await fixture.syncUntilStable();
    const events = fixture.recorder.take();
    expect(events).toContain(`Normal ScalingReplicaSet Scaled up ReplicaSet demo-${yellow} (revision 2) from 0 to 3`);
    expect(events).toContain('Normal RolloutPaused Rollout is paused (BlueGreenPause)');
    expect(fixture.rollout().status).toMatchObject({ phase: 'Paused', message: 'BlueGreenPause' });
    expect(fixture.rollout().status?.abortedAt).toBeUndefined();
    expect(selectorOf(fixture, 'demo-active')).toBe(blue);
  });
});

describe('fast rollback', () => {
  it('re-applying the stable template mid-update creates no ReplicaSet and points preview back at stable', async () => {
    const fixture = await pausedOnYellow();
    await fixture.setImage('argoproj/rollouts-demo:blue');
    const rounds = await fixture.syncUntilStable();
    expect(rounds.flat().some((action) => action.startsWith('create replicasets'))).toBe(false);
    expect(selectorOf(fixture, 'demo-preview')).toBe(blue);
    expect(selectorOf(fixture, 'demo-active')).toBe(blue);
    expect(fixture.rollout().status).toMatchObject({ phase: 'Healthy', stableRS: blue, currentPodHash: blue });
    expect(fixture.rollout().status?.pauseConditions).toBeUndefined();
    // The abandoned preview goes through the usual scale-down delay.
    expect(deadlineOf(fixture, `demo-${yellow}`)).toBe('2026-01-01T00:00:30Z');
  });

  it('going back within the old ReplicaSet\'s scale-down delay switches active at once, skipping the pause', async () => {
    const fixture = await healthyBlueGreen({ blueGreen: { autoPromotionEnabled: false } });
    fixture.clock.advance(1_000); // blue's ReplicaSet is the older one
    await fixture.setImage('argoproj/rollouts-demo:yellow');
    await fixture.syncUntilStable();
    await fixture.patchRollout({ status: { pauseConditions: null } }, 'status');
    await fixture.syncUntilStable();
    expect(fixture.rollout().status?.stableRS).toBe(yellow);
    expect(deadlineOf(fixture, `demo-${blue}`)).toBe('2026-01-01T00:00:31Z');
    fixture.recorder.take();
    fixture.clock.advance(10_000);
    await fixture.setImage('argoproj/rollouts-demo:blue');
    const rounds = await fixture.syncUntilStable();
    expect(rounds.flat().some((action) => action.startsWith('create replicasets'))).toBe(false);
    const events = fixture.recorder.take();
    expect(events).toContain(`Normal SwitchService Switched selector for service 'demo-active' from '${yellow}' to '${blue}'`);
    expect(events).toContain(`Normal RolloutCompleted Rollout completed update to revision 3 (${blue}): Fast rollback`);
    expect(events.some((event) => event.includes('RolloutPaused'))).toBe(false);
    expect(deadlineOf(fixture, `demo-${blue}`)).toBeUndefined();
    expect(fixture.rollout().status).toMatchObject({ phase: 'Healthy', stableRS: blue });
  });
});
