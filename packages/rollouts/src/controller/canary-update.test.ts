// Controller fixture tests of a canary update: first create, image update to the first pause, promote, promote --full,
// a timed pause, a template change mid-rollout and a fast rollback — asserting the ordered API actions.
import { describe, expect, it } from 'vitest';
import { computePodTemplateHash } from '../hash/index.js';
import { canaryRollout, healthyFixture, RolloutFixture } from './testdata/fixture.js';

const template = (image: string) => canaryRollout({ image }).spec.template;
const hashOf = (image: string) => computePodTemplateHash(template(image));
const blue = hashOf('argoproj/rollouts-demo:blue');
const yellow = hashOf('argoproj/rollouts-demo:yellow');
const red = hashOf('argoproj/rollouts-demo:red');

/** Updates the image and syncs until the rollout waits at its first pause step. */
async function pausedAtFirstStep(): Promise<RolloutFixture> {
  const fixture = await healthyFixture();
  await fixture.setImage('argoproj/rollouts-demo:yellow');
  await fixture.syncUntilStable();
  fixture.recorder.take();
  return fixture;
}

describe('first create', () => {
  it('creates the ReplicaSet, scales it straight to 100% and is Healthy', async () => {
    const fixture = new RolloutFixture({ objects: [canaryRollout()] });
    expect(await fixture.sync()).toEqual([
      `create replicasets default/demo-${blue}`,
      'patch rollouts default/demo',
      'patch rollouts/status default/demo',
    ]);
    expect(fixture.recorder.take()).toEqual([
      'Normal RolloutUpdated Rollout updated to revision 1',
      `Normal NewReplicaSetCreated Created ReplicaSet demo-${blue} (revision 1)`,
      `Normal RolloutNotCompleted Rollout not completed, started update to revision 1 (${blue})`,
    ]);
    // Upstream patches Progressing=NewReplicaSetCreated first and replaces it with ReplicaSetUpdated in the sync's
    // status patch; here only the final one is written, so the status after the sync is the same with one write less.
    expect(fixture.rollout().status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    const rs = fixture.replicaSets()[0]!;
    expect(rs.metadata?.labels).toEqual({ app: 'demo', 'rollouts-pod-template-hash': blue });
    expect(rs.metadata?.annotations).toEqual({ 'rollout.argoproj.io/revision': '1', 'rollout.argoproj.io/desired-replicas': '5' });
    expect(rs.spec?.selector.matchLabels).toEqual({ app: 'demo', 'rollouts-pod-template-hash': blue });
    expect(rs.spec?.replicas).toBe(0);
    expect(rs.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'Rollout', name: 'demo', uid: 'rollout-uid', controller: true });

    expect(await fixture.sync()).toEqual([`update replicasets default/demo-${blue}`, 'patch rollouts/status default/demo']);
    expect(fixture.recorder.take()).toEqual([
      `Normal ScalingReplicaSet Scaled up ReplicaSet demo-${blue} (revision 1) from 0 to 5`,
      `Normal RolloutCompleted Rollout completed update to revision 1 (${blue}): Initial deploy`,
    ]);
    fixture.settleReplicaSets();
    await fixture.syncUntilStable();
    const status = fixture.rollout().status!;
    expect(status).toMatchObject({ phase: 'Healthy', stableRS: blue, currentPodHash: blue, currentStepIndex: 4, availableReplicas: 5, observedGeneration: '1' });
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });
});

describe('image update to the first pause', () => {
  it('creates a second ReplicaSet, moves 1 of 5 pods to it and pauses', async () => {
    const fixture = await healthyFixture();
    await fixture.setImage('argoproj/rollouts-demo:yellow');
    const rounds = await fixture.syncUntilStable();
    expect(rounds).toEqual([
      [`create replicasets default/demo-${yellow}`, 'patch rollouts default/demo', 'patch rollouts/status default/demo'],
      [`update replicasets default/demo-${blue}`],
      [`update replicasets default/demo-${yellow}`, 'patch rollouts/status default/demo'],
      ['patch rollouts/status default/demo'],
      ['patch rollouts/status default/demo'],
      ['patch rollouts/status default/demo'],
    ]);
    expect(fixture.recorder.take()).toEqual([
      'Normal RolloutUpdated Rollout updated to revision 2',
      `Normal NewReplicaSetCreated Created ReplicaSet demo-${yellow} (revision 2)`,
      `Normal RolloutNotCompleted Rollout not completed, started update to revision 2 (${yellow})`,
      `Normal ScalingReplicaSet Scaled down ReplicaSet demo-${blue} (revision 1) from 5 to 4`,
      `Normal ScalingReplicaSet Scaled up ReplicaSet demo-${yellow} (revision 2) from 0 to 1`,
      'Normal RolloutStepCompleted Rollout step 1/4 completed (setWeight: 20)',
      'Normal RolloutPaused Rollout is paused (CanaryPauseStep)',
    ]);
    expect(fixture.replicaCounts()).toEqual({ [`demo-${blue}`]: '4/4', [`demo-${yellow}`]: '1/1' });
    const status = fixture.rollout().status!;
    expect(status).toMatchObject({ phase: 'Paused', message: 'CanaryPauseStep', currentStepIndex: 1, stableRS: blue, currentPodHash: yellow, controllerPause: true });
    expect(status.pauseConditions?.map((c) => c.reason)).toEqual(['CanaryPauseStep']);
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'RolloutPaused' });
  });
});

describe('promote', () => {
  it('clearing the pause condition completes the pause step and moves on to 60%', async () => {
    const fixture = await pausedAtFirstStep();
    await fixture.patchRollout({ status: { pauseConditions: null } }, 'status');
    // Upstream's pre-step patches Paused=False (and Progressing=Unknown/RolloutResumed) and ends the sync; the next
    // sync completes the step. Here one sync does both, in one status write: the resume is recorded, the step is done.
    expect(await fixture.sync()).toEqual(['patch rollouts/status default/demo']);
    expect(fixture.recorder.take()).toContain('Normal RolloutStepCompleted Rollout step 2/4 completed (pause)');
    expect(fixture.rollout().status?.currentStepIndex).toBe(2);
    expect(fixture.rollout().status?.conditions?.find((c) => c.type === 'Paused')).toMatchObject({ status: 'False', reason: 'RolloutPaused' });
    expect(fixture.rollout().status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    await fixture.syncUntilStable();
    expect(fixture.replicaCounts()).toEqual({ [`demo-${blue}`]: '2/2', [`demo-${yellow}`]: '3/3' });
    expect(fixture.rollout().status).toMatchObject({ currentStepIndex: 3, phase: 'Paused', message: 'CanaryPauseStep' });
  });

  it('promote --full skips the remaining steps and makes the new ReplicaSet stable', async () => {
    const fixture = await pausedAtFirstStep();
    await fixture.patchRollout({ status: { promoteFull: true } }, 'status');
    await fixture.syncUntilStable();
    const events = fixture.recorder.take();
    expect(events).toContain(`Normal RolloutCompleted Rollout completed update to revision 2 (${yellow}): Full promotion requested`);
    expect(events.some((event) => event.includes('RolloutStepCompleted'))).toBe(false);
    expect(fixture.replicaCounts()).toEqual({ [`demo-${blue}`]: '0/0', [`demo-${yellow}`]: '5/5' });
    expect(fixture.rollout().status).toMatchObject({ phase: 'Healthy', stableRS: yellow, currentStepIndex: 4 });
    expect(fixture.rollout().status?.promoteFull).toBeUndefined();
  });
});

describe('timed pause', () => {
  it('asks to be woken exactly at expiry and then completes the step', async () => {
    const fixture = await pausedAtFirstStep();
    await fixture.patchRollout({ status: { pauseConditions: null } }, 'status');
    await fixture.syncUntilStable(); // now at step 3: pause 10s
    expect(fixture.rollout().status?.currentStepIndex).toBe(3);
    fixture.requeues.length = 0;
    await fixture.sync();
    expect(fixture.requeues).toEqual([['default/demo', 10_000]]);
    fixture.clock.advance(9_999);
    expect(await fixture.sync()).toEqual([]);
    fixture.clock.advance(1);
    expect(await fixture.sync()).toEqual(['patch rollouts/status default/demo']);
    expect(fixture.recorder.take()).toContain('Normal RolloutStepCompleted Rollout step 4/4 completed (pause: 10)');
    await fixture.syncUntilStable();
    expect(fixture.rollout().status).toMatchObject({ phase: 'Healthy', stableRS: yellow });
  });

  it('schedules the wake-up from the write that adds the pause (startTime has whole seconds)', async () => {
    const fixture = await pausedAtFirstStep();
    fixture.clock.advance(1_990 - (fixture.clock.now() % 1000)); // 990 ms into a second
    await fixture.patchRollout({ status: { pauseConditions: null } }, 'status');
    // The sync that wrote the pause (10s, 990 ms into its startTime's second) asked to be woken at its expiry.
    expect(await fixture.syncUntilPausedAt(3)).toBe(true);
    expect(fixture.rollout().status?.conditions?.find((c) => c.type === 'Paused')?.status).not.toBe('True'); // not yet recorded
    expect(fixture.requeues).toContainEqual(['default/demo', 9_010]);
  });

  it('a rollout whose Paused condition is not recorded yet still advances in the sync its expiry wake-up starts', async () => {
    const fixture = await pausedAtFirstStep();
    await fixture.patchRollout({ status: { pauseConditions: null } }, 'status');
    await fixture.syncUntilStable(); // now at step 3: pause 10s
    const conditions = fixture.rollout().status?.conditions?.filter((c) => c.type !== 'Paused');
    await fixture.patchRollout({ status: { conditions } }, 'status'); // the Paused condition not yet recorded
    fixture.clock.advance(10_001);
    // One write records Paused=True and completes the step (upstream: two syncs, the second one queued behind others).
    expect(await fixture.sync()).toEqual(['patch rollouts/status default/demo']);
    expect(fixture.rollout().status?.currentStepIndex).toBe(4);
    expect(fixture.recorder.take()).toContain('Normal RolloutStepCompleted Rollout step 4/4 completed (pause: 10)');
  });

  it('a write that leaves the rollout at an already expired pause asks for a wake-up at once', async () => {
    const fixture = await healthyFixture({ steps: [{ setWeight: 20 }, { pause: { duration: 0 } }, { setWeight: 60 }] });
    await fixture.setImage('argoproj/rollouts-demo:yellow');
    // The write that added the 0 s pause cannot complete it in the same sync (the step reads the stored status).
    expect(await fixture.syncUntilPausedAt(1)).toBe(true);
    expect(fixture.requeues).toContainEqual(['default/demo', 1]);
  });
});

describe('template change mid-rollout', () => {
  it('restarts the steps at 0 and drains the abandoned ReplicaSet, leaving stable alone', async () => {
    const fixture = await pausedAtFirstStep();
    await fixture.setImage('argoproj/rollouts-demo:red');
    expect((await fixture.sync())[0]).toBe(`create replicasets default/demo-${red}`);
    expect(fixture.rollout().status).toMatchObject({ currentStepIndex: 0, currentPodHash: red });
    expect(fixture.rollout().status?.pauseConditions).toBeUndefined();
    fixture.recorder.take();
    await fixture.syncUntilStable();
    const events = fixture.recorder.take();
    // Basic canary: the new RS may grow within maxSurge at once; the abandoned one is drained before stable moves.
    expect(events.filter((event) => event.includes('ScalingReplicaSet'))).toEqual([
      `Normal ScalingReplicaSet Scaled up ReplicaSet demo-${red} (revision 3) from 0 to 1`,
      `Normal ScalingReplicaSet Scaled down ReplicaSet demo-${yellow} (revision 2) from 1 to 0`,
    ]);
    expect(fixture.replicaCounts()).toEqual({ [`demo-${blue}`]: '4/4', [`demo-${yellow}`]: '0/0', [`demo-${red}`]: '1/1' });
    expect(fixture.rollout().status).toMatchObject({ currentStepIndex: 1, phase: 'Paused' });
  });
});

describe('fast rollback', () => {
  it('re-applying the stable template creates no ReplicaSet, skips the steps and is Healthy at once', async () => {
    const fixture = await pausedAtFirstStep();
    await fixture.setImage('argoproj/rollouts-demo:blue');
    const rounds = await fixture.syncUntilStable();
    expect(rounds.flat().some((action) => action.startsWith('create replicasets'))).toBe(false);
    const events = fixture.recorder.take();
    expect(events[0]).toBe('Normal SkipSteps Rollback to stable ReplicaSets');
    expect(events.some((event) => event.includes('RolloutStepCompleted'))).toBe(false);
    expect(fixture.replicaCounts()).toEqual({ [`demo-${blue}`]: '5/5', [`demo-${yellow}`]: '0/0' });
    expect(fixture.rollout().status).toMatchObject({ phase: 'Healthy', stableRS: blue, currentPodHash: blue, currentStepIndex: 4 });
  });
});

describe('a cache older than our own last write', () => {
  it('skips the sync and looks again shortly through a timed requeue (which keeps a due wake-up ahead of the backlog)', async () => {
    const fixture = await pausedAtFirstStep();
    fixture.requeues.length = 0;
    fixture.deps.versions.record('default/demo', String(Number(fixture.rollout().metadata?.resourceVersion ?? '0') + 1));
    expect(await fixture.sync()).toEqual([]);
    expect(fixture.requeues).toEqual([['default/demo', 20]]);
  });
});
