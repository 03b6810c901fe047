// AnalysisRunInfo: an AnalysisRun of a Rollout or Experiment, its measurement counts and the Jobs it ran.
// Upstream: pkg/kubectl-argo-rollouts/info/analysisrun_info.go.
import type { AnalysisRun } from '@aviary/kube';
import { ageOf } from './human-duration.js';
import { analysisStatusIcon, type StatusIcon } from './icons.js';
import { compareStrings, createdAt, ownerUidIn, revisionOf } from './owner-match.js';
import { identityOf, type ObjectIdentity } from './object-identity.js';

/** Measurement metadata keys the Job metric provider writes. */
const jobNameKey = 'job-name';
const jobNamespaceKey = 'job-namespace';

/** A Job started by a `job` metric measurement. */
export interface JobInfo {
  name: string;
  namespace: string;
  /** The measurement's start time. */
  creationTimestamp?: string;
  age: string;
  /** The measurement phase. */
  status: string;
  icon: StatusIcon;
  metricName: string;
}

/** A measurement that was not a Job (Prometheus, web, …). */
export interface MeasurementInfo {
  metricName: string;
  status: string;
  value?: string;
  startedAt?: string;
}

export interface AnalysisRunInfo extends ObjectIdentity {
  /** The run phase (Pending, Running, Successful, Failed, Error, Inconclusive), '' before the first reconcile. */
  status: string;
  icon: StatusIcon;
  revision: number;
  /** Measurement counts summed over all metrics. */
  successful: number;
  failed: number;
  inconclusive: number;
  error: number;
  jobs: JobInfo[];
  measurements: MeasurementInfo[];
}

/** The view of one AnalysisRun at `now`. */
export function analysisRunInfo(run: AnalysisRun, now: number): AnalysisRunInfo {
  const meta = run.metadata ?? {};
  const status = run.status?.phase ?? '';
  const info: AnalysisRunInfo = {
    ...identityOf(meta, now),
    status,
    icon: analysisStatusIcon(status),
    revision: revisionOf(run),
    successful: 0,
    failed: 0,
    inconclusive: 0,
    error: 0,
    jobs: [],
    measurements: [],
  };
  for (const result of run.status?.metricResults ?? []) {
    info.successful += result.successful ?? 0;
    info.failed += result.failed ?? 0;
    info.inconclusive += result.inconclusive ?? 0;
    info.error += result.error ?? 0;
    for (const measurement of result.measurements ?? []) {
      const jobName = measurement.metadata?.[jobNameKey];
      if (measurement.metadata && jobName !== undefined) {
        info.jobs.push({
          name: jobName,
          namespace: measurement.metadata[jobNamespaceKey] ?? info.namespace,
          creationTimestamp: measurement.startedAt,
          age: ageOf(measurement.startedAt, now),
          status: measurement.phase,
          icon: analysisStatusIcon(measurement.phase),
          metricName: result.name,
        });
      } else if (!measurement.metadata) {
        info.measurements.push({ metricName: result.name, status: measurement.phase, value: measurement.value, startedAt: measurement.startedAt });
      }
    }
  }
  return info;
}

/** The owner's AnalysisRuns: newest revision first, then oldest first, then by name descending (as upstream). */
export function analysisRunInfos(input: { ownerUid: string; analysisRuns: readonly AnalysisRun[]; now: number }): AnalysisRunInfo[] {
  const owner = new Set([input.ownerUid]);
  return input.analysisRuns
    .filter((run) => ownerUidIn(run, owner))
    .map((run) => analysisRunInfo(run, input.now))
    .sort((a, b) => b.revision - a.revision || createdAt(a) - createdAt(b) || compareStrings(b.name, a.name));
}
