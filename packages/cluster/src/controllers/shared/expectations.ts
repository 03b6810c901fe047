// Expectations: the creates and deletes a controller is still waiting to see in its informer, so it does not act twice.
import type { Clock } from '@aviary/kube';

/** Upstream ExpectationsTimeout: after this long, expectations that never arrived are ignored. */
export const EXPECTATIONS_TTL_MS = 5 * 60 * 1000;

interface Record {
  adds: number;
  /** Keys of pods whose deletion has been requested and not yet observed. */
  deleteKeys: Set<string>;
  setAtMs: number;
}

/**
 * Per-controller-key counters of pending pod creations and deletions
 * (pkg/controller/controller_utils.go ControllerExpectations + UIDTrackingControllerExpectations).
 * A sync may change pods only when its key is `satisfied`.
 */
export class PodExpectations {
  private readonly clock: Clock;
  private readonly records = new Map<string, Record>();

  constructor(options: { clock: Clock }) {
    this.clock = options.clock;
  }

  /** True when nothing is pending, nothing was ever expected, or the expectations expired. */
  satisfied(key: string): boolean {
    const record = this.records.get(key);
    if (record === undefined) return true;
    if (record.adds <= 0 && record.deleteKeys.size === 0) return true;
    return this.clock.now() - record.setAtMs > EXPECTATIONS_TTL_MS;
  }

  expectCreations(key: string, count: number): void {
    this.records.set(key, { adds: count, deleteKeys: new Set(), setAtMs: this.clock.now() });
  }

  expectDeletions(key: string, podKeys: readonly string[]): void {
    this.records.set(key, { adds: 0, deleteKeys: new Set(podKeys), setAtMs: this.clock.now() });
  }

  creationObserved(key: string): void {
    const record = this.records.get(key);
    if (record !== undefined) record.adds--;
  }

  deletionObserved(key: string, podKey: string): void {
    this.records.get(key)?.deleteKeys.delete(podKey);
  }

  forget(key: string): void {
    this.records.delete(key);
  }
}
