// spec.restartAt: delete (the Eviction API is not in the client yet) pods created before it, within maxUnavailable.
// Upstream: rollout/restart.go (RolloutPodRestarter).
import { isNotFound, Resources, type Pod } from '@aviary/kube';
import { maxUnavailable, replicasOrDefault } from '../replicas/index.js';
import type { RolloutContext } from './context.js';
import { specReplicasOf } from './replicasets.js';
import { formatSelector } from './selector-format.js';
import { parseTime } from './time-format.js';

const restartPodCheckMs = 30_000;

/** Ready for at least minReadySeconds. */
function isAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  const ready = pod.status?.conditions?.find((condition) => condition.type === 'Ready');
  if (ready?.status !== 'True') return false;
  if (minReadySeconds === 0) return true;
  const since = parseTime(ready.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 <= nowMs;
}

/**
 * Restarts pods older than spec.restartAt, at most as many as availability allows, and returns how many it
 * restarted (a positive count ends this reconcile). Sets status.restartedAt once no old pod is left.
 */
export async function reconcilePodRestarts(ctx: RolloutContext): Promise<number> {
  const { rollout } = ctx;
  const now = ctx.deps.clock.now();
  const restartAt = parseTime(rollout.spec.restartAt);
  if (restartAt === undefined) return 0;
  if (now < restartAt) {
    if (restartAt - now < ctx.deps.resyncPeriodMs) ctx.deps.enqueueAfter(ctx.key, restartAt - now);
    return 0;
  }
  if (parseTime(rollout.status?.restartedAt) === restartAt) return 0;
  const ownerUids = new Set(ctx.allRSs.map((rs) => rs.metadata?.uid).filter(Boolean));
  const list = await ctx.deps.client.list<Pod>(Resources.pods, { namespace: rollout.metadata?.namespace, labelSelector: formatSelector(rollout.spec.selector).replace('<none>', '') });
  const pods = list.items.filter((pod) => pod.metadata?.ownerReferences?.some((ref) => ownerUids.has(ref.uid)));
  const totalReplicas = ctx.allRSs.reduce((sum, rs) => sum + specReplicasOf(rs), 0);
  const available = pods.filter((pod) => isAvailable(pod, rollout.spec.minReadySeconds ?? 0, now)).length;
  let canRestart = available - (Math.max(replicasOrDefault(rollout.spec.replicas), totalReplicas) - Math.max(maxUnavailable(rollout), 1));
  let needsRestart = 0;
  let restarted = 0;
  for (const pod of pods) {
    if ((parseTime(pod.metadata?.creationTimestamp) ?? 0) >= restartAt) continue;
    needsRestart++;
    if (canRestart <= 0 || pod.metadata?.deletionTimestamp) continue;
    try {
      await ctx.deps.client.delete(Resources.pods, pod.metadata?.name ?? '', pod.metadata?.namespace);
    } catch (err: unknown) {
      if (!isNotFound(err)) throw err;
    }
    canRestart--;
    restarted++;
  }
  if (needsRestart - restarted !== 0) ctx.deps.enqueueAfter(ctx.key, restartPodCheckMs);
  else ctx.newStatus.restartedAt = rollout.spec.restartAt;
  return restarted;
}
