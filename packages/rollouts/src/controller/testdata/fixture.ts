// A controller test fixture: a fake cluster, a fake clock and event recorder, and syncs run one at a time.
import { deepFreeze, FakeClock, FakeEventRecorder, Resources, type AnalysisRun, type CanaryStep, type Experiment, type KubeObject, type ReplicaSet, type Rollout, type Service } from '@aviary/kube';
import { describeAction, FakeKubeClient } from '@aviary/kube/testing';
import { isControlledBy, type ClusterView } from '../cluster-view.js';
import { RolloutVersionTracker, type ControllerDeps } from '../context.js';
import { syncRollout } from '../sync.js';
import { validateRolloutSpec, type ValidateRollout } from '../validation-hook.js';

export const START_MS = Date.UTC(2026, 0, 1);

/**
 * A ClusterView reading the fake cluster directly, so every sync sees the latest objects — deep-frozen copies, as
 * an informer hands out, so a sync that changed a cached object would fail here as it would in the controller.
 */
export function trackerView(client: FakeKubeClient): ClusterView {
  const { tracker } = client;
  const one = <T extends KubeObject>(object: T | undefined) => (object === undefined ? undefined : deepFreeze(object));
  const all = <T extends KubeObject>(objects: T[]) => objects.map((object) => deepFreeze(object));
  return {
    getRollout: (namespace, name) => one(tracker.get<Rollout>(Resources.rollouts, namespace, name)),
    ownedReplicaSets: (owner) => all(tracker.list<ReplicaSet>(Resources.replicaSets, owner.namespace)).filter((rs) => isControlledBy(owner, rs)),
    getService: (namespace, name) => one(tracker.get<Service>(Resources.services, namespace, name)),
    ownedAnalysisRuns: (owner) => all(tracker.list<AnalysisRun>(Resources.analysisRuns, owner.namespace)).filter((run) => isControlledBy(owner, run)),
    ownedExperiments: (owner) => all(tracker.list<Experiment>(Resources.experiments, owner.namespace)).filter((ex) => isControlledBy(owner, ex)),
  };
}

export interface RolloutFixtureOptions {
  objects?: KubeObject[];
  validate?: ValidateRollout;
  clock?: FakeClock;
  client?: FakeKubeClient;
}

export class RolloutFixture {
  readonly clock: FakeClock;
  readonly client: FakeKubeClient;
  readonly recorder = new FakeEventRecorder();
  /** Every enqueueAfter request: `[key, delayMs]`. */
  readonly requeues: [string, number][] = [];
  readonly deps: ControllerDeps;

  constructor(options: RolloutFixtureOptions = {}) {
    this.clock = options.clock ?? new FakeClock({ startMs: START_MS });
    this.client = options.client ?? new FakeKubeClient({ clock: this.clock, objects: options.objects ?? [] });
    this.deps = {
      client: this.client,
      clock: this.clock,
      recorder: this.recorder,
      view: trackerView(this.client),
      enqueueAfter: (key, delayMs) => this.requeues.push([key, delayMs]),
      resyncPeriodMs: 15 * 60 * 1000,
      validate: options.validate ?? validateRolloutSpec,
      versions: new RolloutVersionTracker(),
    };
  }

  /** Runs one sync and returns the write actions it made, as `verb resource ns/name`. */
  async sync(key = 'default/demo'): Promise<string[]> {
    this.client.clearActions();
    await syncRollout(this.deps, key);
    return this.client.writeActions().map((action) => describeAction(action, { withName: true }));
  }

  /** Acts as the ReplicaSet controller and kubelet: every RS gets all its pods, ready and available. */
  settleReplicaSets(): void {
    for (const rs of this.client.tracker.list<ReplicaSet>(Resources.replicaSets, 'default')) {
      const replicas = rs.spec?.replicas ?? 1;
      this.setReplicaSetStatus(rs.metadata?.name ?? '', replicas, replicas);
    }
  }

  setReplicaSetStatus(name: string, replicas: number, available: number): void {
    const rs = this.client.tracker.get<ReplicaSet>(Resources.replicaSets, 'default', name)!;
    rs.status = { replicas, readyReplicas: available, availableReplicas: available, observedGeneration: rs.metadata?.generation ?? 1 };
    this.client.tracker.update(Resources.replicaSets, rs, { subresource: 'status' });
  }

  /** Syncs, letting ReplicaSets settle after each, until a sync writes nothing (at most `max` rounds). */
  async syncUntilStable(max = 20): Promise<string[][]> {
    const rounds: string[][] = [];
    for (let i = 0; i < max; i++) {
      const actions = await this.sync();
      this.settleReplicaSets();
      if (actions.length === 0) return rounds;
      rounds.push(actions);
    }
    throw new Error(`the rollout did not settle in ${max} syncs: ${JSON.stringify(rounds.slice(-3))}`);
  }

  /**
   * Syncs (pods coming up in between) until the rollout has recorded its pause at step `index`; `requeues` then
   * holds only the last sync's requests. Returns whether it got there within 20 syncs.
   */
  async syncUntilPausedAt(index: number): Promise<boolean> {
    const atPause = () => this.rollout().status?.currentStepIndex === index && (this.rollout().status?.pauseConditions?.length ?? 0) > 0;
    for (let round = 0; round < 20 && !atPause(); round++) {
      this.requeues.length = 0;
      await this.sync();
      this.settleReplicaSets();
    }
    return atPause();
  }

  rollout(name = 'demo'): Rollout {
    return this.client.tracker.get<Rollout>(Resources.rollouts, 'default', name)!;
  }

  replicaSets(): ReplicaSet[] {
    return this.client.tracker.list<ReplicaSet>(Resources.replicaSets, 'default');
  }

  /** `name=spec/available` for every RS, sorted by name. */
  replicaCounts(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const rs of this.replicaSets()) out[rs.metadata?.name ?? ''] = `${rs.spec?.replicas ?? 1}/${rs.status?.availableReplicas ?? 0}`;
    return out;
  }

  /** Applies a user's merge patch to the rollout spec (bumps generation), like `kubectl patch`. */
  async patchRollout(patch: unknown, subresource?: string): Promise<void> {
    await this.client.patch(Resources.rollouts, 'demo', 'default', patch, 'application/merge-patch+json', subresource ? { subresource } : {});
  }

  async setImage(image: string): Promise<void> {
    await this.patchRollout({ spec: { template: { spec: { containers: [{ name: 'demo', image }] } } } });
  }
}

export interface RolloutSpecOptions {
  replicas?: number;
  image?: string;
  steps?: CanaryStep[];
  canary?: Record<string, unknown>;
  progressDeadlineSeconds?: number;
  progressDeadlineAbort?: boolean;
}

/** A canary Rollout `default/demo` (app=demo) running `image`. */
export function canaryRollout(options: RolloutSpecOptions = {}): Rollout {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'demo', namespace: 'default', uid: 'rollout-uid', generation: 1 },
    spec: {
      replicas: options.replicas ?? 5,
      selector: { matchLabels: { app: 'demo' } },
      template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'demo', image: options.image ?? 'argoproj/rollouts-demo:blue' }] } },
      strategy: { canary: { steps: options.steps ?? [{ setWeight: 20 }, { pause: {} }, { setWeight: 60 }, { pause: { duration: 10 } }], ...(options.canary ?? {}) } },
      ...(options.progressDeadlineSeconds !== undefined ? { progressDeadlineSeconds: options.progressDeadlineSeconds } : {}),
      ...(options.progressDeadlineAbort ? { progressDeadlineAbort: true } : {}),
    },
  };
}

export function service(name: string): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', uid: `svc-${name}` }, spec: { selector: { app: 'demo' }, ports: [{ port: 80 }] } };
}

/** Brings a fresh rollout to Healthy at `image` and clears the action log and events. */
export async function healthyFixture(options: RolloutSpecOptions & { extra?: KubeObject[] } = {}): Promise<RolloutFixture> {
  const fixture = new RolloutFixture({ objects: [canaryRollout(options), ...(options.extra ?? [])] });
  await fixture.syncUntilStable();
  fixture.recorder.take();
  fixture.client.clearActions();
  return fixture;
}
