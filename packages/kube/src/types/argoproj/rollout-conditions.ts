// argoproj.io Rollout constants: phases, pause reasons, condition types, condition and event reasons (exact wire strings).
// Upstream: pkg/apis/rollouts/v1alpha1/types.go, utils/conditions/conditions.go and experiments.go.

/** Rollout status.phase. There is no "Error" phase for a Rollout. */
export const RolloutPhase = {
  Healthy: 'Healthy',
  Degraded: 'Degraded',
  Progressing: 'Progressing',
  Paused: 'Paused',
} as const;
export type RolloutPhase = (typeof RolloutPhase)[keyof typeof RolloutPhase];

/** status.pauseConditions[].reason. */
export const PauseReason = {
  InconclusiveAnalysisRun: 'InconclusiveAnalysisRun',
  InconclusiveExperiment: 'InconclusiveExperiment',
  CanaryPauseStep: 'CanaryPauseStep',
  BlueGreenPause: 'BlueGreenPause',
} as const;
export type PauseReason = (typeof PauseReason)[keyof typeof PauseReason];

export const RolloutConditionType = {
  InvalidSpec: 'InvalidSpec',
  /** Enough pods are available (canary: all replicas; blue-green: active ReplicaSet saturated). */
  Available: 'Available',
  Progressing: 'Progressing',
  ReplicaFailure: 'ReplicaFailure',
  Paused: 'Paused',
  /** True when stableRS == currentPodHash. */
  Completed: 'Completed',
  Healthy: 'Healthy',
} as const;
export type RolloutConditionType = (typeof RolloutConditionType)[keyof typeof RolloutConditionType];

/**
 * Reasons on Rollout (and Experiment) conditions. Keys are the wire strings; the upstream Go
 * constant is named in the comment where it differs.
 */
export const RolloutConditionReason = {
  /** InvalidSpec condition. */
  InvalidSpec: 'InvalidSpec',
  /** Available condition (upstream AvailableReason; the string really is "AvailableReason"). */
  AvailableReason: 'AvailableReason',
  /** Progressing: a ReplicaSet was updated (upstream ReplicaSetUpdatedReason). */
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  /** Progressing False (upstream FailedRSCreateReason). */
  ReplicaSetCreateError: 'ReplicaSetCreateError',
  /** Progressing (upstream NewReplicaSetReason). */
  NewReplicaSetCreated: 'NewReplicaSetCreated',
  /** Progressing (upstream FoundNewRSReason). */
  FoundNewReplicaSet: 'FoundNewReplicaSet',
  /** Progressing True once the new ReplicaSet is available (upstream NewRSAvailableReason). */
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  /** Progressing False (upstream TimedOutReason). */
  ProgressDeadlineExceeded: 'ProgressDeadlineExceeded',
  /** Progressing Unknown and Paused True. */
  RolloutPaused: 'RolloutPaused',
  /** Progressing Unknown. */
  RolloutResumed: 'RolloutResumed',
  /** Progressing False. */
  RolloutAborted: 'RolloutAborted',
  /** Progressing Unknown, after abort is cleared. */
  RolloutRetry: 'RolloutRetry',
  /** Progressing: a fully promoted rollout lost availability. */
  ReplicaSetNotAvailable: 'ReplicaSetNotAvailable',
  /** Completed condition. */
  RolloutCompleted: 'RolloutCompleted',
  /** Healthy condition. */
  RolloutHealthy: 'RolloutHealthy',
  /** upstream RolloutAnalysisRunFailedReason. */
  AnalysisRunFailed: 'AnalysisRunFailed',
  /** upstream RolloutExperimentFailedReason. */
  ExperimentFailed: 'ExperimentFailed',
  /** upstream ServiceReferenceReason. */
  ServiceReferenceError: 'ServiceReferenceError',
  /** Experiment Completed condition (upstream ExperimentCompleteReason). */
  ExperimentCompleted: 'ExperimentCompleted',
} as const;
export type RolloutConditionReason = (typeof RolloutConditionReason)[keyof typeof RolloutConditionReason];

/**
 * Reasons of the Kubernetes Events the rollouts controllers emit. Notifications derive trigger names
 * from them: `on-` + kebab-case(reason), e.g. RolloutStepCompleted → `on-rollout-step-completed`.
 */
export const RolloutEventReason = {
  RolloutAddedToInformer: 'RolloutAddedToInformer',
  RolloutUpdated: 'RolloutUpdated',
  RolloutDeleted: 'RolloutDeleted',
  NewReplicaSetCreated: 'NewReplicaSetCreated',
  ReplicaSetCreateError: 'ReplicaSetCreateError',
  ReplicaSetUpdateError: 'ReplicaSetUpdateError',
  ScalingReplicaSet: 'ScalingReplicaSet',
  RolloutCompleted: 'RolloutCompleted',
  RolloutNotCompleted: 'RolloutNotCompleted',
  RolloutStepCompleted: 'RolloutStepCompleted',
  RolloutPaused: 'RolloutPaused',
  RolloutResumed: 'RolloutResumed',
  RolloutAborted: 'RolloutAborted',
  RolloutHealthy: 'RolloutHealthy',
  SwitchService: 'SwitchService',
  TrafficWeightUpdated: 'TrafficWeightUpdated',
  ExperimentCreated: 'ExperimentCreated',
  SkipSteps: 'SkipSteps',
  ServiceReferenceError: 'ServiceReferenceError',
  /** `AnalysisRun` + phase: emitted when an owned AnalysisRun changes phase. */
  AnalysisRunPending: 'AnalysisRunPending',
  AnalysisRunRunning: 'AnalysisRunRunning',
  AnalysisRunSuccessful: 'AnalysisRunSuccessful',
  AnalysisRunFailed: 'AnalysisRunFailed',
  AnalysisRunError: 'AnalysisRunError',
  AnalysisRunInconclusive: 'AnalysisRunInconclusive',
  TargetGroupVerified: 'TargetGroupVerified',
  TargetGroupUnverified: 'TargetGroupUnverified',
  TargetGroupVerifyError: 'TargetGroupVerifyError',
  WeightVerifyError: 'WeightVerifyError',
  LoadBalancerNotFound: 'LoadBalancerNotFound',
  TrafficRoutingError: 'TrafficRoutingError',
  CreatingCanaryIngress: 'CreatingCanaryIngress',
  PatchingCanaryIngress: 'PatchingCanaryIngress',
  PatchingALBIngress: 'PatchingALBIngress',
  UpdatedDestinationRule: 'UpdatedDestinationRule',
  TrafficSplitCreated: 'TrafficSplitCreated',
  TrafficSplitNotCreated: 'TrafficSplitNotCreated',
  ReconciliationError: 'ReconciliationError',
  StepPluginTransition: 'StepPluginTransition',
} as const;
export type RolloutEventReason = (typeof RolloutEventReason)[keyof typeof RolloutEventReason];

/** The `completionReason` texts of the RolloutCompleted event message. */
export const RolloutCompletedDetail = {
  InitialDeploy: 'Initial deploy',
  FullPromotion: 'Full promotion requested',
  CompletedBlueGreen: 'Completed blue-green update',
  FastRollback: 'Fast rollback',
  RollbackWithinWindow: 'Rollback within window',
} as const;
