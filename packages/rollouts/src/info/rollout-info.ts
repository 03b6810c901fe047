// RolloutInfo: everything `get rollout` and the dashboard show about one Rollout, derived from API objects.
// Upstream: pkg/kubectl-argo-rollouts/info/rollout_info.go (NewRolloutInfo, Revisions, …ByRevision).
import type { AnalysisRun, Experiment, Pod, ReplicaSet, Rollout } from '@aviary/kube';
import { currentCanaryStep, currentSetWeight, maxTrafficWeight, replicasOrDefault } from '../replicas/index.js';
import { displayedRolloutPhase } from '../status/index.js';
import { analysisRunInfos, type AnalysisRunInfo } from './analysisrun-info.js';
import { experimentInfos, type ExperimentInfo } from './experiment-info.js';
import { rolloutStatusIcon, type StatusIcon } from './icons.js';
import { rolloutImages, type ImageInfo } from './images.js';
import { replicaSetInfos, type ReplicaSetInfo } from './replicaset-info.js';
import { canaryStepInfos, pauseCountdown, type PauseCountdown, type StepInfo } from './step-info.js';
import { identityOf, type ObjectIdentity } from './object-identity.js';

export const RolloutStrategyName = { Canary: 'Canary', BlueGreen: 'BlueGreen' } as const;
export type RolloutStrategyName = (typeof RolloutStrategyName)[keyof typeof RolloutStrategyName];

export interface ContainerInfo {
  name: string;
  image: string;
}

/** One `# revision:N` node: the objects of that revision, in the order the tree lists them. */
export interface RevisionInfo {
  revision: number;
  replicaSets: ReplicaSetInfo[];
  experiments: ExperimentInfo[];
  analysisRuns: AnalysisRunInfo[];
}

export interface RolloutInfo extends ObjectIdentity {
  /** The phase a client shows (Healthy, Progressing, Paused, Degraded). */
  status: string;
  message: string;
  icon: StatusIcon;
  /** '' when the spec names neither strategy. */
  strategy: RolloutStrategyName | '';
  /** `i/N` for a canary with steps and a current index, else ''. */
  step: string;
  /** Canary only: the weight the current step asks for ('' for blue-green). */
  setWeight: string;
  /** Canary only: the weight in effect (router weight, or canary share of available pods). */
  actualWeight: string;
  desired: number;
  current: number;
  updated: number;
  ready: number;
  available: number;
  images: ImageInfo[];
  containers: ContainerInfo[];
  initContainers: ContainerInfo[];
  /** status.restartedAt, or `Never`. */
  restartedAt: string;
  /** status.observedGeneration as written. */
  generation: string;
  /** Newest revision first, then by name; experiments and runs likewise. */
  replicaSets: ReplicaSetInfo[];
  experiments: ExperimentInfo[];
  analysisRuns: AnalysisRunInfo[];
  /** The tree: revisions newest first. */
  revisions: RevisionInfo[];
  /** Aviary: the canary steps with the current one marked (empty for blue-green). */
  steps: StepInfo[];
  /** Aviary: when a timed pause resumes by itself. */
  pauseCountdown?: PauseCountdown;
}

export interface RolloutInfoInput {
  rollout: Rollout;
  /** Any ReplicaSets, pods, runs and experiments: each is shown only under the object that owns it. */
  replicaSets: readonly ReplicaSet[];
  pods: readonly Pod[];
  analysisRuns: readonly AnalysisRun[];
  experiments: readonly Experiment[];
  /** Clock milliseconds the ages and countdowns are measured at. */
  now: number;
}

/**
 * The weight in effect: the maximum past the last step; 0 until pods are available; for a basic canary the
 * canary ReplicaSet's share of available pods (integer division); with traffic routing the router's weight.
 */
function actualCanaryWeight(rollout: Rollout, replicaSets: readonly ReplicaSetInfo[], setWeight: string): string {
  if (!currentCanaryStep(rollout).step) return String(maxTrafficWeight(rollout));
  const available = rollout.status?.availableReplicas ?? 0;
  if (available <= 0) return '0';
  if (!rollout.spec.strategy.canary?.trafficRouting) {
    let weight = '0';
    for (const rs of replicaSets) if (rs.canary) weight = String(Math.trunc((rs.available * maxTrafficWeight(rollout)) / available));
    return weight;
  }
  const weights = rollout.status?.canary?.weights;
  return weights ? String(weights.canary.weight) : setWeight;
}

/** The distinct revisions of all objects, newest first, each with its objects. */
export function groupByRevision(info: Pick<RolloutInfo, 'replicaSets' | 'experiments' | 'analysisRuns'>): RevisionInfo[] {
  const revisions = new Set<number>([...info.replicaSets, ...info.experiments, ...info.analysisRuns].map((o) => o.revision));
  return [...revisions]
    .sort((a, b) => b - a)
    .map((revision) => ({
      revision,
      replicaSets: info.replicaSets.filter((o) => o.revision === revision),
      experiments: info.experiments.filter((o) => o.revision === revision),
      analysisRuns: info.analysisRuns.filter((o) => o.revision === revision),
    }));
}

/** The view of a Rollout at `now`. */
export function rolloutInfo(input: RolloutInfoInput): RolloutInfo {
  const { rollout, now } = input;
  const meta = rollout.metadata ?? {};
  const uid = meta.uid ?? '';
  const status = rollout.status ?? {};
  const replicaSets = replicaSetInfos({ ownerUid: uid, rollout, replicaSets: input.replicaSets, pods: input.pods, now });
  const experiments = experimentInfos({ ownerUid: uid, experiments: input.experiments, replicaSets: input.replicaSets, pods: input.pods, analysisRuns: input.analysisRuns, now });
  const analysisRuns = analysisRunInfos({ ownerUid: uid, analysisRuns: input.analysisRuns, now });
  const { canary, blueGreen } = rollout.spec.strategy;
  let strategy: RolloutInfo['strategy'] = '';
  let step = '';
  let setWeight = '';
  let actualWeight = '';
  if (canary) {
    strategy = RolloutStrategyName.Canary;
    const steps = canary.steps ?? [];
    if (status.currentStepIndex !== undefined && status.currentStepIndex !== null && steps.length > 0) step = `${status.currentStepIndex}/${steps.length}`;
    setWeight = String(currentSetWeight(rollout));
    actualWeight = actualCanaryWeight(rollout, replicaSets, setWeight);
  } else if (blueGreen) {
    strategy = RolloutStrategyName.BlueGreen;
  }
  const phase = displayedRolloutPhase(rollout);
  const podSpec = rollout.spec.template?.spec;
  return {
    ...identityOf(meta, now),
    status: phase.phase,
    message: phase.message,
    icon: rolloutStatusIcon(phase.phase),
    strategy,
    step,
    setWeight,
    actualWeight,
    desired: replicasOrDefault(rollout.spec.replicas),
    current: status.replicas ?? 0,
    updated: status.updatedReplicas ?? 0,
    ready: status.readyReplicas ?? 0,
    available: status.availableReplicas ?? 0,
    images: rolloutImages({ replicaSets, experiments }),
    containers: (podSpec?.containers ?? []).map((c) => ({ name: c.name, image: c.image ?? '' })),
    initContainers: (podSpec?.initContainers ?? []).map((c) => ({ name: c.name, image: c.image ?? '' })),
    restartedAt: status.restartedAt ?? 'Never',
    generation: status.observedGeneration ?? '',
    replicaSets,
    experiments,
    analysisRuns,
    revisions: groupByRevision({ replicaSets, experiments, analysisRuns }),
    steps: canary ? canaryStepInfos(rollout) : [],
    pauseCountdown: pauseCountdown(rollout, now),
  };
}
