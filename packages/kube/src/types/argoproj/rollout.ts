// argoproj.io/v1alpha1 Rollout spec: the canary and blue-green strategies, steps, analysis and workloadRef.
// Upstream: pkg/apis/rollouts/v1alpha1/types.go; behaviour in ../shared/reference/argo-rollouts-spec.md (a).
import type { PodTemplateSpec } from '../core-pod.js';
import type { KubeObject, LabelSelector, ObjectList, ObjectMeta } from '../meta.js';
import type { IntOrString, Time } from '../scalars.js';
import type { DurationString } from './analysis-providers.js';
import type { AnalysisTemplateRef, DryRun, FieldRef, MeasurementRetention } from './analysis.js';
import type { AnalysisRunMetadata, TemplateService } from './experiment.js';
import type { RolloutStatus } from './rollout-status.js';
import type { RolloutTrafficRouting } from './rollout-traffic-routing.js';

/** workloadRef.scaleDown: what happens to the referenced Deployment. */
export const WorkloadRefScaleDown = {
  Never: 'never',
  /** Scale the Deployment to 0 once the Rollout's first revision is Healthy. */
  OnSuccess: 'onsuccess',
  /** Scale the Deployment down as Rollout pods become ready (first revision only). */
  Progressively: 'progressively',
} as const;
export type WorkloadRefScaleDown = (typeof WorkloadRefScaleDown)[keyof typeof WorkloadRefScaleDown];

/** Take the pod template (and selector) from another object instead of spec.template. */
export interface ObjectRef {
  apiVersion?: string;
  /** Deployment, ReplicaSet or PodTemplate. */
  kind?: string;
  name?: string;
  scaleDown?: WorkloadRefScaleDown;
}

/** Labels/annotations applied to pods only while they play a role (canary, stable, active, preview). */
export interface PodTemplateMetadata {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** Anti-affinity injected into new pods so they avoid nodes running the stable ReplicaSet. Exactly one is set. */
export interface AntiAffinity {
  preferredDuringSchedulingIgnoredDuringExecution?: { weight: number };
  requiredDuringSchedulingIgnoredDuringExecution?: Record<string, never>;
}

export const ValueFromPodTemplateHash = { Stable: 'Stable', Latest: 'Latest' } as const;
export type ValueFromPodTemplateHash = (typeof ValueFromPodTemplateHash)[keyof typeof ValueFromPodTemplateHash];

export interface ArgumentValueFrom {
  /** The pod-template hash of the stable (`Stable`) or new (`Latest`) ReplicaSet. */
  podTemplateHashValue?: ValueFromPodTemplateHash;
  fieldRef?: FieldRef;
}

/** An argument passed from a Rollout to its AnalysisRuns. */
export interface AnalysisRunArgument {
  name: string;
  value?: string;
  valueFrom?: ArgumentValueFrom;
}

/** Analysis run by a Rollout (step, background, pre/post promotion). */
export interface RolloutAnalysis {
  /** Merged into one AnalysisRun. */
  templates?: AnalysisTemplateRef[];
  args?: AnalysisRunArgument[];
  dryRun?: DryRun[];
  measurementRetention?: MeasurementRetention[];
  analysisRunMetadata?: AnalysisRunMetadata;
}

/** canary.analysis: runs alongside the steps for the whole update. */
export interface RolloutAnalysisBackground extends RolloutAnalysis {
  /** Start once currentStepIndex reaches this. */
  startingStep?: number;
}

export interface RolloutPause {
  /** Seconds as a number, or a string: `"30"`, `"30s"`, `"5m"`, `"1h30m"`. Omitted = pause until promoted. */
  duration?: IntOrString;
}

/** Exactly one of weight / replicas / matchTrafficWeight. */
export interface SetCanaryScale {
  /** Canary pods as a percent of spec.replicas. */
  weight?: number;
  replicas?: number;
  /** Go back to sizing the canary by traffic weight. */
  matchTrafficWeight?: boolean;
}

export interface StringMatch {
  exact?: string;
  prefix?: string;
  regex?: string;
}

export interface HeaderRoutingMatch {
  headerName: string;
  headerValue: StringMatch;
}

/** Send 100% of requests matching the headers to the canary; an empty match removes the route. */
export interface SetHeaderRoute {
  /** Must be listed in trafficRouting.managedRoutes. */
  name?: string;
  match?: HeaderRoutingMatch[];
}

export interface RouteMatch {
  method?: StringMatch;
  path?: StringMatch;
  headers?: Record<string, StringMatch>;
}

/** Mirror matching traffic to the canary. */
export interface SetMirrorRoute {
  name: string;
  match?: RouteMatch[];
  /** Percent of matching traffic mirrored; default 100. */
  percentage?: number;
}

export const ReplicaSetSpecRef = { Canary: 'canary', Stable: 'stable' } as const;
export type ReplicaSetSpecRef = (typeof ReplicaSetSpecRef)[keyof typeof ReplicaSetSpecRef];

export interface RolloutExperimentTemplate {
  name: string;
  /** Copy the pod template of the canary or the stable ReplicaSet. */
  specRef: ReplicaSetSpecRef;
  replicas?: number;
  metadata?: PodTemplateMetadata;
  selector?: LabelSelector;
  /** Traffic weight for this template's Service (traffic routing only). */
  weight?: number;
  service?: TemplateService;
}

export interface RolloutExperimentStepAnalysisTemplateRef {
  name: string;
  templateName: string;
  clusterScope?: boolean;
  args?: AnalysisRunArgument[];
  requiredForCompletion?: boolean;
}

export interface RolloutExperimentStep {
  templates: RolloutExperimentTemplate[];
  duration?: DurationString;
  analyses?: RolloutExperimentStepAnalysisTemplateRef[];
  dryRun?: DryRun[];
  analysisRunMetadata?: AnalysisRunMetadata;
  scaleDownDelaySeconds?: number;
}

/** A step-plugin step (alpha). */
export interface PluginStep {
  name: string;
  /** Free-form plugin configuration. */
  config?: unknown;
}

/** One canary step; exactly one member is set. */
export interface CanaryStep {
  /** Target canary traffic weight (0..maxTrafficWeight). */
  setWeight?: number;
  pause?: RolloutPause;
  experiment?: RolloutExperimentStep;
  analysis?: RolloutAnalysis;
  setCanaryScale?: SetCanaryScale;
  setHeaderRoute?: SetHeaderRoute;
  setMirrorRoute?: SetMirrorRoute;
  plugin?: PluginStep;
}

export const ProgressType = { Percent: 'Percent', Pods: 'Pods' } as const;
export type ProgressType = (typeof ProgressType)[keyof typeof ProgressType];

/** How many canary pods must be available before a setWeight/setCanaryScale step counts as done. */
export interface ReplicaProgressThreshold {
  type: ProgressType;
  value: number;
}

export interface PingPongSpec {
  pingService: string;
  pongService: string;
}

export interface CanaryStrategy {
  /** Service whose selector is pointed at the canary ReplicaSet. */
  canaryService?: string;
  /** Service whose selector is pointed at the stable ReplicaSet. */
  stableService?: string;
  /** No steps = a rolling update straight to 100%. */
  steps?: CanaryStep[];
  trafficRouting?: RolloutTrafficRouting;
  /** Default `25%` (rounded down); both this and maxSurge explicitly 0 is invalid. */
  maxUnavailable?: IntOrString;
  /** Default `25%` (rounded up). */
  maxSurge?: IntOrString;
  analysis?: RolloutAnalysisBackground;
  antiAffinity?: AntiAffinity;
  canaryMetadata?: PodTemplateMetadata;
  stableMetadata?: PodTemplateMetadata;
  /** Keep the previous stable ReplicaSet up this long after promotion; default 30 (traffic routing only). */
  scaleDownDelaySeconds?: number;
  scaleDownDelayRevisionLimit?: number;
  /** After abort, wait this long before scaling the canary to 0; default 30; 0 = never. */
  abortScaleDownDelaySeconds?: number;
  /** Scale stable down as traffic moves to the canary (traffic routing only). */
  dynamicStableScale?: boolean;
  pingPong?: PingPongSpec;
  /** Any non-zero canary/stable count is raised to at least this (traffic routing only). */
  minPodsPerReplicaSet?: number;
  replicaProgressThreshold?: ReplicaProgressThreshold;
}

export interface BlueGreenStrategy {
  /** The production Service; switched to the new ReplicaSet at promotion. */
  activeService: string;
  /** Switched to the new ReplicaSet as soon as it exists. */
  previewService?: string;
  /** Run only this many new pods before promotion. */
  previewReplicaCount?: number;
  /** Default true; false pauses with `BlueGreenPause` until promoted. */
  autoPromotionEnabled?: boolean;
  /** Promote automatically this many seconds after the pause begins. */
  autoPromotionSeconds?: number;
  /** Only used for pod restarts (restartAt); default `25%`. */
  maxUnavailable?: IntOrString;
  /** Keep the previous active ReplicaSet up this long after the switch; default 30. */
  scaleDownDelaySeconds?: number;
  scaleDownDelayRevisionLimit?: number;
  prePromotionAnalysis?: RolloutAnalysis;
  antiAffinity?: AntiAffinity;
  postPromotionAnalysis?: RolloutAnalysis;
  previewMetadata?: PodTemplateMetadata;
  activeMetadata?: PodTemplateMetadata;
  /** After abort, scale the preview ReplicaSet down after this many seconds; default 30; 0 = never. */
  abortScaleDownDelaySeconds?: number;
}

/** Exactly one strategy is set. */
export interface RolloutStrategy {
  blueGreen?: BlueGreenStrategy;
  canary?: CanaryStrategy;
}

export interface RollbackWindowSpec {
  /** Moving back to one of the last N revisions skips steps and analysis. */
  revisions?: number;
}

/** History limits for the AnalysisRuns (and Experiments) a Rollout keeps. */
export interface AnalysisRunStrategy {
  /** Default 5. */
  successfulRunHistoryLimit?: number;
  /** Default 5. */
  unsuccessfulRunHistoryLimit?: number;
}

export interface RolloutSpec {
  /** Default 1 (the controller writes it back so HPA works). */
  replicas?: number;
  /** Required unless resolved from workloadRef; immutable. */
  selector?: LabelSelector;
  /** Required unless workloadRef is set; any change makes a new revision. */
  template?: PodTemplateSpec;
  workloadRef?: ObjectRef;
  minReadySeconds?: number;
  rollbackWindow?: RollbackWindowSpec;
  strategy: RolloutStrategy;
  /** Old ReplicaSets kept; default 10. */
  revisionHistoryLimit?: number;
  /** Paused by the user ("manually paused"). */
  paused?: boolean;
  /** Default 600. */
  progressDeadlineSeconds?: number;
  /** Abort the update when the progress deadline is exceeded. */
  progressDeadlineAbort?: boolean;
  /** Restart (evict) every pod created before this time. */
  restartAt?: Time;
  analysis?: AnalysisRunStrategy;
}

export interface Rollout extends KubeObject {
  metadata?: ObjectMeta;
  spec: RolloutSpec;
  status?: RolloutStatus;
}
export type RolloutList = ObjectList<Rollout>;
