// Status icons and role tags of the `get rollout` tree, and which icon each object status shows.
// Upstream: pkg/kubectl-argo-rollouts/info/info.go, rollout_info.go, replicaset_info.go, pod_info.go, experiment_info.go.

/** The status icons, as the wire strings the plugin prints. */
export const StatusIcon = {
  Waiting: '◷',
  Progressing: '◌',
  Warning: '⚠',
  Unknown: '?',
  OK: '✔',
  Bad: '✖',
  Paused: '॥',
  Neutral: '•',
  /** No known status: upstream prints a blank in the icon's place. */
  None: ' ',
} as const;
export type StatusIcon = (typeof StatusIcon)[keyof typeof StatusIcon];

/** Roles a ReplicaSet (and its image) plays; experiment templates add `Σ:<template>` image tags. */
export const InfoTag = {
  Canary: 'canary',
  Stable: 'stable',
  Active: 'active',
  Preview: 'preview',
  Ping: 'ping',
  Pong: 'pong',
} as const;
export type InfoTag = (typeof InfoTag)[keyof typeof InfoTag];

/** The icons naming each kind of node in the tree. */
export const KindIcon = {
  Rollout: '⟳',
  Revision: '#',
  ReplicaSet: '⧉',
  Pod: '□',
  Job: '⊞',
  Service: '⑃',
  Experiment: 'Σ',
  AnalysisRun: 'α',
} as const;
export type KindIcon = (typeof KindIcon)[keyof typeof KindIcon];

const rolloutIcons: Readonly<Record<string, StatusIcon>> = {
  Progressing: StatusIcon.Progressing,
  Error: StatusIcon.Warning,
  InvalidSpec: StatusIcon.Warning,
  Paused: StatusIcon.Paused,
  Healthy: StatusIcon.OK,
  Degraded: StatusIcon.Bad,
  Unknown: StatusIcon.Unknown,
  ScaledDown: StatusIcon.Neutral,
};

/** Icon for a rollout phase. */
export function rolloutStatusIcon(status: string): StatusIcon {
  return rolloutIcons[status] ?? StatusIcon.None;
}

const replicaSetIcons: Readonly<Record<string, StatusIcon>> = {
  Progressing: StatusIcon.Progressing,
  Healthy: StatusIcon.OK,
  ReplicaFailure: StatusIcon.Bad,
  ScaledDown: StatusIcon.Neutral,
};

/** Icon for a ReplicaSet health (Healthy, Progressing, ReplicaFailure, ScaledDown). */
export function replicaSetStatusIcon(status: string): StatusIcon {
  return replicaSetIcons[status] ?? StatusIcon.None;
}

const analysisIcons: Readonly<Record<string, StatusIcon>> = {
  Successful: StatusIcon.OK,
  Inconclusive: StatusIcon.Unknown,
  Failed: StatusIcon.Bad,
  Error: StatusIcon.Warning,
  Running: StatusIcon.Progressing,
  Pending: StatusIcon.Waiting,
};

/** Icon for an AnalysisRun, Experiment or measurement (Job) phase. */
export function analysisStatusIcon(phase: string): StatusIcon {
  return analysisIcons[phase] ?? StatusIcon.None;
}

const podIcons: Readonly<Record<string, StatusIcon>> = {
  Pending: StatusIcon.Progressing,
  Terminating: StatusIcon.Progressing,
  ContainerCreating: StatusIcon.Progressing,
  Running: StatusIcon.OK,
  Completed: StatusIcon.OK,
  Failed: StatusIcon.Bad,
  InvalidImageName: StatusIcon.Bad,
  CrashLoopBackOff: StatusIcon.Bad,
  ImagePullBackOff: StatusIcon.Warning,
  RegistryUnavailable: StatusIcon.Warning,
  Unknown: StatusIcon.Unknown,
};

/**
 * Icon for a pod status as kubectl prints it: `Init:…` is progressing, `Signal:`/`ExitCode:` is bad, any
 * `…Error`/`Err…` (ErrImagePull, CreateContainerError) is a warning, then the well-known reasons.
 */
export function podStatusIcon(status: string): StatusIcon {
  if (status.startsWith('Init:')) return StatusIcon.Progressing;
  if (status.startsWith('Signal:') || status.startsWith('ExitCode:')) return StatusIcon.Bad;
  if (status.endsWith('Error') || status.startsWith('Err')) return StatusIcon.Warning;
  return podIcons[status] ?? StatusIcon.None;
}
