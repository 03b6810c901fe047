// Tests for ApiEventRecorder (over a small stub client) and FakeEventRecorder.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/fake-clock.js';
import type { KubeClient } from '../client/kube-client.js';
import { Resources, type ResourceType } from '../client/resource-type.js';
import { ApiError } from '../errors/api-error.js';
import { describeAction, FakeKubeClient } from '../testing/index.js';
import type { Event } from '../types/core-event.js';
import type { KubeObject } from '../types/meta.js';
import { ApiEventRecorder } from './api-event-recorder.js';
import { FakeEventRecorder } from './event-recorder.js';

interface Action {
  verb: 'create' | 'patch';
  resource: string;
  namespace: string | undefined;
  name: string;
  body: unknown;
}

/** Records create and patch calls; any other call fails the test. `fail` makes the next writes throw. */
function stubClient(): { client: KubeClient; actions: Action[]; fail: { next: unknown[] } } {
  const actions: Action[] = [];
  const fail = { next: [] as unknown[] };
  const unexpected = (verb: string) => () => Promise.reject(new Error(`unexpected ${verb} call`));
  const client: KubeClient = {
    get: unexpected('get'),
    list: unexpected('list'),
    watch: unexpected('watch'),
    update: unexpected('update'),
    updateStatus: unexpected('updateStatus'),
    delete: unexpected('delete'),
    create: async <T extends KubeObject>(type: ResourceType, object: T) => {
      actions.push({ verb: 'create', resource: type.resource, namespace: object.metadata?.namespace, name: object.metadata?.name ?? '', body: object });
      if (fail.next.length > 0) throw fail.next.shift();
      return object;
    },
    patch: async <T extends KubeObject>(type: ResourceType, name: string, namespace: string | undefined, patch: unknown) => {
      actions.push({ verb: 'patch', resource: type.resource, namespace, name, body: patch });
      if (fail.next.length > 0) throw fail.next.shift();
      return {} as T;
    },
  };
  return { client, actions, fail };
}

const rollout: KubeObject = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { namespace: 'prod', name: 'demo', uid: 'uid-1', resourceVersion: '42', labels: { app: 'demo' } },
};

function setup() {
  const clock = new FakeClock({ startMs: Date.UTC(2026, 0, 2, 3, 4, 5) });
  const stub = stubClient();
  const logs: string[] = [];
  const recorder = new ApiEventRecorder({ client: stub.client, clock, component: 'rollouts-controller', host: 'node-a', log: (m) => logs.push(m) });
  return { clock, recorder, logs, ...stub };
}

describe('ApiEventRecorder', () => {
  it('creates a core/v1 Event naming the object, its source and first/last timestamps', async () => {
    const { recorder, actions } = setup();
    recorder.event(rollout, 'Normal', 'RolloutUpdated', 'Rollout updated to revision 2');
    await recorder.flush();
    expect(actions).toHaveLength(1);
    const action = actions[0]!;
    expect(action).toMatchObject({ verb: 'create', resource: 'events', namespace: 'prod' });
    expect(action.name).toMatch(/^demo\.[0-9a-f]{16}$/);
    expect(action.body).toEqual({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: action.name, namespace: 'prod' },
      involvedObject: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', namespace: 'prod', name: 'demo', uid: 'uid-1', resourceVersion: '42' },
      type: 'Normal',
      reason: 'RolloutUpdated',
      message: 'Rollout updated to revision 2',
      source: { component: 'rollouts-controller', host: 'node-a' },
      reportingComponent: 'rollouts-controller',
      reportingInstance: 'node-a',
      firstTimestamp: '2026-01-02T03:04:05Z',
      lastTimestamp: '2026-01-02T03:04:05Z',
      count: 1,
    } satisfies Event);
  });

  it('folds a repeat within the window into a patch of count and lastTimestamp', async () => {
    const { recorder, actions, clock } = setup();
    recorder.event(rollout, 'Warning', 'Degraded', 'pods not ready');
    await recorder.flush();
    clock.advance(30_000);
    recorder.event(rollout, 'Warning', 'Degraded', 'pods not ready');
    await recorder.flush();
    clock.advance(30_000);
    recorder.event(rollout, 'Warning', 'Degraded', 'pods not ready');
    await recorder.flush();
    expect(actions.map((a) => a.verb)).toEqual(['create', 'patch', 'patch']);
    expect(actions[1]!.name).toBe(actions[0]!.name);
    expect(actions[2]!.body).toEqual({ count: 3, lastTimestamp: '2026-01-02T03:05:05Z' });
  });

  it('folds repeats recorded while the first write is in flight into one patch', async () => {
    const { recorder, actions, clock } = setup();
    recorder.event(rollout, 'Warning', 'Degraded', 'pods not ready');
    clock.advance(30_000);
    recorder.event(rollout, 'Warning', 'Degraded', 'pods not ready');
    clock.advance(30_000);
    recorder.event(rollout, 'Warning', 'Degraded', 'pods not ready');
    await recorder.flush();
    expect(actions.map((a) => a.verb)).toEqual(['create', 'patch']);
    expect(actions[1]!.name).toBe(actions[0]!.name);
    expect(actions[1]!.body).toEqual({ count: 3, lastTimestamp: '2026-01-02T03:05:05Z' });
  });

  it('creates a new event for a different message, or for a repeat after the window', async () => {
    const { recorder, actions, clock } = setup();
    recorder.event(rollout, 'Normal', 'Scaled', 'scaled to 2');
    recorder.event(rollout, 'Normal', 'Scaled', 'scaled to 3');
    clock.advance(11 * 60_000);
    recorder.event(rollout, 'Normal', 'Scaled', 'scaled to 2');
    await recorder.flush();
    expect(actions.map((a) => a.verb)).toEqual(['create', 'create', 'create']);
    expect(new Set(actions.map((a) => a.name)).size).toBe(3);
  });

  it('names a cluster-scoped object’s event in the default namespace', async () => {
    const { recorder, actions } = setup();
    recorder.event({ kind: 'ClusterAnalysisTemplate', metadata: { name: 'success-rate' } }, 'Normal', 'Created', 'created');
    await recorder.flush();
    expect(actions[0]!.namespace).toBe('default');
  });

  it('re-creates an event whose patch finds it gone, keeping the count', async () => {
    const { recorder, actions, fail } = setup();
    recorder.event(rollout, 'Normal', 'Paused', 'paused');
    await recorder.flush();
    fail.next.push(new ApiError({ code: 404, reason: 'NotFound', message: 'events not found' }));
    recorder.event(rollout, 'Normal', 'Paused', 'paused');
    await recorder.flush();
    expect(actions.map((a) => a.verb)).toEqual(['create', 'patch', 'create']);
    expect((actions[2]!.body as Event).count).toBe(2);
  });

  it('logs failures instead of throwing them at the caller, and keeps recording', async () => {
    const { recorder, actions, fail, logs } = setup();
    fail.next.push(new ApiError({ code: 403, reason: 'Forbidden', message: 'no' }));
    expect(() => recorder.event(rollout, 'Warning', 'Failed', 'boom')).not.toThrow();
    recorder.event(rollout, 'Normal', 'Recovered', 'ok');
    await recorder.flush();
    expect(logs).toEqual(['event Failed on demo not recorded']);
    expect(actions.map((a) => (a.body as Event).reason)).toEqual(['Failed', 'Recovered']);
  });

  it('drops events beyond the pending limit, logging the drops as one sum per interval', async () => {
    const stub = stubClient();
    const logs: string[] = [];
    const clock = new FakeClock();
    const recorder = new ApiEventRecorder({ client: stub.client, clock, component: 'c', maxPending: 2, maxInFlight: 1, dropLogIntervalMs: 10_000, log: (m) => logs.push(m) });
    for (let i = 0; i < 5; i++) recorder.event(rollout, 'Normal', 'R', `m${i}`);
    expect(logs).toEqual(['1 events dropped: 2 events already waiting to be written (drops are summed over 10 s)']);
    await recorder.flush();
    expect(stub.actions).toHaveLength(2);
    // The two drops after the first line are reported once the writer is idle.
    expect(logs).toHaveLength(2);
    expect(logs[1]).toMatch(/^2 events dropped: /);
  });

  it('keeps at most maxInFlight writes in flight, and never two for the same event', async () => {
    const started: string[] = [];
    const releases: (() => void)[] = [];
    const stub = stubClient();
    const slow: KubeClient = {
      ...stub.client,
      create: <T extends KubeObject>(type: ResourceType, object: T) =>
        new Promise<T>((resolve) => {
          started.push((object as unknown as Event).message ?? '');
          releases.push(() => resolve(object));
        }),
    };
    const recorder = new ApiEventRecorder({ client: slow, clock: new FakeClock(), component: 'c', maxInFlight: 2, log: () => undefined });
    recorder.event(rollout, 'Normal', 'R', 'a');
    recorder.event(rollout, 'Normal', 'R', 'b');
    recorder.event(rollout, 'Normal', 'R', 'c');
    expect(started).toEqual(['a', 'b']);
    releases.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b', 'c']);
    for (const release of releases.splice(0)) release();
    await recorder.flush();
  });

  it('filters a burst of one event past 25 repeats, then lets one through per 5 minutes', async () => {
    const { recorder, actions, clock } = setup();
    for (let i = 0; i < 30; i++) {
      recorder.event(rollout, 'Warning', 'Flapping', 'again');
      await recorder.flush();
    }
    expect(actions).toHaveLength(25);
    expect(recorder.spamFiltered).toBe(5);
    clock.advance(5 * 60_000);
    recorder.event(rollout, 'Warning', 'Flapping', 'again');
    recorder.event(rollout, 'Warning', 'Flapping', 'again');
    await recorder.flush();
    expect(actions).toHaveLength(26);
    expect(recorder.spamFiltered).toBe(6);
  });
});

describe('ApiEventRecorder with deferWhile', () => {
  function deferringSetup() {
    const clock = new FakeClock({ startMs: Date.UTC(2026, 0, 2, 3, 4, 5) });
    const stub = stubClient();
    const busy = { now: true };
    const recorder = new ApiEventRecorder({ client: stub.client, clock, component: 'rollouts-controller', deferWhile: () => busy.now, log: () => undefined });
    return { clock, recorder, busy, ...stub };
  }

  it('starts no write while deferWhile answers true, and writes once it answers false', async () => {
    const { clock, recorder, busy, actions } = deferringSetup();
    recorder.event(rollout, 'Normal', 'RolloutStepCompleted', 'Rollout step 2/4 completed (pause: 1s)');
    clock.advance(100);
    await Promise.resolve();
    expect(actions).toHaveLength(0);
    busy.now = false;
    clock.advance(5);
    await recorder.flush();
    expect(actions.map((a) => a.verb)).toEqual(['create']);
  });

  it('holds writes back for at most maxDeferMs of one busy stretch, then writes until the stretch ends', async () => {
    const { clock, recorder, busy, actions } = deferringSetup();
    recorder.event(rollout, 'Normal', 'RolloutStepCompleted', 'Rollout step 2/4 completed (pause: 1s)');
    clock.advance(245);
    await Promise.resolve();
    expect(actions).toHaveLength(0);
    clock.advance(5);
    await recorder.flush();
    expect(actions).toHaveLength(1);
    recorder.event(rollout, 'Normal', 'RolloutStepCompleted', 'Rollout step 4/4 completed (pause: 1s)');
    await recorder.flush(); // still the same busy stretch: no more holding back
    expect(actions).toHaveLength(2);
    busy.now = false;
    recorder.event(rollout, 'Normal', 'RolloutResumed', 'Rollout is resumed');
    await recorder.flush();
    busy.now = true; // a new busy stretch holds back again
    recorder.event(rollout, 'Normal', 'RolloutPaused', 'Rollout is paused (CanaryPauseStep)');
    await Promise.resolve();
    expect(actions).toHaveLength(3);
    clock.advance(250);
    await recorder.flush();
    expect(actions).toHaveLength(4);
  });
});

describe('ApiEventRecorder over FakeKubeClient', () => {
  it('creates the Event, then patches its count and lastTimestamp on a repeat', async () => {
    const clock = new FakeClock({ startMs: Date.UTC(2026, 0, 2, 3, 4, 5) });
    const client = new FakeKubeClient({ clock });
    const recorder = new ApiEventRecorder({ client, clock, component: 'rollouts-controller' });
    recorder.event(rollout, 'Normal', 'RolloutPaused', 'Rollout is paused');
    clock.advance(5000);
    recorder.event(rollout, 'Normal', 'RolloutPaused', 'Rollout is paused');
    await recorder.flush();
    expect(client.writeActions().map((action) => describeAction(action))).toEqual(['create events', 'patch events']);
    const events = await client.list<Event>(Resources.events, { namespace: 'prod' });
    expect(events.items).toHaveLength(1);
    expect(events.items[0]).toMatchObject({
      involvedObject: { kind: 'Rollout', name: 'demo', uid: 'uid-1' },
      reason: 'RolloutPaused',
      count: 2,
      firstTimestamp: '2026-01-02T03:04:05Z',
      lastTimestamp: '2026-01-02T03:04:10Z',
      source: { component: 'rollouts-controller' },
    });
  });
});

describe('FakeEventRecorder', () => {
  it('keeps "<type> <reason> <message>" strings in order', () => {
    const recorder = new FakeEventRecorder();
    recorder.event(rollout, 'Normal', 'RolloutUpdated', 'updated');
    recorder.event(rollout, 'Warning', 'RolloutAborted', 'aborted');
    expect(recorder.take()).toEqual(['Normal RolloutUpdated updated', 'Warning RolloutAborted aborted']);
    expect(recorder.events).toEqual([]);
  });
});
