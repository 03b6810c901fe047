// batch/v1 Job: run pods to completion (also the `job` metric provider of Argo Rollouts analysis).
import type { PodTemplateSpec } from './core-pod.js';
import type { ConditionStatus, KubeObject, LabelSelector, ObjectList, ObjectMeta } from './meta.js';
import type { Time } from './scalars.js';

export const JobConditionType = {
  Suspended: 'Suspended',
  Complete: 'Complete',
  Failed: 'Failed',
  /** Set before Failed, while pods of a failing Job are still terminating. */
  FailureTarget: 'FailureTarget',
  /** Set before Complete once the successPolicy is met. */
  SuccessCriteriaMet: 'SuccessCriteriaMet',
} as const;
export type JobConditionType = (typeof JobConditionType)[keyof typeof JobConditionType];

export interface JobCondition {
  type: JobConditionType | (string & {});
  status: ConditionStatus;
  lastProbeTime?: Time;
  lastTransitionTime?: Time;
  /** e.g. `BackoffLimitExceeded`, `DeadlineExceeded`, `PodFailurePolicy`. */
  reason?: string;
  message?: string;
}

export interface PodFailurePolicyRule {
  action: 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';
  onExitCodes?: { containerName?: string; operator: 'In' | 'NotIn'; values: number[] };
  onPodConditions?: { type: string; status?: ConditionStatus }[];
}

export interface JobSpec {
  parallelism?: number;
  completions?: number;
  activeDeadlineSeconds?: number;
  podFailurePolicy?: { rules: PodFailurePolicyRule[] };
  successPolicy?: { rules: { succeededIndexes?: string; succeededCount?: number }[] };
  /** Retries before the Job is Failed; default 6. */
  backoffLimit?: number;
  backoffLimitPerIndex?: number;
  maxFailedIndexes?: number;
  /** Generated (with `batch.kubernetes.io/controller-uid`) unless manualSelector. */
  selector?: LabelSelector;
  manualSelector?: boolean;
  template: PodTemplateSpec;
  /** Delete the Job this long after it finishes. */
  ttlSecondsAfterFinished?: number;
  completionMode?: 'NonIndexed' | 'Indexed';
  suspend?: boolean;
  podReplacementPolicy?: 'TerminatingOrFailed' | 'Failed';
  managedBy?: string;
}

export interface JobStatus {
  conditions?: JobCondition[];
  startTime?: Time;
  completionTime?: Time;
  active?: number;
  succeeded?: number;
  failed?: number;
  terminating?: number;
  completedIndexes?: string;
  failedIndexes?: string;
  uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] };
  ready?: number;
}

export interface Job extends KubeObject {
  metadata?: ObjectMeta;
  spec?: JobSpec;
  status?: JobStatus;
}
export type JobList = ObjectList<Job>;
