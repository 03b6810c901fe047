// apps/v1 ReplicaSet and Deployment, and autoscaling/v1 Scale (the scale subresource body).
import type { PodTemplateSpec } from './core-pod.js';
import type { ConditionStatus, KubeObject, LabelSelector, ObjectList, ObjectMeta } from './meta.js';
import type { IntOrString, Time } from './scalars.js';

export const ReplicaSetConditionType = { ReplicaFailure: 'ReplicaFailure' } as const;
export type ReplicaSetConditionType = (typeof ReplicaSetConditionType)[keyof typeof ReplicaSetConditionType];

export interface ReplicaSetCondition {
  type: ReplicaSetConditionType | (string & {});
  status: ConditionStatus;
  lastTransitionTime?: Time;
  /** e.g. `FailedCreate`. */
  reason?: string;
  message?: string;
}

export interface ReplicaSetSpec {
  /** Default 1. */
  replicas?: number;
  minReadySeconds?: number;
  selector: LabelSelector;
  template?: PodTemplateSpec;
}

export interface ReplicaSetStatus {
  replicas: number;
  /** Pods whose labels match the template's labels. */
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  /** Ready for at least minReadySeconds. */
  availableReplicas?: number;
  terminatingReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaSetCondition[];
}

export interface ReplicaSet extends KubeObject {
  metadata?: ObjectMeta;
  spec?: ReplicaSetSpec;
  status?: ReplicaSetStatus;
}
export type ReplicaSetList = ObjectList<ReplicaSet>;

export const DeploymentStrategyType = { Recreate: 'Recreate', RollingUpdate: 'RollingUpdate' } as const;
export type DeploymentStrategyType = (typeof DeploymentStrategyType)[keyof typeof DeploymentStrategyType];

export interface RollingUpdateDeployment {
  /** Pods that may be unavailable during the update: a number or a percent string; default `25%` (rounded down). */
  maxUnavailable?: IntOrString;
  /** Pods that may exist above `replicas`: a number or a percent string; default `25%` (rounded up). */
  maxSurge?: IntOrString;
}

export interface DeploymentStrategy {
  /** Default RollingUpdate. */
  type?: DeploymentStrategyType;
  rollingUpdate?: RollingUpdateDeployment;
}

export interface DeploymentSpec {
  replicas?: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  strategy?: DeploymentStrategy;
  minReadySeconds?: number;
  /** Old ReplicaSets kept for rollback; default 10. */
  revisionHistoryLimit?: number;
  paused?: boolean;
  /** Default 600. */
  progressDeadlineSeconds?: number;
}

export const DeploymentConditionType = {
  Available: 'Available',
  Progressing: 'Progressing',
  ReplicaFailure: 'ReplicaFailure',
} as const;
export type DeploymentConditionType = (typeof DeploymentConditionType)[keyof typeof DeploymentConditionType];

export interface DeploymentCondition {
  type: DeploymentConditionType | (string & {});
  status: ConditionStatus;
  lastUpdateTime?: Time;
  lastTransitionTime?: Time;
  /** e.g. `NewReplicaSetAvailable`, `ProgressDeadlineExceeded`, `MinimumReplicasAvailable`. */
  reason?: string;
  message?: string;
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  terminatingReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

export interface Deployment extends KubeObject {
  metadata?: ObjectMeta;
  spec?: DeploymentSpec;
  status?: DeploymentStatus;
}
export type DeploymentList = ObjectList<Deployment>;

/** autoscaling/v1 Scale: the body of `…/scale` subresources (Deployment, ReplicaSet, Rollout). */
export interface Scale extends KubeObject {
  metadata?: ObjectMeta;
  spec?: { replicas?: number };
  status?: {
    replicas: number;
    /** The label selector in string form, `app=demo,rollouts-pod-template-hash=abc`. */
    selector?: string;
  };
}
