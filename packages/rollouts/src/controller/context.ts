// RolloutContext: everything one reconcile of one Rollout works with, and the dependencies it calls.
// Upstream: rollout/context.go (rolloutContext).
import type { AnalysisRun, Clock, EventRecorder, Experiment, KubeClient, ReplicaSet, Rollout, RolloutStatus } from '@aviary/kube';
import type { ClusterView } from './cluster-view.js';
import type { PauseState } from './pause-state.js';
import type { ValidateRollout } from './validation-hook.js';

/** What a sync needs from outside: the API, time, events, the cache, and the queue. */
export interface ControllerDeps {
  client: KubeClient;
  clock: Clock;
  recorder: EventRecorder;
  view: ClusterView;
  /** Re-syncs the rollout `key` after `delayMs` (timed pauses, deadlines, scale-down delays). */
  enqueueAfter(key: string, delayMs: number): void;
  /** The informer resync period; delayed requeues past it are left to the resync. */
  resyncPeriodMs: number;
  validate: ValidateRollout;
  /** Remembers the resourceVersion of our own writes so a stale cache is not acted on. */
  versions: RolloutVersionTracker;
  log?: (message: string) => void;
}

/** The AnalysisRuns the rollout currently waits on. */
export interface CurrentAnalysisRuns {
  step?: AnalysisRun;
  background?: AnalysisRun;
  prePromotion?: AnalysisRun;
  postPromotion?: AnalysisRun;
}

export interface RolloutContext {
  readonly deps: ControllerDeps;
  /** `namespace/name`. */
  readonly key: string;
  /** A private, mutable copy of the cached rollout (refreshed after our own writes). */
  rollout: Rollout;
  /** Set once the rollout object itself was written this reconcile: the sync stops and waits for the new version. */
  written: boolean;
  /** The ReplicaSet of the current pod template (canary/preview); undefined until created. */
  newRS?: ReplicaSet;
  /** The ReplicaSet whose hash is status.stableRS; equals newRS once promoted. */
  stableRS?: ReplicaSet;
  allRSs: ReplicaSet[];
  /** Everything but newRS (stable included). */
  olderRSs: ReplicaSet[];
  /** Neither new nor stable. */
  otherRSs: ReplicaSet[];
  currentArs: CurrentAnalysisRuns;
  otherArs: AnalysisRun[];
  currentEx?: Experiment;
  otherExs: Experiment[];
  /** The status being built; persisted (when changed) at the end of the reconcile. */
  newStatus: RolloutStatus;
  pause: PauseState;
  /** newRS carried an unexpired scale-down-deadline when the reconcile began (a fast-rollback hint). */
  newRSWithinDelay: boolean;
  /**
   * Set when a status change (a Progressing condition) was made on `rollout.status` without writing it: the status
   * as on the server then. The sync's status patch diffs against it, so the change goes out with that one write.
   */
  deferredStatusBase?: RolloutStatus;
}

/** Tracks the last resourceVersion this controller wrote per rollout (upstream rolloutVersionTracker). */
export class RolloutVersionTracker {
  private readonly written = new Map<string, string>();

  record(key: string, resourceVersion: string | undefined): void {
    if (resourceVersion) this.written.set(key, resourceVersion);
  }

  forget(key: string): void {
    this.written.delete(key);
  }

  /** True when the cache still holds a version older than one we wrote (numeric resourceVersions only). */
  isStale(key: string, cachedVersion: string | undefined): boolean {
    const wrote = this.written.get(key);
    if (wrote === undefined || cachedVersion === undefined) return false;
    const cached = Number(cachedVersion);
    const ours = Number(wrote);
    if (!Number.isSafeInteger(cached) || !Number.isSafeInteger(ours)) return false;
    if (cached >= ours) this.written.delete(key);
    return cached < ours;
  }
}
