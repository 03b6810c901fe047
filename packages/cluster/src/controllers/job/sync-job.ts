// One Job sync as a checklist: count pods, decide failure or success, keep pods running, write status and conditions (job_controller.go syncJob).
import { Resources, labelSelectorFromObject, type DeepReadonly, type EventRecorder, type Job, type JobCondition, type JobStatus, type KubeClient, type Pod, type SharedInformer } from '@aviary/kube';
import { canonicalJson } from '../shared/canonical-json.js';
import { claimObjects } from '../shared/claim-objects.js';
import type { PodExpectations } from '../shared/expectations.js';
import { readOnlyView } from '../shared/owner-reference.js';
import type { PodControl } from '../shared/pod-control.js';
import { formatTime } from '../shared/time.js';
import { jobSelector } from './job-selector.js';
import { JobMessage, JobReason, backoffLimitOf, completionsOf, countJobPods, findJobCondition, isJobFinished, msUntilActiveDeadline, newJobCondition, pastBackoffLimitOnFailure } from './job-status.js';
import { deleteJobPods, manageJob } from './manage-job.js';

export interface JobSyncDeps {
  client: KubeClient;
  jobs: SharedInformer<Job>;
  pods: SharedInformer<Pod>;
  podControl: PodControl;
  expectations: PodExpectations;
  recorder: EventRecorder;
  now: () => number;
  requeueAfter: (key: string, delayMs: number) => void;
}

/** The outcome being worked towards: the interim condition, then the final one once no pod is terminating. */
interface Finish {
  interim: 'SuccessCriteriaMet' | 'FailureTarget';
  final: 'Complete' | 'Failed';
  reason: string;
  message: string;
}

export async function syncJob(deps: JobSyncDeps, key: string): Promise<void> {
  const cached = deps.jobs.getByKey(key);
  if (cached === undefined) {
    deps.expectations.forget(key);
    return;
  }
  // A finished Job is never touched again.
  if (isJobFinished(cached)) return;
  const job = structuredClone(cached) as Job;
  const status: JobStatus = structuredClone(job.status ?? {});
  const nowMs = deps.now();
  // Expectations are read before the pods, so a pod arriving in between only defers the work.
  const satisfied = deps.expectations.satisfied(key);
  const pods = await claimPods(deps, cached);
  const counts = countJobPods(cached, pods);
  if (status.startTime === undefined && job.spec?.suspend !== true) status.startTime = formatTime(nowMs);
  let finish = decideFailure(deps, key, cached, pods, counts.failed, status.startTime, nowMs);
  let active = counts.active.length;
  let terminating = counts.terminating;
  let failed = counts.failed;
  let manageError: unknown;
  if (finish !== undefined) {
    // Failing: stop every active pod; they count as failed, as upstream's tracking would count them.
    const result = await deleteJobPods({ job: cached, key, pods: counts.active, podControl: deps.podControl, expectations: deps.expectations });
    active -= result.deleted;
    terminating += result.deleted;
    failed += result.deleted;
    manageError = result.error;
    if (result.deleted !== counts.active.length || !satisfied) finish = undefined;
  } else {
    if (satisfied && job.metadata?.deletionTimestamp === undefined) {
      const result = await manageJob({ job: cached, key, pods, active: counts.active, succeeded: counts.succeeded, podControl: deps.podControl, expectations: deps.expectations, nowMs, requeueAfter: (ms) => deps.requeueAfter(key, ms) });
      active = result.active;
      manageError = result.error;
      updateSuspendedCondition(deps, job, status, nowMs);
    }
    finish = decideSuccess(cached, counts.succeeded, active);
  }
  Object.assign(status, { active, ready: counts.ready, terminating, succeeded: counts.succeeded, failed });
  if (finish !== undefined) applyFinish(deps, job, status, finish, terminating, nowMs);
  await writeStatus(deps, cached, status);
  if (manageError !== undefined) throw manageError;
}

async function claimPods(deps: JobSyncDeps, job: DeepReadonly<Job>): Promise<DeepReadonly<Pod>[]> {
  const selector = labelSelectorFromObject(jobSelector(job));
  const candidates = deps.pods.list(job.metadata?.namespace);
  const claim = await claimObjects<Pod>({ client: deps.client, type: Resources.pods, owner: job, ownerType: Resources.jobs, selector, candidates });
  if (claim.error) throw claim.error;
  return claim.claimed;
}

/** FailureTarget already set, too many failures, or past activeDeadlineSeconds; otherwise come back at the deadline. */
function decideFailure(deps: JobSyncDeps, key: string, job: DeepReadonly<Job>, pods: readonly DeepReadonly<Pod>[], failed: number, startTime: string | undefined, nowMs: number): Finish | undefined {
  const success = findJobCondition(job, 'SuccessCriteriaMet');
  if (success?.status === 'True') return { interim: 'SuccessCriteriaMet', final: 'Complete', reason: success.reason ?? JobReason.CompletionsReached, message: success.message ?? JobMessage.CompletionsReached };
  const target = findJobCondition(job, 'FailureTarget');
  if (target?.status === 'True') return { interim: 'FailureTarget', final: 'Failed', reason: target.reason ?? '', message: target.message ?? '' };
  if (failed > backoffLimitOf(job) || pastBackoffLimitOnFailure(job, pods)) {
    return { interim: 'FailureTarget', final: 'Failed', reason: JobReason.BackoffLimitExceeded, message: JobMessage.BackoffLimitExceeded };
  }
  const untilDeadline = msUntilActiveDeadline(job, startTime, nowMs);
  if (untilDeadline !== undefined && untilDeadline <= 0) return { interim: 'FailureTarget', final: 'Failed', reason: JobReason.DeadlineExceeded, message: JobMessage.DeadlineExceeded };
  if (untilDeadline !== undefined) deps.requeueAfter(key, untilDeadline);
  return undefined;
}

/** Complete once enough pods succeeded and none is still running (without completions: any success). */
function decideSuccess(job: DeepReadonly<Job>, succeeded: number, active: number): Finish | undefined {
  const completions = completionsOf(job);
  const complete = completions === undefined ? succeeded > 0 && active === 0 : succeeded >= completions && active === 0;
  return complete ? { interim: 'SuccessCriteriaMet', final: 'Complete', reason: JobReason.CompletionsReached, message: JobMessage.CompletionsReached } : undefined;
}

/** Adds the interim condition, and the final one (with completionTime and an event) once no pod is terminating. */
function applyFinish(deps: JobSyncDeps, job: Job, status: JobStatus, finish: Finish, terminating: number, nowMs: number): void {
  const conditions = status.conditions ?? [];
  if (!conditions.some((c) => c.type === finish.interim && c.status === 'True')) {
    conditions.push(newJobCondition({ type: finish.interim, reason: finish.reason, message: finish.message, nowMs }));
  }
  status.conditions = conditions;
  if (terminating > 0) return; // the final condition waits for the pods to be gone
  conditions.push(newJobCondition({ type: finish.final, reason: finish.reason, message: finish.message, nowMs }));
  if (finish.final === 'Complete') {
    status.completionTime = formatTime(nowMs);
    deps.recorder.event(job, 'Normal', 'Completed', 'Job completed');
  } else {
    deps.recorder.event(job, 'Warning', finish.reason, finish.message);
  }
}

/** Suspended True while spec.suspend, False (JobResumed, restarting the deadline clock) once resumed. */
function updateSuspendedCondition(deps: JobSyncDeps, job: Job, status: JobStatus, nowMs: number): void {
  const current = status.conditions?.find((c) => c.type === 'Suspended');
  const suspend = job.spec?.suspend === true;
  if (suspend && current?.status !== 'True') {
    setCondition(status, newJobCondition({ type: 'Suspended', reason: 'JobSuspended', message: 'Job suspended', nowMs }));
    deps.recorder.event(readOnlyView(job), 'Normal', 'Suspended', 'Job suspended');
  } else if (!suspend && current?.status === 'True') {
    setCondition(status, newJobCondition({ type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed', nowMs }));
    deps.recorder.event(readOnlyView(job), 'Normal', 'Resumed', 'Job resumed');
    status.startTime = formatTime(nowMs);
  }
}

function setCondition(status: JobStatus, condition: JobCondition): void {
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), condition];
}

async function writeStatus(deps: JobSyncDeps, cached: DeepReadonly<Job>, status: JobStatus): Promise<void> {
  if (canonicalJson(cached.status ?? {}) === canonicalJson(status)) return;
  const next = structuredClone(cached) as Job;
  next.status = status;
  await deps.client.updateStatus<Job>(Resources.jobs, next);
}
