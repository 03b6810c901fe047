// The label and annotation keys (and label values) Argo Rollouts reads and writes, as exact wire strings.
// Upstream: pkg/apis/rollouts/v1alpha1/types.go, experiment_types.go, utils/annotations, utils/replicaset/canary.go,
// utils/ingress, utils/istio, metricproviders/job.

export const RolloutsLabel = {
  /** On ReplicaSets, their pods and selectors, Service selectors and AnalysisRuns: the pod-template hash. */
  PodTemplateHash: 'rollouts-pod-template-hash',
  /** Controller segregation: a controller started with `--instance-id X` only handles objects labelled X. */
  ControllerInstanceId: 'argo-rollouts.argoproj.io/controller-instance-id',
  /** On AnalysisRuns: how the Rollout created it (see AnalysisRunRolloutType). */
  RolloutType: 'rollout-type',
  /** On step AnalysisRuns: the index of the step that created it. */
  StepIndex: 'step-index',
  /** On analysis Jobs: the owning AnalysisRun's UID. */
  AnalysisRunUid: 'analysisrun.argoproj.io/uid',
  /** On a Secret holding the kubeconfig of the Istio primary cluster (value `true`). */
  IstioPrimaryCluster: 'istio.argoproj.io/primary-cluster',
} as const;
export type RolloutsLabel = (typeof RolloutsLabel)[keyof typeof RolloutsLabel];

export const RolloutsAnnotation = {
  /** On the Rollout and its ReplicaSets: the revision number. */
  Revision: 'rollout.argoproj.io/revision',
  /** On a ReplicaSet reused by a rollback: its earlier revisions, comma-separated. */
  RevisionHistory: 'rollout.argoproj.io/revision-history',
  /** On ReplicaSets: the Rollout's spec.replicas when last synced. */
  DesiredReplicas: 'rollout.argoproj.io/desired-replicas',
  /** On the Rollout: generation of the workloadRef target last processed. */
  WorkloadGeneration: 'rollout.argoproj.io/workload-generation',
  /** On ReplicaSets: JSON of the ephemeral labels/annotations injected, so they can be removed later. */
  EphemeralMetadata: 'rollout.argoproj.io/ephemeral-metadata',
  /** On ReplicaSets: RFC 3339 UTC time after which the controller may scale it to 0. */
  ScaleDownDeadline: 'scale-down-deadline',
  /** On Services (and Istio DestinationRules) managed but not owned by a Rollout: the Rollout's name. */
  ManagedByRollouts: 'argo-rollouts.argoproj.io/managed-by-rollouts',
  /** Declared upstream but unused by the current controller. */
  RestartedAfter: 'argo-rollouts.argoproj.io/restarted-after',
  /** Written by the notifications engine; never copied from a Rollout to its ReplicaSets. */
  NotificationEngine: 'notified.notifications.argoproj.io',
  /** On Experiment ReplicaSets. */
  ExperimentName: 'experiment.argoproj.io/name',
  ExperimentTemplateName: 'experiment.argoproj.io/template-name',
  /** On analysis Jobs. */
  AnalysisRunName: 'analysisrun.argoproj.io/name',
  AnalysisRunNamespace: 'analysisrun.argoproj.io/namespace',
  AnalysisRunMetricName: 'analysisrun.argoproj.io/metric-name',
  /** ALB router bookkeeping on the Ingress. */
  ManagedAlbActions: 'rollouts.argoproj.io/managed-alb-actions',
  ManagedAlbAnnotations: 'rollouts.argoproj.io/managed-alb-annotations',
} as const;
export type RolloutsAnnotation = (typeof RolloutsAnnotation)[keyof typeof RolloutsAnnotation];

/** Prefix of Rollout subscription annotations: `notifications.argoproj.io/subscribe.<trigger>.<service>`. */
export const NotificationSubscribeAnnotationPrefix = 'notifications.argoproj.io/subscribe.';

/** Values of the `rollout-type` label on AnalysisRuns. */
export const AnalysisRunRolloutType = {
  Step: 'Step',
  Background: 'Background',
  PrePromotion: 'PrePromotion',
  PostPromotion: 'PostPromotion',
} as const;
export type AnalysisRunRolloutType = (typeof AnalysisRunRolloutType)[keyof typeof AnalysisRunRolloutType];
