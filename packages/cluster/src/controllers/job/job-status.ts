// Pure Job math: pod counts, failure backoff, deadline and backoff-limit checks, and the conditions (job_controller.go).
import type { DeepReadonly, Job, JobCondition, Pod } from '@aviary/kube';
import { isPodActive, isPodReady, isPodTerminating } from '../shared/pod-conditions.js';
import { formatTime, parseTime } from '../shared/time.js';

type ReadonlyPod = DeepReadonly<Pod>;
type ReadonlyJob = DeepReadonly<Job>;

/** Upstream DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
export const POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 360_000;

export const JobReason = {
  BackoffLimitExceeded: 'BackoffLimitExceeded',
  DeadlineExceeded: 'DeadlineExceeded',
  CompletionsReached: 'CompletionsReached',
} as const;

export const JobMessage = {
  BackoffLimitExceeded: 'Job has reached the specified backoff limit',
  DeadlineExceeded: 'Job was active longer than specified deadline',
  CompletionsReached: 'Reached expected number of succeeded pods',
} as const;

export interface JobPodCounts {
  active: ReadonlyPod[];
  succeeded: number;
  failed: number;
  ready: number;
  terminating: number;
}

/**
 * Counts from the Job's pods. Aviary tracks finished pods by the pods themselves (no tracking
 * finalizer): a count never drops below the stored status, so it survives pods being removed.
 */
export function countJobPods(job: ReadonlyJob, pods: readonly ReadonlyPod[]): JobPodCounts {
  const active = pods.filter(isPodActive);
  const succeededPods = pods.filter((pod) => pod.status?.phase === 'Succeeded').length;
  const failedPods = pods.filter((pod) => pod.status?.phase === 'Failed').length;
  return {
    active,
    succeeded: Math.max(job.status?.succeeded ?? 0, succeededPods),
    failed: Math.max(job.status?.failed ?? 0, failedPods),
    ready: active.filter(isPodReady).length,
    terminating: pods.filter(isPodTerminating).length,
  };
}

export const backoffLimitOf = (job: ReadonlyJob): number => job.spec?.backoffLimit ?? 6;
export const parallelismOf = (job: ReadonlyJob): number => job.spec?.parallelism ?? 1;

/** Completions, defaulting to 1 when neither completions nor parallelism is set (a work-queue Job has none). */
export function completionsOf(job: ReadonlyJob): number | undefined {
  if (job.spec?.completions !== undefined) return job.spec.completions;
  return job.spec?.parallelism === undefined ? 1 : undefined;
}

/** restartPolicy OnFailure: container restarts of running pods count against backoffLimit (pastBackoffLimitOnFailure). */
export function pastBackoffLimitOnFailure(job: ReadonlyJob, pods: readonly ReadonlyPod[]): boolean {
  if (job.spec?.template.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of pods) {
    if (pod.status?.phase !== 'Running' && pod.status?.phase !== 'Pending') continue;
    for (const status of [...(pod.status.initContainerStatuses ?? []), ...(pod.status.containerStatuses ?? [])]) restarts += status.restartCount ?? 0;
  }
  const limit = backoffLimitOf(job);
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** Time left before activeDeadlineSeconds passes (ms), or undefined without a deadline or start time. */
export function msUntilActiveDeadline(job: ReadonlyJob, startTime: string | undefined, nowMs: number): number | undefined {
  const deadline = job.spec?.activeDeadlineSeconds;
  const start = parseTime(startTime);
  if (deadline === undefined || start === undefined || job.spec?.suspend === true) return undefined;
  return start + deadline * 1000 - nowMs;
}

/**
 * How long to wait before replacing failed pods (backoffRecord.getRemainingTime): 10 s doubled for
 * each failure since the last success, at most 6 min, counted from the last failure.
 */
export function msUntilPodBackoffEnds(pods: readonly ReadonlyPod[], nowMs: number): number {
  const lastSuccess = Math.max(-Infinity, ...pods.filter((pod) => pod.status?.phase === 'Succeeded').map(finishedAtMs));
  const failures = pods.filter((pod) => pod.status?.phase === 'Failed').map(finishedAtMs).filter((at) => at > lastSuccess);
  if (failures.length === 0) return 0;
  const backoff = Math.min(MAX_POD_FAILURE_BACKOFF_MS, POD_FAILURE_BACKOFF_MS * 2 ** (failures.length - 1));
  const elapsed = nowMs - Math.max(...failures);
  return Math.max(0, backoff - elapsed);
}

/** When a finished pod finished: its latest container finishedAt, else the Ready transition, else its creation. */
function finishedAtMs(pod: ReadonlyPod): number {
  const finished = (pod.status?.containerStatuses ?? []).map((status) => parseTime(status.state?.terminated?.finishedAt)).filter((at): at is number => at !== undefined);
  if (finished.length > 0) return Math.max(...finished);
  const ready = pod.status?.conditions?.find((condition) => condition.type === 'Ready');
  return parseTime(ready?.lastTransitionTime) ?? parseTime(pod.metadata?.creationTimestamp) ?? 0;
}

export function newJobCondition(options: { type: string; status?: 'True' | 'False'; reason: string; message: string; nowMs: number }): JobCondition {
  const time = formatTime(options.nowMs);
  return { type: options.type, status: options.status ?? 'True', lastProbeTime: time, lastTransitionTime: time, reason: options.reason, message: options.message };
}

export function findJobCondition(job: ReadonlyJob, type: string): DeepReadonly<JobCondition> | undefined {
  return job.status?.conditions?.find((condition) => condition.type === type);
}

/** Complete or Failed is True (IsJobFinished). */
export function isJobFinished(job: ReadonlyJob): boolean {
  return (job.status?.conditions ?? []).some((condition) => (condition.type === 'Complete' || condition.type === 'Failed') && condition.status === 'True');
}
