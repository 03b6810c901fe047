// The events the kubelet records about pods, worded as upstream's kubelet does (pkg/kubelet/events/event.go).
import { EventType, type DeepReadonly, type KubeObject, type Pod } from '@aviary/kube';
import type { KubeletContext } from './kubelet-context.js';

export const KubeletEventReason = {
  Scheduled: 'Scheduled',
  FailedScheduling: 'FailedScheduling',
  Pulled: 'Pulled',
  Created: 'Created',
  Started: 'Started',
  Killing: 'Killing',
  Failed: 'Failed',
  BackOff: 'BackOff',
  Unhealthy: 'Unhealthy',
  InvalidEnvironmentVariableNames: 'InvalidEnvironmentVariableNames',
} as const;
export type KubeletEventReason = (typeof KubeletEventReason)[keyof typeof KubeletEventReason];

/** `name_namespace(uid)`: how the kubelet names a pod in messages (format.Pod). */
export function formatPodForMessage(pod: DeepReadonly<Pod>): string {
  return `${pod.metadata?.name ?? ''}_${pod.metadata?.namespace ?? ''}(${pod.metadata?.uid ?? ''})`;
}

/** Records a Normal event about the pod, unless routine events are off. */
export function recordRoutineEvent(context: KubeletContext, pod: DeepReadonly<Pod>, reason: KubeletEventReason, message: string): void {
  if (!context.routineEvents) return;
  context.recorder?.event(pod as Readonly<KubeObject>, EventType.Normal, reason, message);
}

/** Records a Warning event about the pod (always). */
export function recordWarningEvent(context: KubeletContext, pod: DeepReadonly<Pod>, reason: KubeletEventReason, message: string): void {
  context.recorder?.event(pod as Readonly<KubeObject>, EventType.Warning, reason, message);
}

/** Records a Normal event that matters even at scale (liveness kills). */
export function recordNormalEvent(context: KubeletContext, pod: DeepReadonly<Pod>, reason: KubeletEventReason, message: string): void {
  context.recorder?.event(pod as Readonly<KubeObject>, EventType.Normal, reason, message);
}
