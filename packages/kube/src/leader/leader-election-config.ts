// Leader election options, their defaults and validation (client-go tools/leaderelection NewLeaderElector).
import type { Clock } from '../clock/clock.js';
import type { KubeClient } from '../client/kube-client.js';

export interface LeaderElectionOptions {
  client: KubeClient;
  clock?: Clock;
  /** Where the Lease lives. */
  namespace: string;
  /** The Lease every candidate competes for, e.g. `argo-rollouts-controller-lock`. */
  leaseName: string;
  /** This candidate's unique name (often the pod name plus a random suffix). */
  identity: string;
  /** How long others wait after the last observed renewal before taking over; default 15 s. */
  leaseDurationSeconds?: number;
  /** How long the leader keeps retrying a failed renewal before giving up; default 10 s. */
  renewDeadlineSeconds?: number;
  /** The pause between attempts to acquire or renew; default 2 s. */
  retryPeriodSeconds?: number;
  /** Called once leadership is won; `signal` aborts when it is lost or the elector stops. */
  onStartedLeading: (signal: AbortSignal) => void | Promise<void>;
  /** Called once when leadership that was held ends (lost or released). */
  onStoppedLeading: () => void;
  /** Called when the observed holder changes to a new (non-empty) identity, this one included. */
  onNewLeader?: (identity: string) => void;
  /** Randomness for the acquire retry jitter, in [0, 1); default Math.random. */
  random?: () => number;
  /** Where failures are reported; default console.warn. */
  log?: (message: string, err?: unknown) => void;
}

/** Acquire retries wait retryPeriod × (1 + random × JITTER_FACTOR), like client-go. */
export const JITTER_FACTOR = 1.2;

export const LeaderElectionDefaults = {
  leaseDurationSeconds: 15,
  renewDeadlineSeconds: 10,
  retryPeriodSeconds: 2,
} as const;

/** Options that cannot work together, e.g. a renew deadline longer than the lease. */
export class InvalidLeaderElectionConfigError extends Error {
  override readonly name = 'InvalidLeaderElectionConfigError';
  readonly field: string;

  constructor(field: string, message: string) {
    super(`leader election: ${message}`);
    this.field = field;
  }
}

/** The durations in milliseconds, after defaults and validation. */
export interface LeaderElectionTimings {
  leaseDurationMs: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
}

/** Applies defaults and checks lease > renew deadline > jittered retry period > 0. */
export function resolveTimings(options: LeaderElectionOptions): LeaderElectionTimings {
  const leaseDuration = options.leaseDurationSeconds ?? LeaderElectionDefaults.leaseDurationSeconds;
  const renewDeadline = options.renewDeadlineSeconds ?? LeaderElectionDefaults.renewDeadlineSeconds;
  const retryPeriod = options.retryPeriodSeconds ?? LeaderElectionDefaults.retryPeriodSeconds;
  if (!options.identity) throw new InvalidLeaderElectionConfigError('identity', 'identity must not be empty');
  if (!options.leaseName) throw new InvalidLeaderElectionConfigError('leaseName', 'leaseName must not be empty');
  if (!(retryPeriod > 0)) throw new InvalidLeaderElectionConfigError('retryPeriodSeconds', 'retryPeriodSeconds must be greater than zero');
  if (!(leaseDuration > renewDeadline)) {
    throw new InvalidLeaderElectionConfigError('leaseDurationSeconds', 'leaseDurationSeconds must be greater than renewDeadlineSeconds');
  }
  if (!(renewDeadline > JITTER_FACTOR * retryPeriod)) {
    throw new InvalidLeaderElectionConfigError('renewDeadlineSeconds', `renewDeadlineSeconds must be greater than retryPeriodSeconds × ${JITTER_FACTOR}`);
  }
  return { leaseDurationMs: leaseDuration * 1000, renewDeadlineMs: renewDeadline * 1000, retryPeriodMs: retryPeriod * 1000 };
}

/** meta/v1 MicroTime: RFC 3339 with microseconds, `2026-01-02T03:04:05.000000Z`. */
export function formatMicroTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
