// argoproj.io/v1alpha1 AnalysisTemplate, ClusterAnalysisTemplate and AnalysisRun: metrics, args, runs and results.
// Upstream: pkg/apis/rollouts/v1alpha1/analysis_types.go.
import type { KubeObject, ObjectList, ObjectMeta } from '../meta.js';
import type { IntOrString, Time } from '../scalars.js';
import type { DurationString, MetricProvider } from './analysis-providers.js';

/** Phase of an AnalysisRun, a MetricResult, a Measurement, and of an Experiment. */
export const AnalysisPhase = {
  Pending: 'Pending',
  Running: 'Running',
  Successful: 'Successful',
  Failed: 'Failed',
  Error: 'Error',
  Inconclusive: 'Inconclusive',
} as const;
export type AnalysisPhase = (typeof AnalysisPhase)[keyof typeof AnalysisPhase];

export interface Metric {
  /** Unique within the run. */
  name: string;
  /** Time between measurements; without it a single measurement is taken. */
  interval?: DurationString;
  /** Wait this long after the run starts before the first measurement. */
  initialDelay?: DurationString;
  /** Number of measurements; effective default 1 without interval, unbounded with interval only. */
  count?: IntOrString;
  /** expr-lang expression over `result`; true ⇒ Successful. */
  successCondition?: string;
  /** expr-lang expression over `result`; true ⇒ Failed. */
  failureCondition?: string;
  /** Metric Failed once failed measurements exceed this; default 0; -1 disables. */
  failureLimit?: IntOrString;
  /** Metric Inconclusive once inconclusive measurements exceed this; default 0. */
  inconclusiveLimit?: IntOrString;
  /** Metric Error once consecutive errors exceed this; default 4. */
  consecutiveErrorLimit?: IntOrString;
  provider: MetricProvider;
  /** Metric Successful as soon as this many consecutive successes are seen; default 0 (off). */
  consecutiveSuccessLimit?: IntOrString;
}

/** Metrics matching `metricName` (a regexp; `.*` for all) never affect the run's phase. */
export interface DryRun {
  metricName: string;
}

/** Keep `limit` measurements (instead of 10) for metrics matching `metricName` (a regexp). */
export interface MeasurementRetention {
  metricName: string;
  limit: number;
}

export interface SecretKeyRef {
  name: string;
  key: string;
}

export interface FieldRef {
  /** `metadata.name`, `metadata.labels['app']`, or a dotted/indexed path into the owning Rollout. */
  fieldPath: string;
}

export interface ValueFrom {
  /** Resolved only when measuring; the value is redacted from messages. */
  secretKeyRef?: SecretKeyRef;
  fieldRef?: FieldRef;
}

/** A template/run argument; one without `value` or `valueFrom` must be supplied by the caller. */
export interface Argument {
  name: string;
  value?: string;
  valueFrom?: ValueFrom;
}

export interface AnalysisTemplateRef {
  templateName: string;
  /** Refer to a ClusterAnalysisTemplate instead of a namespaced AnalysisTemplate. */
  clusterScope?: boolean;
}

export interface AnalysisTemplateSpec {
  metrics?: Metric[];
  args?: Argument[];
  dryRun?: DryRun[];
  measurementRetention?: MeasurementRetention[];
  /** Other templates merged into this one (resolved recursively). */
  templates?: AnalysisTemplateRef[];
}

export interface AnalysisTemplate extends KubeObject {
  metadata?: ObjectMeta;
  spec: AnalysisTemplateSpec;
}
export type AnalysisTemplateList = ObjectList<AnalysisTemplate>;

/** Cluster-scoped AnalysisTemplate (referenced with `clusterScope: true`). */
export interface ClusterAnalysisTemplate extends KubeObject {
  metadata?: ObjectMeta;
  spec: AnalysisTemplateSpec;
}
export type ClusterAnalysisTemplateList = ObjectList<ClusterAnalysisTemplate>;

/** When a completed AnalysisRun is deleted. */
export interface TTLStrategy {
  secondsAfterCompletion?: number;
  secondsAfterFailure?: number;
  secondsAfterSuccess?: number;
}

export interface AnalysisRunSpec {
  metrics: Metric[];
  /** Resolved argument values. */
  args?: Argument[];
  /** Set to stop the run early: in-flight measurements are terminated and no new ones start. */
  terminate?: boolean;
  dryRun?: DryRun[];
  measurementRetention?: MeasurementRetention[];
  ttlStrategy?: TTLStrategy;
}

/** Counts of metrics (not measurements) by outcome. */
export interface RunSummary {
  count?: number;
  successful?: number;
  failed?: number;
  inconclusive?: number;
  error?: number;
}

export interface Measurement {
  phase: AnalysisPhase;
  message?: string;
  startedAt?: Time;
  finishedAt?: Time;
  /** The provider's value in string form, e.g. `[0.97]`. */
  value?: string;
  /** Provider details: job name, Kayenta id, query warnings, … */
  metadata?: Record<string, string>;
  /** When an asynchronous measurement (job, kayenta, plugin) should be checked again. */
  resumeAt?: Time;
}

export interface MetricResult {
  name: string;
  phase: AnalysisPhase;
  /** Newest last; trimmed to 10 or the retention limit. */
  measurements?: Measurement[];
  message?: string;
  /** successful + failed + inconclusive (errors are not counted). */
  count?: number;
  successful?: number;
  failed?: number;
  inconclusive?: number;
  error?: number;
  consecutiveError?: number;
  /** This metric matched a dryRun rule. */
  dryRun?: boolean;
  /** e.g. `ResolvedPrometheusQuery`. */
  metadata?: Record<string, string>;
  consecutiveSuccess?: number;
}

export interface AnalysisRunStatus {
  phase: AnalysisPhase;
  message?: string;
  metricResults?: MetricResult[];
  startedAt?: Time;
  runSummary?: RunSummary;
  /** Summary of dry-run metrics, kept apart from runSummary. */
  dryRunSummary?: RunSummary;
  completedAt?: Time;
}

export interface AnalysisRun extends KubeObject {
  metadata?: ObjectMeta;
  spec: AnalysisRunSpec;
  status?: AnalysisRunStatus;
}
export type AnalysisRunList = ObjectList<AnalysisRun>;
