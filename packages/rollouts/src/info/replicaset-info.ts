// ReplicaSetInfo: one ReplicaSet of a Rollout or Experiment, its health, its roles and its pods.
// Upstream: pkg/kubectl-argo-rollouts/info/replicaset_info.go.
import { PingPongType, RolloutsAnnotation, RolloutsLabel, type Pod, type ReplicaSet, type Rollout } from '@aviary/kube';
import { humanDuration, parseTimestamp } from './human-duration.js';
import { replicaSetStatusIcon, type StatusIcon } from './icons.js';
import { compareStrings, ownerUidIn, revisionOf } from './owner-match.js';
import { comparePods, podInfo, type PodInfo } from './pod-info.js';
import { identityOf, type ObjectIdentity } from './object-identity.js';

export interface ReplicaSetInfo extends ObjectIdentity {
  /** Healthy, Progressing, ReplicaFailure or ScaledDown. */
  status: string;
  icon: StatusIcon;
  revision: number;
  /** status.replicas: pods that exist. */
  replicas: number;
  available: number;
  /** The `rollouts-pod-template-hash` label. */
  podTemplateHash: string;
  stable: boolean;
  canary: boolean;
  active: boolean;
  preview: boolean;
  ping: boolean;
  pong: boolean;
  /** Experiment template name (experiment ReplicaSets only). */
  template: string;
  /** The `scale-down-deadline` annotation, as written. */
  scaleDownDeadline: string;
  /** Time left before scale-down (`30s`), `passed`, or '' when the deadline is unset or unreadable. */
  scaleDownDelay: string;
  images: string[];
  initContainerImages: string[];
  pods: PodInfo[];
}

/**
 * Healthy, Progressing, ReplicaFailure or ScaledDown. A ReplicaSet whose spec the ReplicaSet controller has not
 * observed yet is Progressing; a true ReplicaFailure condition wins; fewer available than wanted is Progressing.
 */
export function replicaSetHealth(rs: ReplicaSet): string {
  const wanted = rs.spec?.replicas;
  if ((rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) return 'Progressing';
  const failure = rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  if (failure?.status === 'True') return 'ReplicaFailure';
  if (wanted !== undefined && (rs.status?.availableReplicas ?? 0) < wanted) return 'Progressing';
  if (wanted === 0) return 'ScaledDown';
  return 'Healthy';
}

/** `4h59m` until the deadline, `passed` once it is behind `now`, '' when unset or unreadable. */
export function scaleDownDelay(deadline: string, now: number): string {
  const at = parseTimestamp(deadline);
  if (at === undefined) return '';
  return at < now ? 'passed' : humanDuration(at - now);
}

type Roles = Pick<ReplicaSetInfo, 'stable' | 'canary' | 'active' | 'preview' | 'ping' | 'pong'>;

/** The roles a ReplicaSet plays for its Rollout, compared by pod-template hash as upstream does. */
function rolesFor(rollout: Rollout | undefined, hash: string): Roles {
  const roles: Roles = { stable: false, canary: false, active: false, preview: false, ping: false, pong: false };
  if (!rollout) return roles;
  const status = rollout.status ?? {};
  const { canary, blueGreen } = rollout.spec.strategy;
  if (canary) {
    const pingPong = Boolean(canary.pingPong);
    const stableIsPing = status.canary?.stablePingPong === PingPongType.Ping;
    if ((status.stableRS ?? '') === hash) {
      roles.stable = true;
      roles.ping = pingPong && stableIsPing;
      roles.pong = pingPong && !stableIsPing;
    } else if ((status.currentPodHash ?? '') === hash) {
      roles.canary = true;
      roles.ping = pingPong && !stableIsPing;
      roles.pong = pingPong && stableIsPing;
    }
  }
  if (blueGreen) {
    if ((status.stableRS ?? '') === hash) roles.stable = true;
    if ((status.blueGreen?.activeSelector ?? '') === hash) roles.active = true;
    else if ((status.blueGreen?.previewSelector ?? '') === hash) roles.preview = true;
  }
  return roles;
}

export interface ReplicaSetInfosInput {
  /** The owner (Rollout or Experiment) whose ReplicaSets to show. */
  ownerUid: string;
  /** The Rollout, for stable/canary/active/preview roles; omitted for an Experiment's ReplicaSets. */
  rollout?: Rollout;
  replicaSets: readonly ReplicaSet[];
  pods: readonly Pod[];
  now: number;
}

/** The owner's ReplicaSets, newest revision first then by name, each with its pods (oldest first). */
export function replicaSetInfos(input: ReplicaSetInfosInput): ReplicaSetInfo[] {
  const owner = new Set([input.ownerUid]);
  const infos: ReplicaSetInfo[] = [];
  for (const rs of input.replicaSets) {
    if (!ownerUidIn(rs, owner)) continue;
    const meta = rs.metadata ?? {};
    const hash = meta.labels?.[RolloutsLabel.PodTemplateHash] ?? '';
    const status = replicaSetHealth(rs);
    const deadline = meta.annotations?.[RolloutsAnnotation.ScaleDownDeadline] ?? '';
    infos.push({
      ...identityOf(meta, input.now),
      status,
      icon: replicaSetStatusIcon(status),
      revision: revisionOf(rs),
      replicas: rs.status?.replicas ?? 0,
      available: rs.status?.availableReplicas ?? 0,
      podTemplateHash: hash,
      ...rolesFor(input.rollout, hash),
      template: meta.annotations?.[RolloutsAnnotation.ExperimentTemplateName] ?? '',
      scaleDownDeadline: deadline,
      scaleDownDelay: deadline ? scaleDownDelay(deadline, input.now) : '',
      images: (rs.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? ''),
      initContainerImages: (rs.spec?.template?.spec?.initContainers ?? []).map((c) => c.image ?? ''),
      pods: [],
    });
  }
  // Upstream also compares creation times but discards the result, so ties fall through to the name.
  infos.sort((a, b) => b.revision - a.revision || compareStrings(a.name, b.name));
  attachPods(infos, input.pods, input.now);
  return infos;
}

/** Puts each pod under the ReplicaSet that owns it. */
function attachPods(infos: ReplicaSetInfo[], pods: readonly Pod[], now: number): void {
  const byUid = new Map(infos.map((info) => [info.uid, info]));
  const uids = new Set(byUid.keys());
  for (const pod of pods) {
    const owner = ownerUidIn(pod, uids);
    if (owner) byUid.get(owner)?.pods.push(podInfo(pod, now));
  }
  for (const info of infos) info.pods.sort(comparePods);
}
