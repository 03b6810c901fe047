// argoproj.io/v1alpha1 Rollout status: phase, pause conditions, replica counts, canary/blue-green state, conditions.
// Upstream: pkg/apis/rollouts/v1alpha1/types.go (RolloutStatus); meaning in ../shared/reference/argo-rollouts-spec.md (b).
import type { ConditionStatus } from '../meta.js';
import type { Time } from '../scalars.js';
import type { DurationString } from './analysis-providers.js';
import type { AnalysisPhase } from './analysis.js';
import type { PauseReason, RolloutConditionType, RolloutPhase } from './rollout-conditions.js';

export interface PauseCondition {
  reason: PauseReason;
  startTime: Time;
}

export interface RolloutCondition {
  type: RolloutConditionType;
  status: ConditionStatus;
  lastUpdateTime: Time;
  lastTransitionTime: Time;
  /** One of RolloutConditionReason (ReplicaFailure copies the ReplicaSet's own reason). */
  reason: string;
  message: string;
}

/** The state of one AnalysisRun a Rollout is waiting on. */
export interface RolloutAnalysisRunStatus {
  name: string;
  status: AnalysisPhase;
  message?: string;
}

export interface WeightDestination {
  /** Percent of traffic (out of maxTrafficWeight). */
  weight: number;
  serviceName?: string;
  podTemplateHash?: string;
}

export interface TrafficWeights {
  canary: WeightDestination;
  stable: WeightDestination;
  /** Experiment template Services that receive weight. */
  additional?: WeightDestination[];
  /** Result of weight verification (ALB); absent when not verified. */
  verified?: boolean;
}

export const PingPongType = { Ping: 'ping', Pong: 'pong' } as const;
export type PingPongType = (typeof PingPongType)[keyof typeof PingPongType];

export const StepPluginPhase = {
  Running: 'Running',
  Successful: 'Successful',
  Failed: 'Failed',
  Error: 'Error',
} as const;
export type StepPluginPhase = (typeof StepPluginPhase)[keyof typeof StepPluginPhase];

export const StepPluginOperation = { Run: 'Run', Terminate: 'Terminate', Abort: 'Abort' } as const;
export type StepPluginOperation = (typeof StepPluginOperation)[keyof typeof StepPluginOperation];

export interface StepPluginStatus {
  /** Index of the plugin step in canary.steps. */
  index: number;
  name: string;
  operation: StepPluginOperation;
  phase?: StepPluginPhase;
  message?: string;
  startedAt?: Time;
  updatedAt?: Time;
  finishedAt?: Time;
  /** Wait before the plugin is called again. */
  backoff?: DurationString;
  executions?: number;
  disabled?: boolean;
  /** Free-form plugin state. */
  status?: unknown;
}

export interface CanaryStatus {
  currentStepAnalysisRunStatus?: RolloutAnalysisRunStatus;
  currentBackgroundAnalysisRunStatus?: RolloutAnalysisRunStatus;
  /** Name of the running Experiment. */
  currentExperiment?: string;
  weights?: TrafficWeights;
  /** Which ping-pong Service is currently stable. */
  stablePingPong?: PingPongType;
  stepPluginStatuses?: StepPluginStatus[];
}

export interface BlueGreenStatus {
  /** Pod-template hash in the preview Service's selector. */
  previewSelector?: string;
  /** Pod-template hash in the active Service's selector. */
  activeSelector?: string;
  /** One-way flag: the preview passed pre-promotion analysis and pause, so full scale-up is allowed. */
  scaleUpPreviewCheckPoint?: boolean;
  prePromotionAnalysisRunStatus?: RolloutAnalysisRunStatus;
  postPromotionAnalysisRunStatus?: RolloutAnalysisRunStatus;
}

export interface AwsResourceRef {
  name: string;
  arn: string;
  fullName: string;
}

export interface ALBStatus {
  loadBalancer?: AwsResourceRef;
  canaryTargetGroup?: AwsResourceRef;
  stableTargetGroup?: AwsResourceRef;
  ingress?: string;
}

export const CompletionStatus = {
  Promoted: 'Promoted',
  FastPromoted: 'FastPromoted',
  Aborted: 'Aborted',
  /** A newer update started before this one finished. */
  Superseded: 'Superseded',
  RolledBack: 'RolledBack',
  FastRolledBack: 'FastRolledBack',
} as const;
export type CompletionStatus = (typeof CompletionStatus)[keyof typeof CompletionStatus];

/** Timing of the current (or last) update attempt (new in v1.10). */
export interface RolloutDurationStatus {
  rolloutStartedAt?: Time;
  manualPauseStartedAt?: Time;
  totalManualPauseDurationSeconds?: number;
  finishedAt?: Time;
  completionStatus?: CompletionStatus;
}

export interface RolloutStatus {
  /** Abort requested (`kubectl argo rollouts abort`). */
  abort?: boolean;
  pauseConditions?: PauseCondition[];
  /** The controller added a pause condition; clearing pauseConditions while this is true means "resume". */
  controllerPause?: boolean;
  /** When the controller processed the abort. */
  abortedAt?: Time;
  /** Hash of the desired pod template (= new ReplicaSet's `rollouts-pod-template-hash`). */
  currentPodHash?: string;
  /** Hash of canary.steps; a change restarts the steps at 0. */
  currentStepHash?: string;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  /** Index of the step being executed; == steps.length when all done; absent without steps. */
  currentStepIndex?: number;
  collisionCount?: number;
  /** metadata.generation last processed, as a STRING. */
  observedGeneration?: string;
  conditions?: RolloutCondition[];
  canary?: CanaryStatus;
  blueGreen?: BlueGreenStatus;
  /** Replicas reported by the scale subresource (JSON key spelled with capital HPA). */
  HPAReplicas?: number;
  /** String-form selector for the scale subresource. */
  selector?: string;
  /** Hash of the stable ReplicaSet ("" before the first deploy completes). */
  stableRS?: string;
  /** The last completed restart (spec.restartAt). */
  restartedAt?: Time;
  /** Set by `promote --full`; cleared when promotion completes. */
  promoteFull?: boolean;
  phase?: RolloutPhase;
  message?: string;
  /** Generation of the workloadRef target last processed, as a string. */
  workloadObservedGeneration?: string;
  alb?: ALBStatus;
  albs?: ALBStatus[];
  duration?: RolloutDurationStatus;
}
