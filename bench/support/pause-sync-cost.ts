// The Rollout controller's CPU for one pause-expiry sync, without HTTP: a rollout paused at a timed pause whose
// time is up, a frozen cache as informers keep it, and a client that answers the status patch at once without
// applying it, so every sync makes the same advance. Usage: node --conditions=source --import tsx
// bench/support/pause-sync-cost.ts [syncs=20000]
import { deepFreeze, Resources, type KubeClient, type ReplicaSet, type Rollout } from '../../packages/kube/src/index.js';
import { canaryRollout, RolloutFixture } from '../../packages/rollouts/src/controller/testdata/fixture.js';
import { syncRollout } from '../../packages/rollouts/src/controller/sync.js';

const syncs = Number(process.argv[2] ?? 20_000);
const steps = [{ setWeight: 20 }, { pause: { duration: '1s' } }, { setWeight: 60 }, { pause: { duration: '1s' } }];
const fixture = new RolloutFixture({ objects: [canaryRollout({ replicas: 1, steps: steps as never })] });
await fixture.syncUntilStable();
await fixture.setImage('argoproj/rollouts-demo:yellow');
if (!(await fixture.syncUntilPausedAt(1))) throw new Error('the rollout did not reach its first pause');
fixture.clock.advance(1_500);

const rollout = deepFreeze(fixture.rollout());
const replicaSets = fixture.replicaSets().map((rs) => deepFreeze(rs));
let patches = 0;
const client = new Proxy(fixture.client, {
  get(target, property, receiver) {
    if (property !== 'patch') return Reflect.get(target, property, receiver) as unknown;
    return () => {
      patches++;
      return Promise.resolve(structuredClone(rollout) as Rollout);
    };
  },
}) as KubeClient;
const deps = {
  ...fixture.deps,
  client,
  recorder: { event: () => undefined },
  view: { ...fixture.deps.view, getRollout: () => rollout, ownedReplicaSets: () => replicaSets as readonly ReplicaSet[], ownedAnalysisRuns: () => [], ownedExperiments: () => [] },
};
const key = `default/${rollout.metadata?.name ?? ''}`;
for (let i = 0; i < 3_000; i++) await syncRollout(deps, key); // warm-up
patches = 0;
const before = process.cpuUsage();
for (let i = 0; i < syncs; i++) await syncRollout(deps, key);
const used = process.cpuUsage(before);
console.log(`${syncs} pause-expiry syncs of ${Resources.rollouts.kind} ${key}: ${((used.user + used.system) / syncs).toFixed(1)} µs of CPU each (the client's answer copied with structuredClone, counted); ${(patches / syncs).toFixed(2)} status patches per sync`);
