// ClusterView: the read side of a sync — cached Rollouts, ReplicaSets, Services, AnalysisRuns and Experiments.
import {
  Resources,
  type AnalysisRun,
  type DeepReadonly,
  type Experiment,
  type InformerFactory,
  type KubeObject,
  type ReplicaSet,
  type Rollout,
  type Service,
  type SharedInformer,
} from '@aviary/kube';
import { RolloutsLabel } from '@aviary/kube';

/**
 * What a sync reads. Objects are cached and read-only: clone before changing. Production reads informer
 * caches; tests may read the fake cluster directly so every sync sees the latest state.
 */
export interface ClusterView {
  getRollout(namespace: string, name: string): DeepReadonly<Rollout> | undefined;
  listReplicaSets(namespace: string): readonly DeepReadonly<ReplicaSet>[];
  getService(namespace: string, name: string): DeepReadonly<Service> | undefined;
  listAnalysisRuns(namespace: string): readonly DeepReadonly<AnalysisRun>[];
  listExperiments(namespace: string): readonly DeepReadonly<Experiment>[];
}

/** The informers the Rollout controller watches. */
export interface RolloutInformers {
  rollouts: SharedInformer<Rollout>;
  replicaSets: SharedInformer<ReplicaSet>;
  services: SharedInformer<Service>;
  analysisRuns: SharedInformer<AnalysisRun>;
  experiments: SharedInformer<Experiment>;
}

/** Creates (or reuses) the shared informers; ReplicaSets without the pod-template-hash label are ignored when read. */
export function createRolloutInformers(factory: InformerFactory): RolloutInformers {
  return {
    rollouts: factory.forResource<Rollout>(Resources.rollouts),
    replicaSets: factory.forResource<ReplicaSet>(Resources.replicaSets),
    services: factory.forResource<Service>(Resources.services),
    analysisRuns: factory.forResource<AnalysisRun>(Resources.analysisRuns),
    experiments: factory.forResource<Experiment>(Resources.experiments),
  };
}

/** A ClusterView over informer caches. */
export function informerClusterView(informers: RolloutInformers): ClusterView {
  return {
    getRollout: (namespace, name) => informers.rollouts.get(namespace, name),
    listReplicaSets: (namespace) => informers.replicaSets.list(namespace).filter(hasPodTemplateHash),
    getService: (namespace, name) => informers.services.get(namespace, name),
    listAnalysisRuns: (namespace) => informers.analysisRuns.list(namespace),
    listExperiments: (namespace) => informers.experiments.list(namespace),
  };
}

function hasPodTemplateHash(rs: DeepReadonly<KubeObject>): boolean {
  return rs.metadata?.labels?.[RolloutsLabel.PodTemplateHash] !== undefined;
}
