// Pod predicates every workload controller shares: active, terminating, ready, available (k8s.io/kubernetes pkg/api/v1/pod/util.go).
import type { DeepReadonly, Pod } from '@aviary/kube';
import { parseTime } from './time.js';

type ReadonlyPod = DeepReadonly<Pod>;

/** Not Succeeded, not Failed, and not being deleted (controller.IsPodActive). */
export function isPodActive(pod: ReadonlyPod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && pod.metadata?.deletionTimestamp === undefined;
}

/** Being deleted but not yet finished (controller.IsPodTerminating). */
export function isPodTerminating(pod: ReadonlyPod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && pod.metadata?.deletionTimestamp !== undefined;
}

export function podReadyCondition(pod: ReadonlyPod): DeepReadonly<NonNullable<NonNullable<Pod['status']>['conditions']>[number]> | undefined {
  return pod.status?.conditions?.find((condition) => condition.type === 'Ready');
}

/** The Ready condition is True. */
export function isPodReady(pod: ReadonlyPod): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/** When the pod became Ready (epoch ms), or undefined when it is not ready or the time is unknown. */
export function podReadySinceMs(pod: ReadonlyPod): number | undefined {
  const condition = podReadyCondition(pod);
  return condition?.status === 'True' ? parseTime(condition.lastTransitionTime) : undefined;
}

/**
 * Ready for longer than minReadySeconds (podutil.IsPodAvailable): with minReadySeconds 0 any ready
 * pod is available; otherwise readySince + minReadySeconds must lie strictly before now.
 */
export function isPodAvailable(pod: ReadonlyPod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = podReadySinceMs(pod);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}

/**
 * How long until a ready pod becomes available, in ms (a moment past the threshold, since the
 * comparison is strict); undefined when the pod is not ready or already available.
 */
export function msUntilPodAvailable(pod: ReadonlyPod, minReadySeconds: number, nowMs: number): number | undefined {
  if (minReadySeconds <= 0 || !isPodReady(pod) || isPodAvailable(pod, minReadySeconds, nowMs)) return undefined;
  const since = podReadySinceMs(pod);
  if (since === undefined) return undefined;
  return Math.max(0, since + minReadySeconds * 1000 - nowMs) + 1;
}

/** Restarts of every container and init container of the pod. */
export function podRestartCount(pod: ReadonlyPod): number {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  return statuses.reduce((sum, status) => sum + (status.restartCount ?? 0), 0);
}
