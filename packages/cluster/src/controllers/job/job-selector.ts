// The labels that tie pods to their Job, and the selector generated from the Job's uid (pkg/registry/batch/job/strategy.go generateSelector).
import type { DeepReadonly, Job, LabelSelector } from '@aviary/kube';

export const JobLabel = {
  ControllerUid: 'batch.kubernetes.io/controller-uid',
  JobName: 'batch.kubernetes.io/job-name',
  LegacyControllerUid: 'controller-uid',
  LegacyJobName: 'job-name',
} as const;

/** The four labels every pod of a Job with a generated selector carries. */
export function jobPodLabels(job: DeepReadonly<Job>): Record<string, string> {
  const uid = job.metadata?.uid ?? '';
  const name = job.metadata?.name ?? '';
  return { [JobLabel.ControllerUid]: uid, [JobLabel.JobName]: name, [JobLabel.LegacyControllerUid]: uid, [JobLabel.LegacyJobName]: name };
}

/**
 * The Job's selector: its own with manualSelector, else `batch.kubernetes.io/controller-uid=<uid>`.
 * The API server normally stores the generated one at create time; computing it here keeps Jobs
 * working when it did not.
 */
export function jobSelector(job: DeepReadonly<Job>): LabelSelector {
  if (job.spec?.manualSelector === true && job.spec.selector !== undefined) return structuredClone(job.spec.selector) as LabelSelector;
  return { matchLabels: { [JobLabel.ControllerUid]: job.metadata?.uid ?? '' } };
}

/** Labels added to created pods: the generated ones unless the selector is manual. */
export function extraPodLabels(job: DeepReadonly<Job>): Record<string, string> {
  return job.spec?.manualSelector === true ? {} : jobPodLabels(job);
}
