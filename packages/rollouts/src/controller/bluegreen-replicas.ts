// Blue-green replica math (pure): how many pods the new (preview) RS runs, and when it is ready for the pause or saturated.
// Upstream: utils/replicaset/replicaset.go (NewRSNewReplicas), utils/replicaset/bluegreen.go (ReadyForPause,
// GetReplicaSetByTemplateHash), utils/annotations/annotations.go (IsSaturated).
import { RolloutsAnnotation, type ReplicaSet, type Rollout } from '@aviary/kube';
import { replicasOrDefault } from '../replicas/index.js';
import { podHashOf, specReplicasOf } from './replicasets.js';

/** The ReplicaSet whose pod-template hash is `hash` (none for an empty hash). */
export function replicaSetByHash(sets: readonly ReplicaSet[], hash: string | undefined): ReplicaSet | undefined {
  if (!hash) return undefined;
  return sets.find((rs) => podHashOf(rs) === hash);
}

/**
 * How many pods the new RS should run (upstream NewRSNewReplicas, blue-green branch). Without previewReplicaCount,
 * always spec.replicas. With it: spec.replicas once the new RS is active (or there is no active RS yet) or on a full
 * promotion; previewReplicaCount for a brand-new update (newRS ≠ status.currentPodHash); spec.replicas once resumed
 * past the scale-up checkpoint; otherwise previewReplicaCount.
 *
 * Example: replicas 5, previewReplicaCount 1, active on the old RS, paused at BlueGreenPause → 1; after `promote`
 * with scaleUpPreviewCheckPoint set → 5.
 */
export function blueGreenNewRSReplicas(rollout: Rollout, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): number {
  const desired = replicasOrDefault(rollout.spec.replicas);
  const preview = rollout.spec.strategy.blueGreen?.previewReplicaCount;
  if (preview === undefined || preview === null) return desired;
  const status = rollout.status ?? {};
  const activeRS = replicaSetByHash(allRSs, status.blueGreen?.activeSelector);
  if (!activeRS || activeRS.metadata?.name === newRS.metadata?.name) return desired; // already past the promotion
  if (status.promoteFull) return desired;
  if (podHashOf(newRS) !== status.currentPodHash) return preview; // a brand-new update
  const notPaused = !rollout.spec.paused && (status.pauseConditions?.length ?? 0) === 0;
  if (notPaused && status.blueGreen?.scaleUpPreviewCheckPoint) return desired; // resumed, not yet switched
  return preview;
}

/** The new RS runs exactly the pods it should, all available (upstream ReadyForPause). */
export function readyForPause(rollout: Rollout, newRS: ReplicaSet | undefined, allRSs: readonly ReplicaSet[]): boolean {
  if (!newRS) return false;
  const count = blueGreenNewRSReplicas(rollout, allRSs, newRS);
  return specReplicasOf(newRS) === count && (newRS.status?.availableReplicas ?? 0) === count;
}

/** Spec, desired-replicas annotation and available pods all equal spec.replicas (upstream annotations.IsSaturated). */
export function isSaturated(rollout: Rollout, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const text = rs.metadata?.annotations?.[RolloutsAnnotation.DesiredReplicas];
  if (text === undefined || !/^-?\d+$/.test(text)) return false;
  const replicas = replicasOrDefault(rollout.spec.replicas);
  return specReplicasOf(rs) === replicas && Number.parseInt(text, 10) === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}
