// What every user action takes and returns, and the lines the plugin prints after each (upstream's exact texts).
import type { Clock, KubeClient, Rollout } from '@aviary/kube';

/** The object an action works on; `clock` stamps times (restart), default the real clock. */
export interface ActionTarget {
  client: KubeClient;
  namespace: string;
  name: string;
  clock?: Clock;
}

/** The Rollout as the API server returned it after the action, and what the CLI prints. */
export interface RolloutActionResult {
  rollout: Rollout;
  message: string;
}

/** What `kubectl argo rollouts` prints on success (each line without its trailing newline). */
export const ActionMessage = {
  promoted: (name: string): string => `rollout '${name}' promoted`,
  fullyPromoted: (name: string): string => `rollout '${name}' fully promoted`,
  aborted: (name: string): string => `rollout '${name}' aborted`,
  retried: (name: string): string => `rollout '${name}' retried`,
  paused: (name: string): string => `rollout '${name}' paused`,
  /** Not an upstream command (upstream resumes with promote); worded like its siblings. */
  resumed: (name: string): string => `rollout '${name}' resumed`,
  /** `in` is the flag as typed, `0s` without it. */
  restarts: (name: string, inText: string): string => `rollout '${name}' restarts in ${inText}`,
  /** `kind` is the updated object's kind, lower-cased: `rollout "demo" image updated`, or `deployment …` for a workloadRef. */
  imageUpdated: (kind: string, name: string): string => `${kind.toLowerCase()} "${name}" image updated`,
  undone: (name: string): string => `rollout '${name}' undo`,
  undoSkipped: (toRevision: number): string => `skipped rollback (current template already matches revision ${toRevision})`,
  experimentRetried: (name: string): string => `experiment '${name}' retried`,
} as const;
