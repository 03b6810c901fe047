// Keeping min(parallelism, remaining completions) pods running for a Job (job_controller.go manageJob, non-indexed).
import { Resources, type DeepReadonly, type Job, type Pod } from '@aviary/kube';
import type { PodExpectations } from '../shared/expectations.js';
import { controllerReference, keyOf } from '../shared/owner-reference.js';
import { podFromTemplate, type PodControl } from '../shared/pod-control.js';
import { rankPodsForDeletion } from '../shared/pod-ranking.js';
import { runSlowStartBatches } from '../shared/slow-start.js';
import { extraPodLabels } from './job-selector.js';
import { completionsOf, msUntilPodBackoffEnds, parallelismOf } from './job-status.js';

/** Upstream MaxPodCreateDeletePerSync. */
export const MAX_POD_CHANGES_PER_SYNC = 500;

export interface ManageJobInput {
  job: DeepReadonly<Job>;
  key: string;
  pods: readonly DeepReadonly<Pod>[];
  active: readonly DeepReadonly<Pod>[];
  succeeded: number;
  podControl: PodControl;
  expectations: PodExpectations;
  nowMs: number;
  requeueAfter: (delayMs: number) => void;
}

/** Returns the active count after this step's creates and deletes, and the first write error. */
export async function manageJob(input: ManageJobInput): Promise<{ active: number; error?: unknown }> {
  const { job, active } = input;
  if (job.spec?.suspend === true) return deletePods(input, active);
  const wantActive = wantedActive(job, active.length, input.succeeded);
  const surplus = active.length - wantActive;
  if (surplus > 0) return deletePods(input, rankPodsForDeletion(active, active, input.nowMs).slice(0, Math.min(surplus, MAX_POD_CHANGES_PER_SYNC)));
  if (active.length >= wantActive) return { active: active.length };
  // Failed pods are replaced only after the pod failure backoff.
  const backoff = msUntilPodBackoffEnds(input.pods, input.nowMs);
  if (backoff > 0) {
    input.requeueAfter(backoff);
    return { active: active.length };
  }
  return createPods(input, Math.min(wantActive - active.length, MAX_POD_CHANGES_PER_SYNC));
}

/** Without completions: parallelism until the first success, then no new pods. With: min(remaining, parallelism). */
export function wantedActive(job: DeepReadonly<Job>, active: number, succeeded: number): number {
  const completions = completionsOf(job);
  const parallelism = parallelismOf(job);
  if (completions === undefined) return succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(completions - succeeded, parallelism));
}

async function createPods(input: ManageJobInput, count: number): Promise<{ active: number; error?: unknown }> {
  const { job, key } = input;
  input.expectations.expectCreations(key, count);
  const controllerRef = controllerReference(job, Resources.jobs);
  const result = await runSlowStartBatches({
    count,
    run: async () => {
      const pod = podFromTemplate({ template: job.spec?.template, namespace: job.metadata?.namespace ?? '', namePrefix: job.metadata?.name ?? '', controllerRef, extraLabels: extraPodLabels(job) });
      await input.podControl.createPod(job, pod);
    },
  });
  for (let skipped = count - result.successes; skipped > 0; skipped--) input.expectations.creationObserved(key);
  return { active: input.active.length + result.successes, error: result.error };
}

async function deletePods(input: ManageJobInput, victims: readonly DeepReadonly<Pod>[]): Promise<{ active: number; error?: unknown }> {
  if (victims.length === 0) return { active: input.active.length };
  const deleted = await deleteJobPods({ job: input.job, key: input.key, pods: victims, podControl: input.podControl, expectations: input.expectations });
  return { active: input.active.length - deleted.deleted, error: deleted.error };
}

/** Deletes pods in parallel under deletion expectations; returns how many went and the first error. */
export async function deleteJobPods(options: { job: DeepReadonly<Job>; key: string; pods: readonly DeepReadonly<Pod>[]; podControl: PodControl; expectations: PodExpectations }): Promise<{ deleted: number; error?: unknown }> {
  const { key, pods, expectations } = options;
  expectations.expectDeletions(key, pods.map((pod) => keyOf(pod)));
  const results = await Promise.allSettled(pods.map((pod) => options.podControl.deletePod(options.job, pod)));
  let error: unknown;
  let deleted = 0;
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') {
      deleted++;
      return;
    }
    expectations.deletionObserved(key, keyOf(pods[index]!));
    error ??= result.reason;
  });
  return { deleted, error };
}
