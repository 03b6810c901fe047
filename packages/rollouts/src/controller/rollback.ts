// Recognising rollbacks: the desired template is the stable one, or an older ReplicaSet inside the rollback window.
// Upstream: rollout/sync.go (isRollback, isFastRollback, isRollbackWithinWindow).
import { RolloutsAnnotation, type ReplicaSet } from '@aviary/kube';
import type { RolloutContext } from './context.js';
import { podHashOf } from './replicasets.js';
import { parseTime } from './time-format.js';

const createdAt = (rs: ReplicaSet): number => parseTime(rs.metadata?.creationTimestamp) ?? 0;

/** newRS is the stable RS, or older than it. (Also true for a fully promoted rollout — only meaningful mid-update.) */
export function isRollback(ctx: RolloutContext): boolean {
  const { newRS, stableRS } = ctx;
  if (!newRS || !stableRS) return false;
  return ctx.rollout.status?.stableRS === podHashOf(newRS) || createdAt(newRS) < createdAt(stableRS);
}

/** Moving back to an RS created before stable, with fewer than rollbackWindow.revisions RSs in between. */
export function isRollbackWithinWindow(ctx: RolloutContext): boolean {
  const { newRS, stableRS } = ctx;
  if (!newRS || !stableRS || !(createdAt(newRS) < createdAt(stableRS))) return false;
  const revisions = ctx.rollout.spec.rollbackWindow?.revisions ?? 0;
  if (revisions <= 0) return false;
  const between = ctx.allRSs.filter((rs) => !rs.metadata?.annotations?.[RolloutsAnnotation.ExperimentName] && createdAt(rs) < createdAt(stableRS) && createdAt(newRS) < createdAt(rs));
  return between.length < revisions;
}

/** A rollback that may skip steps and analysis. */
export function isFastRollback(ctx: RolloutContext): boolean {
  if (!isRollback(ctx)) return false;
  const withinDelay = ctx.newRSWithinDelay && Boolean(ctx.rollout.spec.strategy.blueGreen);
  return isRollbackWithinWindow(ctx) || withinDelay || ctx.rollout.status?.stableRS === podHashOf(ctx.newRS);
}
