// LeaderElector: Lease-based leader election with client-go semantics (tools/leaderelection/leaderelection.go).
import { realClock, type Clock, type Timer } from '../clock/clock.js';
import type { KubeClient } from '../client/kube-client.js';
import { Resources } from '../client/resource-type.js';
import { isNotFound } from '../errors/api-error.js';
import type { Lease, LeaseSpec } from '../types/coordination.js';
import { formatMicroTime, JITTER_FACTOR, resolveTimings, type LeaderElectionOptions, type LeaderElectionTimings } from './leader-election-config.js';

/**
 * One candidate for leadership. `run()` retries acquiring the Lease every retry period (jittered)
 * until it wins, calls `onStartedLeading`, then renews every retry period. If renewals keep failing
 * for the renew deadline, leadership is lost: the signal aborts, `onStoppedLeading` runs and `run()`
 * resolves (like client-go, it does not campaign again). `stop()` ends the campaign and, if this
 * candidate leads, releases the Lease by clearing its holder so another can take over at once.
 *
 * Expiry is judged by this candidate's own clock: a lease held by someone else counts as expired
 * once `leaseDurationSeconds` pass without this candidate seeing the record change, so clock skew
 * between candidates does not matter.
 */
export class LeaderElector {
  private readonly options: LeaderElectionOptions;
  private readonly client: KubeClient;
  private readonly clock: Clock;
  private readonly timings: LeaderElectionTimings;
  private readonly random: () => number;
  private readonly log: (message: string, err?: unknown) => void;
  /** The Lease as last read or written, whose resourceVersion guards the next write. */
  private lease: Lease | undefined;
  /** The holder record last seen, and when (on this clock) it was first seen. */
  private observedSpec: LeaseSpec | undefined;
  private observedAtMs = 0;
  private reportedLeader = '';
  private leading = false;
  private stopping = false;
  private running: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private wakeSleeper: (() => void) | undefined;

  constructor(options: LeaderElectionOptions) {
    this.options = options;
    this.timings = resolveTimings(options);
    this.client = options.client;
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
    this.log = options.log ?? ((message, err) => console.warn(message, err ?? ''));
  }

  /** Campaigns, leads, and resolves when leadership is lost or `stop()` is called. */
  run(): Promise<void> {
    this.running ??= this.campaign();
    return this.running;
  }

  /** Stops campaigning or leading, releasing the Lease if held; resolves when `run()` has ended. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeSleeper?.();
    await this.running;
  }

  isLeader(): boolean {
    return this.leading;
  }

  /** The holder identity last observed on the Lease ('' when none). */
  getLeader(): string {
    return this.observedSpec?.holderIdentity ?? '';
  }

  private async campaign(): Promise<void> {
    if (!(await this.acquire())) return;
    if (this.stopping) {
      await this.release(); // won just as stop() was called: hand the Lease straight back
      return;
    }
    this.leading = true;
    this.abort = new AbortController();
    this.startLeading(this.abort.signal);
    await this.renew();
    if (this.stopping) await this.release();
    this.leading = false;
    this.abort.abort();
    this.callSafely('onStoppedLeading', () => this.options.onStoppedLeading());
  }

  /** Tries until the Lease is ours (true) or the elector stops (false). */
  private async acquire(): Promise<boolean> {
    while (!this.stopping) {
      if (await this.tryAcquireOrRenew()) return true;
      await this.sleep(this.timings.retryPeriodMs * (1 + this.random() * JITTER_FACTOR));
    }
    return false;
  }

  /**
   * Renews every retry period; returns when a renewal failed for the whole deadline, or on stop.
   * (client-go renews once more straight after acquiring; that write is redundant and skipped here.)
   */
  private async renew(): Promise<void> {
    for (;;) {
      await this.sleep(this.timings.retryPeriodMs);
      if (this.stopping) return;
      const deadline = this.clock.now() + this.timings.renewDeadlineMs;
      for (;;) {
        if (await this.tryWithin(deadline)) break;
        if (this.stopping) return;
        if (this.clock.now() < deadline) await this.sleep(Math.min(this.timings.retryPeriodMs, deadline - this.clock.now()));
        if (this.stopping) return;
        if (this.clock.now() >= deadline) {
          this.log(`leader election: ${this.options.identity} failed to renew lease ${this.leaseRef()} within ${this.timings.renewDeadlineMs} ms; leadership lost`);
          return;
        }
      }
    }
  }

  /** One acquire-or-renew attempt, counted as failed if it has not answered by `deadline`. */
  private async tryWithin(deadline: number): Promise<boolean> {
    let timer: Timer | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = this.clock.setTimer(() => resolve(false), deadline - this.clock.now());
    });
    try {
      return await Promise.race([this.tryAcquireOrRenew(), timeout]);
    } finally {
      timer?.cancel();
    }
  }

  /** Reads the Lease and takes or renews it if it is free, expired or ours; false otherwise. */
  private async tryAcquireOrRenew(): Promise<boolean> {
    const nowMs = this.clock.now();
    const now = formatMicroTime(nowMs);
    const { identity, namespace, leaseName } = this.options;
    const leaseDurationSeconds = this.timings.leaseDurationMs / 1000;
    let current: Lease;
    try {
      current = await this.client.get<Lease>(Resources.leases, leaseName, namespace);
    } catch (err: unknown) {
      if (!isNotFound(err)) {
        this.log(`leader election: cannot read lease ${this.leaseRef()}`, err);
        return false;
      }
      const spec: LeaseSpec = { holderIdentity: identity, leaseDurationSeconds, acquireTime: now, renewTime: now, leaseTransitions: 0 };
      try {
        const created = await this.client.create<Lease>(Resources.leases, {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: leaseName, namespace },
          spec,
        });
        this.observe(created, this.clock.now());
        return true;
      } catch (createErr: unknown) {
        this.log(`leader election: cannot create lease ${this.leaseRef()}`, createErr);
        return false;
      }
    }

    this.observe(current, nowMs);
    const old = current.spec ?? {};
    const holder = old.holderIdentity ?? '';
    const heldByUs = holder === identity;
    const durationMs = (old.leaseDurationSeconds ?? leaseDurationSeconds) * 1000;
    if (holder !== '' && !heldByUs && this.observedAtMs + durationMs > nowMs) return false; // someone else holds it

    const spec: LeaseSpec = {
      ...old,
      holderIdentity: identity,
      leaseDurationSeconds,
      renewTime: now,
      acquireTime: heldByUs ? old.acquireTime ?? now : now,
      leaseTransitions: heldByUs ? old.leaseTransitions ?? 0 : (old.leaseTransitions ?? 0) + 1,
    };
    try {
      const updated = await this.client.update<Lease>(Resources.leases, { ...current, spec });
      this.observe(updated, this.clock.now());
      return true;
    } catch (err: unknown) {
      // A 409 means another candidate wrote first: this attempt fails and the next one re-reads.
      this.log(`leader election: cannot update lease ${this.leaseRef()}`, err);
      return false;
    }
  }

  /** Clears the holder so another candidate can take over without waiting for expiry. */
  private async release(): Promise<void> {
    const lease = this.lease;
    if (lease === undefined || lease.spec?.holderIdentity !== this.options.identity) return;
    const now = formatMicroTime(this.clock.now());
    const spec: LeaseSpec = { ...lease.spec, holderIdentity: '', leaseDurationSeconds: 1, acquireTime: now, renewTime: now };
    try {
      this.observe(await this.client.update<Lease>(Resources.leases, { ...lease, spec }), this.clock.now());
    } catch (err: unknown) {
      this.log(`leader election: cannot release lease ${this.leaseRef()}`, err);
    }
  }

  /** Remembers the Lease; a changed holder record restarts the expiry clock and may report a new leader. */
  private observe(lease: Lease, atMs: number): void {
    this.lease = lease;
    const spec = lease.spec ?? {};
    if (!sameRecord(spec, this.observedSpec)) {
      this.observedSpec = spec;
      this.observedAtMs = atMs;
    }
    const holder = spec.holderIdentity ?? '';
    if (holder !== '' && holder !== this.reportedLeader) {
      this.reportedLeader = holder;
      const onNewLeader = this.options.onNewLeader;
      if (onNewLeader) this.callSafely('onNewLeader', () => onNewLeader(holder));
    }
  }

  private startLeading(signal: AbortSignal): void {
    try {
      Promise.resolve(this.options.onStartedLeading(signal)).catch((err: unknown) => this.log('leader election: onStartedLeading failed', err));
    } catch (err: unknown) {
      this.log('leader election: onStartedLeading failed', err);
    }
  }

  /** Sleeps on the injected clock; `stop()` cuts it short. */
  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = this.clock.setTimer(() => finish(), ms);
      const finish = (): void => {
        timer.cancel();
        this.wakeSleeper = undefined;
        resolve();
      };
      this.wakeSleeper = finish;
    });
  }

  private callSafely(hook: string, call: () => void): void {
    try {
      call();
    } catch (err: unknown) {
      this.log(`leader election: ${hook} threw`, err);
    }
  }

  private leaseRef(): string {
    return `${this.options.namespace}/${this.options.leaseName}`;
  }
}

/** Whether two holder records are the same (the fields client-go compares, as a whole). */
function sameRecord(a: LeaseSpec, b: LeaseSpec | undefined): boolean {
  return (
    b !== undefined &&
    (a.holderIdentity ?? '') === (b.holderIdentity ?? '') &&
    a.leaseDurationSeconds === b.leaseDurationSeconds &&
    a.acquireTime === b.acquireTime &&
    a.renewTime === b.renewTime &&
    (a.leaseTransitions ?? 0) === (b.leaseTransitions ?? 0)
  );
}
