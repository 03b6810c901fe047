// Controller fixture tests of a blue-green rollout: first create, an update held at BlueGreenPause, promote with the
// scale-down delay, autoPromotionSeconds, previewReplicaCount — asserting the ordered API actions.
import { Resources, type ReplicaSet, type Service } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { RolloutFixture, service } from './testdata/fixture.js';
import { blueGreenHash, blueGreenRollout, healthyBlueGreen, selectorOf, type BlueGreenSpecOptions } from './testdata/bluegreen-fixture.js';

const blue = blueGreenHash('argoproj/rollouts-demo:blue');
const yellow = blueGreenHash('argoproj/rollouts-demo:yellow');

/** Healthy on blue, then yellow applied and synced until the rollout waits (paused, or preview up). */
async function updatedToYellow(options: BlueGreenSpecOptions = {}): Promise<RolloutFixture> {
  const fixture = await healthyBlueGreen(options);
  await fixture.setImage('argoproj/rollouts-demo:yellow');
  await fixture.syncUntilStable();
  return fixture;
}

const rsAnnotations = (fixture: RolloutFixture, name: string) => fixture.client.tracker.get<ReplicaSet>(Resources.replicaSets, 'default', name)?.metadata?.annotations;

describe('first create', () => {
  it('creates the ReplicaSet, points preview at once and active once it is available, and is Healthy', async () => {
    const fixture = new RolloutFixture({ objects: [blueGreenRollout(), service('demo-active'), service('demo-preview')] });
    expect(await fixture.sync()).toEqual([
      `create replicasets default/demo-${blue}`,
      'patch rollouts default/demo',
      'patch services default/demo-preview',
      `update replicasets default/demo-${blue}`,
      'patch rollouts/status default/demo',
    ]);
    expect(fixture.recorder.take()).toEqual([
      'Normal RolloutUpdated Rollout updated to revision 1',
      `Normal NewReplicaSetCreated Created ReplicaSet demo-${blue} (revision 1)`,
      `Normal SwitchService Switched selector for service 'demo-preview' from '' to '${blue}'`,
      `Normal ScalingReplicaSet Scaled up ReplicaSet demo-${blue} (revision 1) from 0 to 3`,
      `Normal RolloutCompleted Rollout completed update to revision 1 (${blue}): Initial deploy`,
    ]);
    expect(selectorOf(fixture, 'demo-active')).toBe(''); // no pods available yet
    expect(fixture.rollout().status).toMatchObject({ phase: 'Progressing', stableRS: blue, blueGreen: { previewSelector: blue } });

    fixture.settleReplicaSets();
    expect(await fixture.sync()).toEqual(['patch services default/demo-active', 'patch rollouts/status default/demo']);
    expect(fixture.recorder.take()).toEqual([`Normal SwitchService Switched selector for service 'demo-active' from '' to '${blue}'`]);
    const active = fixture.client.tracker.get<Service>(Resources.services, 'default', 'demo-active')!;
    expect(active.spec?.selector).toEqual({ app: 'demo', 'rollouts-pod-template-hash': blue });
    expect(active.metadata?.annotations).toEqual({ 'argo-rollouts.argoproj.io/managed-by-rollouts': 'demo' });
    const status = fixture.rollout().status!;
    expect(status).toMatchObject({
      phase: 'Healthy',
      stableRS: blue,
      currentPodHash: blue,
      blueGreen: { activeSelector: blue, previewSelector: blue },
      selector: `app=demo,rollouts-pod-template-hash=${blue}`,
      HPAReplicas: 3,
      availableReplicas: 3,
    });
    expect(status.conditions?.find((c) => c.type === 'Available')).toMatchObject({ status: 'True', message: 'Rollout has minimum availability' });
    expect(await fixture.sync()).toEqual([]);
  });
});

describe('update with autoPromotionEnabled false', () => {
  it('switches preview, scales the new ReplicaSet up and pauses with BlueGreenPause, leaving active alone', async () => {
    const fixture = await healthyBlueGreen({ blueGreen: { autoPromotionEnabled: false } });
    await fixture.setImage('argoproj/rollouts-demo:yellow');
    expect(await fixture.syncUntilStable()).toEqual([
      [`create replicasets default/demo-${yellow}`, 'patch rollouts default/demo', 'patch services default/demo-preview', 'patch rollouts/status default/demo'],
      [`update replicasets default/demo-${yellow}`],
      ['patch rollouts/status default/demo'],
      ['patch rollouts/status default/demo'], // Progressing=Unknown/RolloutPaused and Paused=True
    ]);
    expect(fixture.recorder.take()).toEqual([
      'Normal RolloutUpdated Rollout updated to revision 2',
      `Normal NewReplicaSetCreated Created ReplicaSet demo-${yellow} (revision 2)`,
      `Normal SwitchService Switched selector for service 'demo-preview' from '${blue}' to '${yellow}'`,
      `Normal RolloutNotCompleted Rollout not completed, started update to revision 2 (${yellow})`,
      `Normal ScalingReplicaSet Scaled up ReplicaSet demo-${yellow} (revision 2) from 0 to 3`,
      'Normal RolloutPaused Rollout is paused (BlueGreenPause)',
    ]);
    expect(selectorOf(fixture, 'demo-active')).toBe(blue);
    expect(selectorOf(fixture, 'demo-preview')).toBe(yellow);
    expect(fixture.replicaCounts()).toEqual({ [`demo-${blue}`]: '3/3', [`demo-${yellow}`]: '3/3' });
    const status = fixture.rollout().status!;
    expect(status).toMatchObject({ phase: 'Paused', message: 'BlueGreenPause', controllerPause: true, stableRS: blue, currentPodHash: yellow });
    expect(status.blueGreen).toEqual({ activeSelector: blue, previewSelector: yellow });
    expect(status.pauseConditions).toEqual([{ reason: 'BlueGreenPause', startTime: '2026-01-01T00:00:00Z' }]);
    // Counts and the scale selector follow the active ReplicaSet.
    expect(status).toMatchObject({ availableReplicas: 3, HPAReplicas: 3, selector: `app=demo,rollouts-pod-template-hash=${blue}` });
  });

  it('promote switches active, marks the new ReplicaSet stable and scales the old one down 30 s later', async () => {
    const fixture = await updatedToYellow({ blueGreen: { autoPromotionEnabled: false } });
    fixture.recorder.take();
    await fixture.patchRollout({ status: { pauseConditions: null } }, 'status');
    // The resume is recorded in the status write of the sync that promotes (upstream: a sync of its own before it).
    expect(await fixture.sync()).toEqual(['patch services default/demo-active', 'patch rollouts/status default/demo']);
    expect(fixture.recorder.take()).toEqual([
      `Normal SwitchService Switched selector for service 'demo-active' from '${blue}' to '${yellow}'`,
      `Normal RolloutCompleted Rollout completed update to revision 2 (${yellow}): Completed blue-green update`,
    ]);
    expect(fixture.rollout().status).toMatchObject({ phase: 'Healthy', stableRS: yellow, blueGreen: { activeSelector: yellow } });
    expect(fixture.rollout().status?.pauseConditions).toBeUndefined();
    expect(fixture.rollout().status?.controllerPause).toBeUndefined();

    // The previous active ReplicaSet is kept up, annotated with its deadline, and the rollout asks to be woken then.
    fixture.requeues.length = 0;
    expect(await fixture.sync()).toEqual([`patch replicasets default/demo-${blue}`]);
    expect(rsAnnotations(fixture, `demo-${blue}`)?.['scale-down-deadline']).toBe('2026-01-01T00:00:30Z');
    expect(fixture.requeues).toEqual([['default/demo', 30_000]]);
    fixture.clock.advance(29_999);
    expect(await fixture.sync()).toEqual([]);
    expect(fixture.replicaCounts()[`demo-${blue}`]).toBe('3/3');
    fixture.clock.advance(1);
    expect(await fixture.sync()).toEqual([`update replicasets default/demo-${blue}`]);
    expect(fixture.recorder.take()).toEqual([`Normal ScalingReplicaSet Scaled down ReplicaSet demo-${blue} (revision 1) from 3 to 0`]);
    expect(fixture.replicaCounts()[`demo-${blue}`]).toBe('0/3');
    expect(rsAnnotations(fixture, `demo-${blue}`)?.['scale-down-deadline']).toBeUndefined();
  });

  it('honours scaleDownDelaySeconds and, past scaleDownDelayRevisionLimit, scales older ReplicaSets down at once', async () => {
    const fixture = await updatedToYellow({ blueGreen: { scaleDownDelaySeconds: 10, scaleDownDelayRevisionLimit: 1 } });
    expect(rsAnnotations(fixture, `demo-${blue}`)?.['scale-down-deadline']).toBe('2026-01-01T00:00:10Z');
    await fixture.setImage('argoproj/rollouts-demo:red');
    const red = blueGreenHash('argoproj/rollouts-demo:red');
    await fixture.syncUntilStable();
    // yellow (newest old revision) takes the one delayed slot; blue, beyond the limit, goes to 0 before its deadline.
    expect(fixture.replicaCounts()).toEqual({ [`demo-${blue}`]: '0/0', [`demo-${yellow}`]: '3/3', [`demo-${red}`]: '3/3' });
    expect(rsAnnotations(fixture, `demo-${yellow}`)?.['scale-down-deadline']).toBe('2026-01-01T00:00:10Z');
    expect(fixture.clock.now()).toBe(Date.UTC(2026, 0, 1));
  });
});

describe('autoPromotionSeconds', () => {
  it('pauses, asks to be woken at the exact expiry, then promotes on the clock', async () => {
    const fixture = await updatedToYellow({ blueGreen: { autoPromotionSeconds: 20 } });
    expect(fixture.rollout().status).toMatchObject({ phase: 'Paused', message: 'BlueGreenPause' });
    fixture.requeues.length = 0;
    expect(await fixture.sync()).toEqual([]);
    expect(fixture.requeues).toEqual([['default/demo', 20_000]]);
    fixture.clock.advance(19_999);
    expect(await fixture.sync()).toEqual([]);
    expect(selectorOf(fixture, 'demo-active')).toBe(blue);
    fixture.clock.advance(1);
    expect(await fixture.sync()).toEqual(['patch services default/demo-active', 'patch rollouts/status default/demo']);
    expect(fixture.recorder.take()).toContain('Normal RolloutResumed Rollout is resumed');
    expect(selectorOf(fixture, 'demo-active')).toBe(yellow);
    expect(fixture.rollout().status).toMatchObject({ phase: 'Healthy', stableRS: yellow });
    expect(fixture.rollout().status?.pauseConditions).toBeUndefined();
  });

  it('without a pause (auto-promotion, 0 s) switches as soon as the preview is fully available', async () => {
    const fixture = await updatedToYellow();
    const events = fixture.recorder.take();
    expect(events.some((event) => event.includes('RolloutPaused'))).toBe(false);
    expect(events).toContain(`Normal RolloutCompleted Rollout completed update to revision 2 (${yellow}): Completed blue-green update`);
    expect(selectorOf(fixture, 'demo-active')).toBe(yellow);
  });
});

describe('previewReplicaCount', () => {
  it('runs only previewReplicaCount preview pods, then scales to full at promotion before switching', async () => {
    const fixture = await updatedToYellow({ replicas: 3, blueGreen: { autoPromotionEnabled: false, previewReplicaCount: 1 } });
    expect(fixture.replicaCounts()).toEqual({ [`demo-${blue}`]: '3/3', [`demo-${yellow}`]: '1/1' });
    expect(fixture.rollout().status).toMatchObject({ phase: 'Paused', message: 'BlueGreenPause' });
    fixture.recorder.take();
    await fixture.patchRollout({ status: { pauseConditions: null } }, 'status');
    expect(await fixture.sync()).toEqual(['patch rollouts/status default/demo']); // records the resume and the scale-up checkpoint
    expect(fixture.rollout().status?.blueGreen?.scaleUpPreviewCheckPoint).toBe(true);
    expect(selectorOf(fixture, 'demo-active')).toBe(blue);
    expect(await fixture.sync()).toEqual([`update replicasets default/demo-${yellow}`]);
    expect(fixture.recorder.take()).toEqual([`Normal ScalingReplicaSet Scaled up ReplicaSet demo-${yellow} (revision 2) from 1 to 3`]);
    expect(selectorOf(fixture, 'demo-active')).toBe(blue); // not before the 3 pods are available
    fixture.settleReplicaSets();
    expect(await fixture.sync()).toEqual(['patch services default/demo-active', 'patch rollouts/status default/demo']);
    expect(fixture.rollout().status).toMatchObject({ phase: 'Healthy', stableRS: yellow, blueGreen: { activeSelector: yellow } });
    expect(fixture.rollout().status?.blueGreen?.scaleUpPreviewCheckPoint).toBeUndefined();
  });
});

describe('activeMetadata and previewMetadata', () => {
  it('labels the preview ReplicaSet as preview until it becomes active', async () => {
    const blueGreen = { autoPromotionEnabled: false, activeMetadata: { labels: { role: 'active' } }, previewMetadata: { labels: { role: 'preview' } } };
    const fixture = await updatedToYellow({ blueGreen });
    const labelsOf = (name: string) => fixture.client.tracker.get<ReplicaSet>(Resources.replicaSets, 'default', name)?.spec?.template?.metadata?.labels;
    expect(labelsOf(`demo-${blue}`)).toMatchObject({ role: 'active' });
    expect(labelsOf(`demo-${yellow}`)).toMatchObject({ role: 'preview' });
    await fixture.patchRollout({ status: { pauseConditions: null } }, 'status');
    await fixture.syncUntilStable();
    expect(labelsOf(`demo-${yellow}`)).toMatchObject({ role: 'active' });
    expect(labelsOf(`demo-${blue}`)?.role).toBeUndefined();
  });
});

describe('promote --full', () => {
  it('ignores previewReplicaCount and the pause: full scale, switch, and stable', async () => {
    const fixture = await updatedToYellow({ blueGreen: { autoPromotionEnabled: false, previewReplicaCount: 1 } });
    fixture.recorder.take();
    await fixture.patchRollout({ status: { promoteFull: true } }, 'status');
    await fixture.syncUntilStable();
    const events = fixture.recorder.take();
    expect(events).toContain(`Normal ScalingReplicaSet Scaled up ReplicaSet demo-${yellow} (revision 2) from 1 to 3`);
    expect(events).toContain(`Normal RolloutCompleted Rollout completed update to revision 2 (${yellow}): Full promotion requested`);
    expect(selectorOf(fixture, 'demo-active')).toBe(yellow);
    expect(fixture.rollout().status).toMatchObject({ phase: 'Healthy', stableRS: yellow });
    expect(fixture.rollout().status?.promoteFull).toBeUndefined();
  });
});

describe('a scaling event', () => {
  it('only resizes the ReplicaSets and takes the counts from the active one', async () => {
    const fixture = await healthyBlueGreen();
    await fixture.patchRollout({ spec: { replicas: 5 } });
    expect(await fixture.sync()).toEqual([`update replicasets default/demo-${blue}`, 'patch rollouts/status default/demo']);
    expect(fixture.recorder.take()).toEqual([`Normal ScalingReplicaSet Scaled up ReplicaSet demo-${blue} (revision 1) from 3 to 5`]);
    expect(rsAnnotations(fixture, `demo-${blue}`)?.['rollout.argoproj.io/desired-replicas']).toBe('5');
    fixture.settleReplicaSets();
    await fixture.syncUntilStable();
    expect(fixture.rollout().status).toMatchObject({ phase: 'Healthy', HPAReplicas: 5, availableReplicas: 5 });
  });
});
