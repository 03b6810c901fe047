// core/v1 Pod: PodSpec, PodStatus with container states, PodTemplateSpec, and the pod phase/condition constants.
import type { LocalObjectReference } from './core-common.js';
import type { Container, EphemeralContainer, ResourceRequirements, SELinuxOptions, SeccompProfile, AppArmorProfile } from './core-container.js';
import type { Affinity, Toleration, TopologySpreadConstraint } from './core-scheduling.js';
import type { Volume } from './core-volume.js';
import type { ConditionStatus, KubeObject, ObjectList, ObjectMeta } from './meta.js';
import type { Quantity, Time } from './scalars.js';

export const PodPhase = {
  Pending: 'Pending',
  Running: 'Running',
  Succeeded: 'Succeeded',
  Failed: 'Failed',
  Unknown: 'Unknown',
} as const;
export type PodPhase = (typeof PodPhase)[keyof typeof PodPhase];

export const PodConditionType = {
  PodScheduled: 'PodScheduled',
  PodReadyToStartContainers: 'PodReadyToStartContainers',
  Initialized: 'Initialized',
  ContainersReady: 'ContainersReady',
  Ready: 'Ready',
  DisruptionTarget: 'DisruptionTarget',
  PodResizePending: 'PodResizePending',
  PodResizeInProgress: 'PodResizeInProgress',
} as const;
export type PodConditionType = (typeof PodConditionType)[keyof typeof PodConditionType];

export const RestartPolicy = { Always: 'Always', OnFailure: 'OnFailure', Never: 'Never' } as const;
export type RestartPolicy = (typeof RestartPolicy)[keyof typeof RestartPolicy];

export const DNSPolicy = {
  ClusterFirstWithHostNet: 'ClusterFirstWithHostNet',
  ClusterFirst: 'ClusterFirst',
  Default: 'Default',
  None: 'None',
} as const;
export type DNSPolicy = (typeof DNSPolicy)[keyof typeof DNSPolicy];

export const PodQOSClass = { Guaranteed: 'Guaranteed', Burstable: 'Burstable', BestEffort: 'BestEffort' } as const;
export type PodQOSClass = (typeof PodQOSClass)[keyof typeof PodQOSClass];

export interface PodSecurityContext {
  seLinuxOptions?: SELinuxOptions;
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  supplementalGroups?: number[];
  supplementalGroupsPolicy?: 'Merge' | 'Strict';
  fsGroup?: number;
  fsGroupChangePolicy?: 'OnRootMismatch' | 'Always';
  sysctls?: { name: string; value: string }[];
  seccompProfile?: SeccompProfile;
  appArmorProfile?: AppArmorProfile;
  seLinuxChangePolicy?: string;
}

export interface HostAlias {
  ip: string;
  hostnames?: string[];
}

export interface PodDNSConfig {
  nameservers?: string[];
  searches?: string[];
  options?: { name?: string; value?: string }[];
}

export interface PodSpec {
  volumes?: Volume[];
  /** Run to completion, in order, before `containers` start. */
  initContainers?: Container[];
  containers: Container[];
  ephemeralContainers?: EphemeralContainer[];
  /** Default Always. */
  restartPolicy?: RestartPolicy;
  /** Seconds between SIGTERM and SIGKILL on deletion; default 30. */
  terminationGracePeriodSeconds?: number;
  activeDeadlineSeconds?: number;
  dnsPolicy?: DNSPolicy;
  nodeSelector?: Record<string, string>;
  serviceAccountName?: string;
  /** Deprecated alias of serviceAccountName. */
  serviceAccount?: string;
  automountServiceAccountToken?: boolean;
  /** Set by the scheduler when the pod is bound (or by the user to skip scheduling). */
  nodeName?: string;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  shareProcessNamespace?: boolean;
  securityContext?: PodSecurityContext;
  imagePullSecrets?: LocalObjectReference[];
  hostname?: string;
  subdomain?: string;
  affinity?: Affinity;
  schedulerName?: string;
  tolerations?: Toleration[];
  hostAliases?: HostAlias[];
  priorityClassName?: string;
  priority?: number;
  dnsConfig?: PodDNSConfig;
  /** Extra pod conditions that must be True for the pod to be Ready. */
  readinessGates?: { conditionType: string }[];
  runtimeClassName?: string;
  enableServiceLinks?: boolean;
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
  overhead?: Record<string, Quantity>;
  topologySpreadConstraints?: TopologySpreadConstraint[];
  setHostnameAsFQDN?: boolean;
  os?: { name: 'linux' | 'windows' };
  hostUsers?: boolean;
  schedulingGates?: { name: string }[];
  resourceClaims?: { name: string; resourceClaimName?: string; resourceClaimTemplateName?: string }[];
  /** Pod-level resource budget shared by all containers. */
  resources?: ResourceRequirements;
}

export interface PodCondition {
  type: PodConditionType | (string & {});
  status: ConditionStatus;
  observedGeneration?: number;
  lastProbeTime?: Time | null;
  lastTransitionTime?: Time;
  reason?: string;
  message?: string;
}

export interface ContainerStateWaiting {
  /** `ContainerCreating`, `CrashLoopBackOff`, `ImagePullBackOff`, `ErrImagePull`, … */
  reason?: string;
  message?: string;
}

export interface ContainerStateRunning {
  startedAt?: Time;
}

export interface ContainerStateTerminated {
  exitCode: number;
  signal?: number;
  /** `Completed`, `Error`, `OOMKilled`, … */
  reason?: string;
  message?: string;
  startedAt?: Time;
  finishedAt?: Time;
  containerID?: string;
}

/** At most one member is set; none means Waiting. */
export interface ContainerState {
  waiting?: ContainerStateWaiting;
  running?: ContainerStateRunning;
  terminated?: ContainerStateTerminated;
}

export interface ContainerStatus {
  name: string;
  state?: ContainerState;
  /** The state of the previous run of this container (after a restart). */
  lastState?: ContainerState;
  /** Passed its readiness probe (true when it has none and is running). */
  ready: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  /** `<runtime>://<id>`. */
  containerID?: string;
  /** Passed its startup probe (or has none) and is running. */
  started?: boolean;
  allocatedResources?: Record<string, Quantity>;
  resources?: ResourceRequirements;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; recursiveReadOnly?: string }[];
  user?: { linux?: { uid: number; gid: number; supplementalGroups?: number[] } };
  stopSignal?: string;
}

export interface PodIP {
  ip: string;
}

export interface PodStatus {
  phase?: PodPhase;
  conditions?: PodCondition[];
  message?: string;
  /** e.g. `Evicted`. */
  reason?: string;
  nominatedNodeName?: string;
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: PodIP[];
  /** When the kubelet acknowledged the pod (before images are pulled). */
  startTime?: Time;
  initContainerStatuses?: ContainerStatus[];
  containerStatuses?: ContainerStatus[];
  ephemeralContainerStatuses?: ContainerStatus[];
  qosClass?: PodQOSClass;
  resize?: string;
  observedGeneration?: number;
}

export interface Pod extends KubeObject {
  metadata?: ObjectMeta;
  spec?: PodSpec;
  status?: PodStatus;
}
export type PodList = ObjectList<Pod>;

/** The pod template of a workload (ReplicaSet, Deployment, Job, Rollout, Experiment template). */
export interface PodTemplateSpec {
  metadata?: ObjectMeta;
  spec?: PodSpec;
}

/** core/v1 PodTemplate: a stored template (a Rollout `workloadRef` may point at one). */
export interface PodTemplate extends KubeObject {
  template?: PodTemplateSpec;
}
export type PodTemplateList = ObjectList<PodTemplate>;
