// PodInfo: a pod's status as `kubectl get pods` would word it, its readiness and restarts.
// Upstream: pkg/kubectl-argo-rollouts/info/pod_info.go (itself following kubectl's printPod).
import type { ContainerStatus, Pod } from '@aviary/kube';
import { podStatusIcon, type StatusIcon } from './icons.js';
import { compareStrings, createdAt } from './owner-match.js';
import { identityOf, type ObjectIdentity } from './object-identity.js';

export interface PodInfo extends ObjectIdentity {
  /** `Running`, `Pending`, `ContainerCreating`, `ImagePullBackOff`, `Init:0/1`, `ExitCode:1`, `Terminating`, … */
  status: string;
  icon: StatusIcon;
  /** Ready containers over all containers: `1/1`. */
  ready: string;
  restarts: number;
}

/** Pods whose node was lost carry this reason. */
const nodeLostReason = 'NodeLost';

/** The status of a pod still initializing (`Init:…`), or undefined once every init container is done. */
function initializingStatus(pod: Pod): { reason: string; restarts: number } | undefined {
  const initContainers = pod.spec?.initContainers ?? [];
  const sidecars = new Set(initContainers.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  let restarts = 0;
  const statuses = pod.status?.initContainerStatuses ?? [];
  for (const [i, container] of statuses.entries()) {
    restarts += container.restartCount ?? 0;
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (terminated) {
      if (terminated.reason) return { reason: `Init:${terminated.reason}`, restarts };
      return { reason: terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`, restarts };
    }
    if (sidecars.has(container.name) && container.started) {
      if (container.ready) continue;
      // A started sidecar that is not ready stops the scan without marking the pod as initializing.
      return undefined;
    }
    if (waiting?.reason && waiting.reason !== 'PodInitializing') return { reason: `Init:${waiting.reason}`, restarts };
    return { reason: `Init:${i}/${initContainers.length}`, restarts };
  }
  return undefined;
}

/** The status of a pod from its main containers, scanned last to first as kubectl does. */
function containersStatus(statuses: readonly ContainerStatus[], initial: string): { reason: string; ready: number; restarts: number } {
  let reason = initial;
  let ready = 0;
  let restarts = 0;
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const container = statuses[i];
    if (!container) continue;
    restarts += container.restartCount ?? 0;
    const { waiting, terminated, running } = container.state ?? {};
    if (waiting?.reason) reason = waiting.reason;
    else if (terminated?.reason) reason = terminated.reason;
    else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
    else if (container.ready && running) {
      hasRunning = true;
      ready++;
    }
  }
  // A pod with one container still running is Running, not Completed.
  if (reason === 'Completed' && hasRunning) reason = 'Running';
  return { reason, ready, restarts };
}

/** The view of one pod at `now`. */
export function podInfo(pod: Pod, now: number): PodInfo {
  const meta = pod.metadata ?? {};
  let reason: string = pod.status?.reason || (pod.status?.phase ?? '');
  let ready = 0;
  let restarts: number;
  const init = initializingStatus(pod);
  if (init) {
    reason = init.reason;
    restarts = init.restarts;
  } else {
    const main = containersStatus(pod.status?.containerStatuses ?? [], reason);
    ({ reason, ready, restarts } = main);
  }
  if (meta.deletionTimestamp) reason = pod.status?.reason === nodeLostReason ? 'Unknown' : 'Terminating';
  return {
    ...identityOf(meta, now),
    status: reason,
    icon: podStatusIcon(reason),
    ready: `${ready}/${(pod.spec?.containers ?? []).length}`,
    restarts,
  };
}

/** Oldest first, then by name. */
export function comparePods(a: PodInfo, b: PodInfo): number {
  return createdAt(a) - createdAt(b) || compareStrings(a.name, b.name);
}
