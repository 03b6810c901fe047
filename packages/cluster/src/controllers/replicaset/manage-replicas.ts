// Creating and deleting pods so a ReplicaSet owns spec.replicas of them (replica_set.go manageReplicas).
import { Resources, type DeepReadonly, type Pod, type ReplicaSet } from '@aviary/kube';
import type { PodExpectations } from '../shared/expectations.js';
import { controllerReference, keyOf } from '../shared/owner-reference.js';
import { podFromTemplate, type PodControl } from '../shared/pod-control.js';
import { rankPodsForDeletion } from '../shared/pod-ranking.js';
import { runSlowStartBatches } from '../shared/slow-start.js';

/** Upstream BurstReplicas: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500;

export interface ManageReplicasInput {
  rs: DeepReadonly<ReplicaSet>;
  key: string;
  /** The active pods the ReplicaSet owns. */
  pods: readonly DeepReadonly<Pod>[];
  podControl: PodControl;
  expectations: PodExpectations;
  nowMs: number;
}

/** What a failed create or delete did; the sync records it as ReplicaFailure and retries. */
export interface ManageReplicasFailure {
  error: unknown;
  scaleUp: boolean;
}

/**
 * Creates the missing pods in slow-start batches, or deletes the surplus ones chosen by the
 * deletion ranking, at most BURST_REPLICAS per sync; expectations are raised before the writes and
 * lowered for writes that never happened.
 */
export async function manageReplicas(input: ManageReplicasInput): Promise<ManageReplicasFailure | undefined> {
  const wanted = input.rs.spec?.replicas ?? 1;
  const diff = input.pods.length - wanted;
  if (diff < 0) return createPods(input, Math.min(-diff, BURST_REPLICAS));
  if (diff > 0) return deletePods(input, Math.min(diff, BURST_REPLICAS));
  return undefined;
}

async function createPods(input: ManageReplicasInput, count: number): Promise<ManageReplicasFailure | undefined> {
  const { rs, key, expectations, podControl } = input;
  expectations.expectCreations(key, count);
  const controllerRef = controllerReference(rs, Resources.replicaSets);
  const result = await runSlowStartBatches({
    count,
    run: async () => {
      const pod = podFromTemplate({ template: rs.spec?.template, namespace: rs.metadata?.namespace ?? '', namePrefix: rs.metadata?.name ?? '', controllerRef });
      await podControl.createPod(rs, pod);
    },
  });
  // Creates that failed or never started will not show up in the informer.
  for (let skipped = count - result.successes; skipped > 0; skipped--) expectations.creationObserved(key);
  return result.error === undefined ? undefined : { error: result.error, scaleUp: true };
}

async function deletePods(input: ManageReplicasInput, count: number): Promise<ManageReplicasFailure | undefined> {
  const { rs, key, expectations, podControl } = input;
  const victims = rankPodsForDeletion(input.pods, input.pods, input.nowMs).slice(0, count);
  expectations.expectDeletions(key, victims.map((pod) => keyOf(pod)));
  const results = await Promise.allSettled(victims.map((pod) => podControl.deletePod(rs, pod)));
  let failure: ManageReplicasFailure | undefined;
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') return;
    expectations.deletionObserved(key, keyOf(victims[index]!));
    failure ??= { error: result.reason, scaleUp: false };
  });
  return failure;
}
