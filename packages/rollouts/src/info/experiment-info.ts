// ExperimentInfo: an Experiment, its template ReplicaSets (with pods) and its AnalysisRuns.
// Upstream: pkg/kubectl-argo-rollouts/info/experiment_info.go.
import type { AnalysisRun, Experiment, Pod, ReplicaSet } from '@aviary/kube';
import { analysisRunInfos, type AnalysisRunInfo } from './analysisrun-info.js';
import { analysisStatusIcon, type StatusIcon } from './icons.js';
import { compareStrings, createdAt, ownerUidIn, revisionOf } from './owner-match.js';
import { replicaSetInfos, type ReplicaSetInfo } from './replicaset-info.js';
import { identityOf, type ObjectIdentity } from './object-identity.js';

export interface ExperimentInfo extends ObjectIdentity {
  /** The phase (Pending, Running, Successful, …), '' before the first reconcile. */
  status: string;
  message: string;
  icon: StatusIcon;
  revision: number;
  replicaSets: ReplicaSetInfo[];
  analysisRuns: AnalysisRunInfo[];
}

export interface ExperimentInfoInput {
  experiment: Experiment;
  replicaSets: readonly ReplicaSet[];
  pods: readonly Pod[];
  analysisRuns: readonly AnalysisRun[];
  now: number;
}

/** The view of one Experiment, picking its own ReplicaSets, pods and AnalysisRuns out of the lists given. */
export function experimentInfo(input: ExperimentInfoInput): ExperimentInfo {
  const { experiment, now } = input;
  const meta = experiment.metadata ?? {};
  const uid = meta.uid ?? '';
  const status = experiment.status?.phase ?? '';
  return {
    ...identityOf(meta, now),
    status,
    message: experiment.status?.message ?? '',
    icon: analysisStatusIcon(status),
    revision: revisionOf(experiment),
    replicaSets: replicaSetInfos({ ownerUid: uid, replicaSets: input.replicaSets, pods: input.pods, now }),
    analysisRuns: analysisRunInfos({ ownerUid: uid, analysisRuns: input.analysisRuns, now }),
  };
}

/** The Experiments a Rollout owns: newest revision first, then oldest first. */
export function experimentInfos(input: Omit<ExperimentInfoInput, 'experiment'> & { ownerUid: string; experiments: readonly Experiment[] }): ExperimentInfo[] {
  const owner = new Set([input.ownerUid]);
  return input.experiments
    .filter((experiment) => ownerUidIn(experiment, owner))
    .map((experiment) => experimentInfo({ ...input, experiment }))
    .sort((a, b) => b.revision - a.revision || createdAt(a) - createdAt(b) || compareStrings(a.name, b.name));
}
