// RestartBackoff: the kubelet's crash-loop back-off per container, 10 s doubling to 300 s (kubelet flowcontrol.Backoff).
//
// Upstream (pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff): the first exit restarts at once and
// arms a 10 s back-off; each later exit inside the back-off window waits it out and doubles it, up to 300 s.
// An entry not touched for twice the maximum (10 minutes) is forgotten, so a container that ran that long
// starts over at 10 s.

export interface RestartBackoffOptions {
  readonly initialMs?: number;
  readonly maxMs?: number;
}

export const DEFAULT_BACKOFF_INITIAL_MS = 10_000;
export const DEFAULT_BACKOFF_MAX_MS = 300_000;

interface BackoffEntry {
  /** The current back-off duration. */
  backoffMs: number;
  /** When the entry was last advanced (the moment of the last restart decision). */
  lastUpdateMs: number;
}

/** Keyed by `<pod uid>/<container name>`. */
export class RestartBackoff {
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly entries = new Map<string, BackoffEntry>();

  constructor(options: RestartBackoffOptions = {}) {
    this.initialMs = options.initialMs ?? DEFAULT_BACKOFF_INITIAL_MS;
    this.maxMs = options.maxMs ?? DEFAULT_BACKOFF_MAX_MS;
  }

  /**
   * How long a container that exited at `exitedAtMs` must still wait at `nowMs` before it may restart
   * (0: restart now). Calling it with a result of 0 records the restart and grows the next back-off.
   *
   *   exit 1 → 0 (restart at once, next back-off 10 s); exit 2 → 10 s; exit 3 → 20 s; … → 300 s.
   */
  delayBeforeRestart(key: string, exitedAtMs: number, nowMs: number): number {
    const entry = this.entries.get(key);
    if (entry !== undefined && exitedAtMs - entry.lastUpdateMs > 2 * this.maxMs) this.entries.delete(key);
    const current = this.entries.get(key);
    if (current !== undefined) {
      const remaining = exitedAtMs + current.backoffMs - nowMs;
      if (remaining > 0) return remaining;
    }
    this.advance(key, nowMs);
    return 0;
  }

  /** The back-off in force for `key` (what the CrashLoopBackOff message names), or 0 when none. */
  currentBackoffMs(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /** Forgets a container (its pod is gone). */
  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every container of a pod. */
  forgetPod(podUid: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${podUid}/`)) this.entries.delete(key);
  }

  private advance(key: string, nowMs: number): void {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.entries.set(key, { backoffMs: this.initialMs, lastUpdateMs: nowMs });
      return;
    }
    entry.backoffMs = Math.min(entry.backoffMs * 2, this.maxMs);
    entry.lastUpdateMs = nowMs;
  }
}

/** Formats a back-off as Go's time.Duration String does for whole seconds and minutes: `10s`, `5m0s`, `2m40s`. */
export function formatBackoffDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}
