// One ReplicaSet sync as a checklist: read it, claim its pods, manage replicas, write status, requeue for availability.
import { Resources, labelSelectorFromObject, type DeepReadonly, type EventRecorder, type KubeClient, type Pod, type ReplicaSet, type SharedInformer } from '@aviary/kube';
import { claimCandidates } from '../shared/claim-candidates.js';
import { claimObjects } from '../shared/claim-objects.js';
import type { PodExpectations } from '../shared/expectations.js';
import { isPodActive } from '../shared/pod-conditions.js';
import { readOnlyView } from '../shared/owner-reference.js';
import { messageOf, type PodControl } from '../shared/pod-control.js';
import { manageReplicas } from './manage-replicas.js';
import { calculateReplicaSetStatus, nextAvailabilityCheckMs, replicaSetStatusEqual } from './replica-set-status.js';

export interface ReplicaSetSyncDeps {
  client: KubeClient;
  replicaSets: SharedInformer<ReplicaSet>;
  pods: SharedInformer<Pod>;
  podControl: PodControl;
  expectations: PodExpectations;
  recorder: EventRecorder;
  now: () => number;
  /** Queues the key again after `delayMs`. */
  requeueAfter: (key: string, delayMs: number) => void;
}

export async function syncReplicaSet(deps: ReplicaSetSyncDeps, key: string): Promise<void> {
  const rs = deps.replicaSets.getByKey(key);
  // Deleted: forget what we were waiting for; owner GC removes the pods.
  if (rs === undefined) {
    deps.expectations.forget(key);
    return;
  }
  const selector = selectorOf(deps, rs);
  if (selector === undefined) return; // a wrong spec is not fixed by retrying
  // Expectations are read before the pods, so a pod arriving in between only defers the work.
  const needsSync = deps.expectations.satisfied(key) && rs.metadata?.deletionTimestamp === undefined;
  const active = claimCandidates(deps.pods, rs).filter(isPodActive);
  const claim = await claimObjects<Pod>({ client: deps.client, type: Resources.pods, owner: rs, ownerType: Resources.replicaSets, selector, candidates: active });
  if (claim.error) throw claim.error;
  const failure = needsSync ? await manageReplicas({ rs, key, pods: claim.claimed, podControl: deps.podControl, expectations: deps.expectations, nowMs: deps.now() }) : undefined;
  await writeStatus(deps, rs, claim.claimed, failure && { message: messageOf(failure.error), scaleUp: failure.scaleUp });
  requeueForAvailability(deps, key, rs, claim.claimed);
  if (failure) throw failure.error;
}

function selectorOf(deps: ReplicaSetSyncDeps, rs: DeepReadonly<ReplicaSet>): ReturnType<typeof labelSelectorFromObject> | undefined {
  try {
    return labelSelectorFromObject(rs.spec?.selector as never);
  } catch (err: unknown) {
    deps.recorder.event(readOnlyView(rs), 'Warning', 'InvalidSelector', `invalid selector: ${messageOf(err)}`);
    return undefined;
  }
}

/** Status counts the pods as they were before this sync's writes (upstream does the same); the informer events bring the next sync. */
async function writeStatus(deps: ReplicaSetSyncDeps, rs: DeepReadonly<ReplicaSet>, pods: readonly DeepReadonly<Pod>[], manageError: { message: string; scaleUp: boolean } | undefined): Promise<void> {
  const status = calculateReplicaSetStatus({ rs, pods, manageError, nowMs: deps.now() });
  if (replicaSetStatusEqual(rs.status, status)) return;
  const next = structuredClone(rs) as ReplicaSet;
  next.status = status;
  await deps.client.updateStatus<ReplicaSet>(Resources.replicaSets, next);
}

/** A ready pod becomes available after minReadySeconds with no event to announce it: come back then. */
function requeueForAvailability(deps: ReplicaSetSyncDeps, key: string, rs: DeepReadonly<ReplicaSet>, pods: readonly DeepReadonly<Pod>[]): void {
  const wait = nextAvailabilityCheckMs(rs, pods, deps.now());
  if (wait !== undefined) deps.requeueAfter(key, wait);
}
