// ClusterView: the read side of a sync — cached Rollouts, ReplicaSets, Services, AnalysisRuns and Experiments.
import {
  IndexName,
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

/** The rollout whose owned objects are asked for. */
export interface RolloutOwner {
  namespace: string;
  name: string;
  /** Unset only for rollouts never stored (unit tests): ownership then falls back to kind and name. */
  uid?: string;
}

/**
 * What a sync reads. Objects are cached and read-only: clone before changing. Production reads informer
 * caches (owned objects through the controller-owner index); tests may read the fake cluster directly so
 * every sync sees the latest state.
 */
export interface ClusterView {
  getRollout(namespace: string, name: string): DeepReadonly<Rollout> | undefined;
  /** The ReplicaSets whose controller ownerReference is the rollout. */
  ownedReplicaSets(owner: RolloutOwner): readonly DeepReadonly<ReplicaSet>[];
  getService(namespace: string, name: string): DeepReadonly<Service> | undefined;
  ownedAnalysisRuns(owner: RolloutOwner): readonly DeepReadonly<AnalysisRun>[];
  ownedExperiments(owner: RolloutOwner): readonly DeepReadonly<Experiment>[];
}

/**
 * True when the object's controller ownerReference points at the rollout: by uid, or (for a rollout
 * without one) by kind and name. Objects without a controller reference are not the rollout's: Aviary does
 * not adopt orphans (upstream's getReplicaSetsForRollouts in rollout/controller.go also claims matching
 * orphans through ClaimReplicaSets).
 */
export function isControlledBy(owner: RolloutOwner, object: DeepReadonly<KubeObject>): boolean {
  if (object.metadata?.namespace !== undefined && object.metadata.namespace !== owner.namespace) return false;
  const ref = object.metadata?.ownerReferences?.find((candidate) => candidate.controller);
  if (!ref) return false;
  return owner.uid ? ref.uid === owner.uid : ref.kind === 'Rollout' && ref.name === owner.name;
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
    ownedReplicaSets: (owner) => listOwned(informers.replicaSets, owner).filter(hasPodTemplateHash),
    getService: (namespace, name) => informers.services.get(namespace, name),
    ownedAnalysisRuns: (owner) => listOwned(informers.analysisRuns, owner),
    ownedExperiments: (owner) => listOwned(informers.experiments, owner),
  };
}

/** Through the controller-owner index (O(owned objects)); a rollout without a uid scans its namespace. */
function listOwned<T extends KubeObject>(informer: SharedInformer<T>, owner: RolloutOwner): DeepReadonly<T>[] {
  const candidates = owner.uid ? informer.byIndex(IndexName.Controller, owner.uid) : informer.list(owner.namespace);
  return candidates.filter((object) => isControlledBy(owner, object));
}

function hasPodTemplateHash(rs: DeepReadonly<KubeObject>): boolean {
  return rs.metadata?.labels?.[RolloutsLabel.PodTemplateHash] !== undefined;
}
