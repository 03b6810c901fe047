// Tests for LeaderElector over a stub Lease store: acquire, renew, release, expiry takeover, conflicts.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/fake-clock.js';
import type { KubeClient } from '../client/kube-client.js';
import { Resources, type ResourceType } from '../client/resource-type.js';
import { ApiError } from '../errors/api-error.js';
import { describeAction, FakeKubeClient } from '../testing/index.js';
import type { Lease } from '../types/coordination.js';
import type { KubeObject } from '../types/meta.js';
import { formatMicroTime, InvalidLeaderElectionConfigError, type LeaderElectionOptions } from './leader-election-config.js';
import { LeaderElector } from './leader-elector.js';

const apiError = (code: number, reason: string): ApiError => new ApiError({ code, reason, message: reason });

/** Leases by name with resourceVersion checks; several candidates share one store through `clientFor`. */
class LeaseStore {
  readonly leases = new Map<string, Lease>();
  private rv = 0;
  /** Runs once just before the next update is applied (to simulate a competing write). */
  beforeNextUpdate: (() => void) | undefined;

  clientFor(view: { down: boolean }): KubeClient {
    const unexpected = (verb: string) => () => Promise.reject(new Error(`unexpected ${verb} call`));
    const check = (type: ResourceType): void => {
      if (type.resource !== 'leases') throw new Error(`unexpected resource ${type.resource}`);
      if (view.down) throw apiError(503, 'ServiceUnavailable');
    };
    return {
      list: unexpected('list'),
      watch: unexpected('watch'),
      updateStatus: unexpected('updateStatus'),
      patch: unexpected('patch'),
      delete: unexpected('delete'),
      get: async <T extends KubeObject>(type: ResourceType, name: string) => {
        check(type);
        const lease = this.leases.get(name);
        if (!lease) throw apiError(404, 'NotFound');
        return structuredClone(lease) as T;
      },
      create: async <T extends KubeObject>(type: ResourceType, object: T) => {
        check(type);
        const name = object.metadata?.name ?? '';
        if (this.leases.has(name)) throw apiError(409, 'AlreadyExists');
        return this.store(name, object as Lease) as T;
      },
      update: async <T extends KubeObject>(type: ResourceType, object: T) => {
        check(type);
        const hook = this.beforeNextUpdate;
        this.beforeNextUpdate = undefined;
        hook?.();
        const name = object.metadata?.name ?? '';
        const existing = this.leases.get(name);
        if (!existing) throw apiError(404, 'NotFound');
        if (existing.metadata?.resourceVersion !== object.metadata?.resourceVersion) throw apiError(409, 'Conflict');
        return this.store(name, object as Lease) as T;
      },
    };
  }

  /** Stores a copy with the next resourceVersion. */
  store(name: string, lease: Lease): Lease {
    const stored: Lease = { ...structuredClone(lease), metadata: { ...lease.metadata, resourceVersion: String(++this.rv) } };
    this.leases.set(name, stored);
    return structuredClone(stored);
  }

  spec(name = 'lock'): Lease['spec'] {
    return this.leases.get(name)?.spec;
  }
}

const START = Date.UTC(2026, 0, 2, 3, 4, 5);

function candidate(store: LeaseStore, clock: FakeClock, identity: string, extra: Partial<LeaderElectionOptions> = {}) {
  const view = { down: false };
  const log: string[] = [];
  let signal: AbortSignal | undefined;
  const elector = new LeaderElector({
    client: store.clientFor(view),
    clock,
    namespace: 'aviary',
    leaseName: 'lock',
    identity,
    random: () => 0,
    onStartedLeading: (s) => {
      signal = s;
      log.push(`started@${clock.now() - START}`);
    },
    onStoppedLeading: () => log.push(`stopped@${clock.now() - START}`),
    onNewLeader: (id) => log.push(`leader=${id}`),
    log: () => undefined,
    ...extra,
  });
  return { elector, view, log, signal: () => signal };
}

describe('LeaderElector', () => {
  it('creates an absent lease, records itself as holder and starts leading', async () => {
    const clock = new FakeClock({ startMs: START });
    const store = new LeaseStore();
    const a = candidate(store, clock, 'a');
    const running = a.elector.run();
    await clock.advanceAsync(0);
    expect(a.elector.isLeader()).toBe(true);
    expect(a.log).toEqual(['leader=a', 'started@0']);
    expect(store.leases.get('lock')).toMatchObject({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'lock', namespace: 'aviary' } });
    expect(store.spec()).toEqual({
      holderIdentity: 'a',
      leaseDurationSeconds: 15,
      acquireTime: '2026-01-02T03:04:05.000000Z',
      renewTime: '2026-01-02T03:04:05.000000Z',
      leaseTransitions: 0,
    });
    await a.elector.stop();
    await running;
  });

  it('renews every retry period, keeping acquireTime and the transition count', async () => {
    const clock = new FakeClock({ startMs: START });
    const store = new LeaseStore();
    const a = candidate(store, clock, 'a');
    void a.elector.run();
    await clock.advanceAsync(4000);
    expect(store.spec()).toMatchObject({ holderIdentity: 'a', acquireTime: '2026-01-02T03:04:05.000000Z', renewTime: '2026-01-02T03:04:09.000000Z', leaseTransitions: 0 });
    await a.elector.stop();
  });

  it('a second candidate waits while the leader renews, and takes over at once after stop releases', async () => {
    const clock = new FakeClock({ startMs: START });
    const store = new LeaseStore();
    const a = candidate(store, clock, 'a');
    const b = candidate(store, clock, 'b');
    const aRun = a.elector.run();
    await clock.advanceAsync(0);
    void b.elector.run();
    await clock.advanceAsync(30_000);
    expect(b.elector.isLeader()).toBe(false);
    expect(b.elector.getLeader()).toBe('a');
    expect(b.log).toEqual(['leader=a']);

    await a.elector.stop();
    await aRun;
    expect(a.log).toEqual(['leader=a', 'started@0', 'stopped@30000']);
    expect(a.signal()?.aborted).toBe(true);
    expect(store.spec()).toMatchObject({ holderIdentity: '', leaseDurationSeconds: 1, leaseTransitions: 0 });

    await clock.advanceAsync(2000); // b's next retry
    expect(b.elector.isLeader()).toBe(true);
    expect(b.log).toEqual(['leader=a', 'leader=b', 'started@32000']);
    expect(store.spec()).toMatchObject({ holderIdentity: 'b', leaseDurationSeconds: 15, leaseTransitions: 1, acquireTime: '2026-01-02T03:04:37.000000Z' });
    await b.elector.stop();
  });

  it('a leader that cannot renew loses leadership at the renew deadline; another takes over after the lease duration', async () => {
    const clock = new FakeClock({ startMs: START });
    const store = new LeaseStore();
    const a = candidate(store, clock, 'a');
    const b = candidate(store, clock, 'b');
    const aRun = a.elector.run();
    await clock.advanceAsync(0);
    void b.elector.run(); // b first sees a's record at 0
    await clock.advanceAsync(1000);
    a.view.down = true; // a's last successful renewal was at 0
    // a tries at 2 s (the renew deadline runs from there), 4, 6, 8, 10 s, and gives up at 12 s.
    await clock.advanceAsync(11_000 - 1);
    expect(a.elector.isLeader()).toBe(true);
    await clock.advanceAsync(1);
    await aRun;
    expect(a.elector.isLeader()).toBe(false);
    expect(a.log).toEqual(['leader=a', 'started@0', 'stopped@12000']);
    expect(a.signal()?.aborted).toBe(true);
    // b retries every 2 s; the record last changed at 0, so it is free once 15 s have passed: at 16 s.
    await clock.advanceAsync(3000);
    expect(b.elector.isLeader()).toBe(false);
    await clock.advanceAsync(1000);
    expect(b.elector.isLeader()).toBe(true);
    expect(b.log.at(-1)).toBe('started@16000');
    expect(store.spec()).toMatchObject({ holderIdentity: 'b', leaseTransitions: 1 });
    await b.elector.stop();
  });

  it('a write that loses the resourceVersion race (409) fails that attempt and the next one re-reads', async () => {
    const clock = new FakeClock({ startMs: START });
    const store = new LeaseStore();
    store.store('lock', { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'lock', namespace: 'aviary' }, spec: { holderIdentity: '', leaseTransitions: 4 } });
    const b = candidate(store, clock, 'b');
    store.beforeNextUpdate = () => {
      const lease = store.leases.get('lock')!;
      store.store('lock', { ...lease, spec: { ...lease.spec, renewTime: 'someone else wrote' } });
    };
    void b.elector.run();
    await clock.advanceAsync(0);
    expect(b.elector.isLeader()).toBe(false);
    await clock.advanceAsync(2000);
    expect(b.elector.isLeader()).toBe(true);
    expect(store.spec()).toMatchObject({ holderIdentity: 'b', leaseTransitions: 5 });
    await b.elector.stop();
  });

  it('stop before winning ends the campaign without callbacks or writes', async () => {
    const clock = new FakeClock({ startMs: START });
    const store = new LeaseStore();
    const a = candidate(store, clock, 'a');
    a.view.down = true;
    const running = a.elector.run();
    await clock.advanceAsync(5000);
    await a.elector.stop();
    await running;
    expect(a.log).toEqual([]);
    expect(store.leases.size).toBe(0);
    expect(clock.pendingTimers()).toBe(0);
  });

  it.each([
    { case: 'a lease not longer than the renew deadline', options: { leaseDurationSeconds: 10, renewDeadlineSeconds: 10 }, field: 'leaseDurationSeconds' },
    { case: 'a renew deadline within the jittered retry period', options: { renewDeadlineSeconds: 2, retryPeriodSeconds: 2 }, field: 'renewDeadlineSeconds' },
    { case: 'a zero retry period', options: { retryPeriodSeconds: 0 }, field: 'retryPeriodSeconds' },
    { case: 'an empty identity', options: { identity: '' }, field: 'identity' },
  ])('rejects $case', ({ options, field }) => {
    const store = new LeaseStore();
    const make = () => candidate(store, new FakeClock(), 'a', options);
    expect(make).toThrow(InvalidLeaderElectionConfigError);
    expect(make).toThrow(expect.objectContaining({ field }));
  });
});

describe('LeaderElector over FakeKubeClient', () => {
  it('two candidates on one API: the first creates the Lease, the second takes over after release', async () => {
    const clock = new FakeClock({ startMs: START });
    const client = new FakeKubeClient({ clock });
    const started: string[] = [];
    const make = (identity: string) =>
      new LeaderElector({
        client,
        clock,
        namespace: 'aviary',
        leaseName: 'aviary-controller-lock',
        identity,
        random: () => 0,
        onStartedLeading: () => void started.push(`${identity}@${clock.now() - START}`),
        onStoppedLeading: () => undefined,
        log: () => undefined,
      });
    const a = make('a');
    const b = make('b');
    void a.run();
    await clock.advanceAsync(0);
    void b.run();
    await clock.advanceAsync(4000);
    await a.stop();
    await clock.advanceAsync(2000);
    expect(started).toEqual(['a@0', 'b@6000']);
    const lease = await client.get<Lease>(Resources.leases, 'aviary-controller-lock', 'aviary');
    expect(lease.spec).toMatchObject({ holderIdentity: 'b', leaseDurationSeconds: 15, leaseTransitions: 1 });
    expect(client.writeActions().map((action) => describeAction(action))).toEqual([
      'create leases', // a acquires
      'update leases', // a renews at 2 s
      'update leases', // a renews at 4 s
      'update leases', // a releases on stop
      'update leases', // b acquires at 6 s
    ]);
    await b.stop();
  });
});

describe('formatMicroTime', () => {
  it('writes RFC 3339 with six fractional digits', () => {
    expect(formatMicroTime(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe('2026-01-02T03:04:05.678000Z');
  });
});
