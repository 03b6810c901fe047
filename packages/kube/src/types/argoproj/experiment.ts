// argoproj.io/v1alpha1 Experiment: short-lived ReplicaSets from pod templates, optionally with analyses.
// Upstream: pkg/apis/rollouts/v1alpha1/experiment_types.go.
import type { PodTemplateSpec } from '../core-pod.js';
import type { ConditionStatus, KubeObject, LabelSelector, ObjectList, ObjectMeta } from '../meta.js';
import type { Time } from '../scalars.js';
import type { DurationString } from './analysis-providers.js';
import type { AnalysisPhase, Argument, DryRun, MeasurementRetention } from './analysis.js';

/** Extra labels/annotations put on the AnalysisRuns an Experiment or Rollout creates. */
export interface AnalysisRunMetadata {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface TemplateService {
  /** Service name; defaults to the ReplicaSet name. */
  name?: string;
}

export interface TemplateSpec {
  name: string;
  /** Default 1. */
  replicas?: number;
  minReadySeconds?: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  /** Create a Service in front of this template's pods. */
  service?: TemplateService;
}

export interface ExperimentAnalysisTemplateRef {
  name: string;
  templateName: string;
  clusterScope?: boolean;
  args?: Argument[];
  /** The Experiment ends (with this run's phase) once every required analysis has completed. */
  requiredForCompletion?: boolean;
}

export interface ExperimentSpec {
  templates: TemplateSpec[];
  /** How long templates run once available; omitted = until terminated or analyses finish. */
  duration?: DurationString;
  /** Default 600. */
  progressDeadlineSeconds?: number;
  /** Set to end the Experiment early. */
  terminate?: boolean;
  analyses?: ExperimentAnalysisTemplateRef[];
  /** Keep template ReplicaSets up this long after completion; default 30. */
  scaleDownDelaySeconds?: number;
  dryRun?: DryRun[];
  measurementRetention?: MeasurementRetention[];
  analysisRunMetadata?: AnalysisRunMetadata;
}

export const TemplateStatusCode = {
  Progressing: 'Progressing',
  Running: 'Running',
  Successful: 'Successful',
  Failed: 'Failed',
  Error: 'Error',
} as const;
export type TemplateStatusCode = (typeof TemplateStatusCode)[keyof typeof TemplateStatusCode];

export interface TemplateStatus {
  name: string;
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  collisionCount?: number;
  status?: TemplateStatusCode;
  message?: string;
  lastTransitionTime?: Time;
  serviceName?: string;
  podTemplateHash?: string;
}

export const ExperimentConditionType = {
  InvalidSpec: 'InvalidSpec',
  Completed: 'Completed',
  Progressing: 'Progressing',
  Running: 'Running',
  ReplicaFailure: 'ReplicaFailure',
} as const;
export type ExperimentConditionType = (typeof ExperimentConditionType)[keyof typeof ExperimentConditionType];

export interface ExperimentCondition {
  type: ExperimentConditionType;
  status: ConditionStatus;
  lastUpdateTime: Time;
  lastTransitionTime: Time;
  reason: string;
  message: string;
}

export interface ExperimentAnalysisRunStatus {
  /** The analysis name from spec.analyses. */
  name: string;
  /** The AnalysisRun object's name. */
  analysisRun: string;
  phase: AnalysisPhase;
  message?: string;
}

export interface ExperimentStatus {
  /** Uses the AnalysisPhase values (Pending, Running, Successful, Failed, Error, Inconclusive). */
  phase?: AnalysisPhase;
  message?: string;
  templateStatuses?: TemplateStatus[];
  /** When every template first became available; analyses start after this. */
  availableAt?: Time;
  conditions?: ExperimentCondition[];
  analysisRuns?: ExperimentAnalysisRunStatus[];
}

export interface Experiment extends KubeObject {
  metadata?: ObjectMeta;
  spec: ExperimentSpec;
  status?: ExperimentStatus;
}
export type ExperimentList = ObjectList<Experiment>;
