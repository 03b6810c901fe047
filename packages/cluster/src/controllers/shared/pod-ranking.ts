// Which pods a scale-down removes first (pkg/controller/controller_utils.go ActivePodsWithRanks.Less).
import type { DeepReadonly, Pod } from '@aviary/kube';
import { isPodReady, podReadySinceMs, podRestartCount } from './pod-conditions.js';
import { parseTime } from './time.js';

type ReadonlyPod = DeepReadonly<Pod>;

/** The `controller.kubernetes.io/pod-deletion-cost` annotation: lower cost is deleted first. */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDER: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

export interface RankedPod {
  pod: ReadonlyPod;
  /** How many related active pods share its node; doubled-up pods go first. */
  rank: number;
}

/**
 * Orders pods so the ones to delete come first:
 * 1. unscheduled before scheduled; 2. Pending < Unknown < Running; 3. not ready before ready;
 * 4. lower pod-deletion-cost first; 5. higher rank (more pods on the node) first;
 * 6. ready for less time first (log2 buckets, as LogarithmicScaleDown); 7. more restarts first;
 * 8. newer first (log2 buckets), ties by name for a stable order.
 */
export function comparePodsForDeletion(a: RankedPod, b: RankedPod, nowMs: number): number {
  const pa = a.pod;
  const pb = b.pod;
  const assignedA = Boolean(pa.spec?.nodeName);
  const assignedB = Boolean(pb.spec?.nodeName);
  if (assignedA !== assignedB) return assignedA ? 1 : -1;
  const phaseA = PHASE_ORDER[pa.status?.phase ?? 'Pending'] ?? 0;
  const phaseB = PHASE_ORDER[pb.status?.phase ?? 'Pending'] ?? 0;
  if (phaseA !== phaseB) return phaseA - phaseB;
  const readyA = isPodReady(pa);
  const readyB = isPodReady(pb);
  if (readyA !== readyB) return readyA ? 1 : -1;
  const costDiff = deletionCost(pa) - deletionCost(pb);
  if (costDiff !== 0) return costDiff;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (readyA && readyB) {
    const byReady = compareNewerFirst(podReadySinceMs(pa), podReadySinceMs(pb), nowMs);
    if (byReady !== 0) return byReady;
  }
  const restarts = podRestartCount(pb) - podRestartCount(pa);
  if (restarts !== 0) return restarts;
  const byAge = compareNewerFirst(parseTime(pa.metadata?.creationTimestamp), parseTime(pb.metadata?.creationTimestamp), nowMs);
  if (byAge !== 0) return byAge;
  return (pa.metadata?.name ?? '').localeCompare(pb.metadata?.name ?? '');
}

/** Sorts `pods` for deletion; rank counts the active `related` pods on the same node. */
export function rankPodsForDeletion(pods: readonly ReadonlyPod[], related: readonly ReadonlyPod[], nowMs: number): ReadonlyPod[] {
  const perNode = new Map<string, number>();
  for (const pod of related) {
    const node = pod.spec?.nodeName ?? '';
    perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: perNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => comparePodsForDeletion(a, b, nowMs));
  return ranked.map((entry) => entry.pod);
}

function deletionCost(pod: ReadonlyPod): number {
  const value = pod.metadata?.annotations?.[POD_DELETION_COST_ANNOTATION];
  const cost = value === undefined ? 0 : Number.parseInt(value, 10);
  return Number.isFinite(cost) ? cost : 0;
}

/** Missing time first, then the more recent time first, compared in log2 buckets of age. */
function compareNewerFirst(aMs: number | undefined, bMs: number | undefined, nowMs: number): number {
  if (aMs === undefined || bMs === undefined) {
    if (aMs === bMs) return 0;
    return aMs === undefined ? -1 : 1;
  }
  return ageBucket(aMs, nowMs) - ageBucket(bMs, nowMs);
}

function ageBucket(ms: number, nowMs: number): number {
  const age = nowMs - ms;
  return age > 0 ? Math.floor(Math.log2(age)) : -1;
}
