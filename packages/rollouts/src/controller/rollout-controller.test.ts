// The controller wired end to end over informers on a fake cluster: a timed pause resumes at its expiry (not at the
// resync), and a controller restarted mid-rollout carries on where the last one stood.
import { FakeClock, FakeEventRecorder, Resources, type ReplicaSet, type Rollout } from '@aviary/kube';
import { FakeKubeClient } from '@aviary/kube/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startRolloutController, type RolloutControllerHandle } from './rollout-controller.js';
import { canaryRollout, START_MS } from './testdata/fixture.js';

const running: RolloutControllerHandle[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((handle) => handle.stop()));
});

function start(client: FakeKubeClient, clock: FakeClock): RolloutControllerHandle {
  const handle = startRolloutController({ client, clock, recorder: new FakeEventRecorder(), workers: 2 });
  running.push(handle);
  return handle;
}

/** Plays the ReplicaSet controller: every RS whose status lags its spec gets all pods available. */
function settleReplicaSets(client: FakeKubeClient): void {
  for (const rs of client.tracker.list<ReplicaSet>(Resources.replicaSets, 'default')) {
    const replicas = rs.spec?.replicas ?? 1;
    if (rs.status?.availableReplicas === replicas && rs.status.replicas === replicas) continue;
    rs.status = { replicas, readyReplicas: replicas, availableReplicas: replicas };
    client.tracker.update(Resources.replicaSets, rs, { subresource: 'status' });
  }
}

const rolloutOf = (client: FakeKubeClient): Rollout => client.tracker.get<Rollout>(Resources.rollouts, 'default', 'demo')!;

/** Lets the controller work (without moving the clock) until `done` holds. */
async function waitFor(client: FakeKubeClient, clock: FakeClock, done: (rollout: Rollout) => boolean): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await clock.advanceAsync(0);
    settleReplicaSets(client);
    if (done(rolloutOf(client))) return;
  }
  throw new Error(`condition not reached; status: ${JSON.stringify(rolloutOf(client).status)}`);
}

const healthy = (rollout: Rollout) => rollout.status?.phase === 'Healthy' && rollout.status.observedGeneration === String(rollout.metadata?.generation);
const pausedAt = (index: number) => (rollout: Rollout) => rollout.status?.currentStepIndex === index && (rollout.status.pauseConditions?.length ?? 0) > 0;

async function setImage(client: FakeKubeClient, image: string): Promise<void> {
  await client.patch(Resources.rollouts, 'demo', 'default', { spec: { template: { spec: { containers: [{ name: 'demo', image }] } } } }, 'application/merge-patch+json');
}

describe('startRolloutController', () => {
  it('resumes a timed pause at its expiry through a delayed requeue, long before the resync', async () => {
    const clock = new FakeClock({ startMs: START_MS });
    const rollout = canaryRollout({ steps: [{ setWeight: 40 }, { pause: { duration: '5s' } }, { setWeight: 80 }] });
    const client = new FakeKubeClient({ clock, objects: [rollout] });
    await start(client, clock).ready;
    await waitFor(client, clock, healthy);
    await setImage(client, 'argoproj/rollouts-demo:yellow');
    await waitFor(client, clock, pausedAt(1));
    const pausedAtMs = Date.parse(rolloutOf(client).status!.pauseConditions![0]!.startTime);
    await clock.advanceAsync(pausedAtMs + 5_000 - clock.now() - 1);
    settleReplicaSets(client);
    expect(rolloutOf(client).status?.currentStepIndex).toBe(1);
    await clock.advanceAsync(1);
    await waitFor(client, clock, (r) => (r.status?.currentStepIndex ?? 0) >= 2);
    expect(clock.now() - (pausedAtMs + 5_000)).toBeLessThan(100);
    await waitFor(client, clock, healthy);
  });

  it('a new controller instance picks a paused rollout up where the old one left it', async () => {
    const clock = new FakeClock({ startMs: START_MS });
    const client = new FakeKubeClient({ clock, objects: [canaryRollout()] });
    const first = start(client, clock);
    await first.ready;
    await waitFor(client, clock, healthy);
    await setImage(client, 'argoproj/rollouts-demo:yellow');
    await waitFor(client, clock, pausedAt(1));
    await first.stop();
    const before = { status: rolloutOf(client).status, replicaSets: client.tracker.list<ReplicaSet>(Resources.replicaSets, 'default').map((rs) => `${rs.metadata?.name}:${rs.spec?.replicas}`) };

    client.clearActions();
    await start(client, clock).ready;
    await clock.advanceAsync(0);
    await clock.advanceAsync(0);
    const writes = client.writeActions().map((action) => `${action.verb} ${action.resource}`);
    expect(writes.filter((write) => !write.startsWith('create events'))).toEqual([]);
    expect(client.tracker.list<ReplicaSet>(Resources.replicaSets, 'default').map((rs) => `${rs.metadata?.name}:${rs.spec?.replicas}`)).toEqual(before.replicaSets);
    expect(rolloutOf(client).status).toEqual(before.status);

    await client.patch(Resources.rollouts, 'demo', 'default', { status: { pauseConditions: null } }, 'application/merge-patch+json', { subresource: 'status' });
    await waitFor(client, clock, pausedAt(3));
    expect(rolloutOf(client).status?.message).toBe('CanaryPauseStep');
  });
});
