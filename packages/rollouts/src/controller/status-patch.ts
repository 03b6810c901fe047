// Writing rollout status: normalised like Go's omitempty JSON, diffed, and sent as a merge patch of the status subresource.
// Upstream: rollout/sync.go (persistRolloutStatus, patchCondition use diff.CreateTwoWayMergePatch).
import { copyJson, createMergePatch, isEmptyMergePatch, PatchType, Resources, type Rollout, type RolloutStatus } from '@aviary/kube';
import { rolloutPhase } from '../status/index.js';
import type { RolloutContext } from './context.js';
import { acceptServerRollout } from './workload-ref.js';

/** Fields Go writes even when empty: the non-pointer canary and blueGreen structs. */
const alwaysPresent = new Set(['canary', 'blueGreen']);
/** Pointer fields where 0 is a real value. */
const keepZero = new Set(['currentStepIndex', 'collisionCount', 'weight']);

function normalize(value: unknown, key: string): unknown {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => normalize(item, '')).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const normalized = normalize(v, k);
      if (normalized !== undefined) out[k] = normalized;
    }
    return Object.keys(out).length === 0 && !alwaysPresent.has(key) ? undefined : out;
  }
  if (value === false || value === '') return undefined;
  if (value === 0 && !keepZero.has(key)) return undefined;
  return value;
}

/** The status as Go would serialise it: no empty strings, false, zero counts or empty lists; canary/blueGreen always. */
export function normalizeStatus(status: RolloutStatus | undefined): RolloutStatus {
  const out = (normalize(status ?? {}, '') ?? {}) as RolloutStatus;
  out.canary ??= {};
  out.blueGreen ??= {};
  return out;
}

/**
 * Stamps observedGeneration, phase and message on `newStatus`, then patches what differs from the current status.
 * Returns false (and sends nothing) when nothing changed.
 */
export async function patchRolloutStatus(ctx: RolloutContext, newStatus: RolloutStatus): Promise<boolean> {
  newStatus.observedGeneration = String(ctx.rollout.metadata?.generation ?? 0);
  const { phase, message } = rolloutPhase({ ...ctx.rollout, status: newStatus });
  newStatus.phase = phase;
  newStatus.message = message;
  // newStatus is built from rollout.status, so a deferred change is in it (or was superseded): diff against the server's.
  const base = ctx.deferredStatusBase ?? ctx.rollout.status;
  ctx.deferredStatusBase = undefined;
  const patch = createMergePatch({ status: normalizeStatus(base) }, { status: normalizeStatus(newStatus) });
  if (isEmptyMergePatch(patch)) return false;
  const updated = await ctx.deps.client.patch<Rollout>(Resources.rollouts, ctx.rollout.metadata?.name ?? '', ctx.rollout.metadata?.namespace, patch, PatchType.Merge, { subresource: 'status' });
  ctx.deps.versions.record(ctx.key, updated.metadata?.resourceVersion);
  acceptServerRollout(ctx, updated);
  ctx.written = true;
  return true;
}

/**
 * Makes a status change on the in-memory rollout and leaves it to the sync's status patch (one status write per
 * sync instead of upstream's immediate patchCondition). `change` mutates `rollout.status`.
 */
export function deferRolloutStatusChange(ctx: RolloutContext, change: (status: RolloutStatus) => void): void {
  ctx.deferredStatusBase ??= copyJson(ctx.rollout.status ?? {});
  change((ctx.rollout.status ??= {}));
}

/** Writes a deferred status change that no status patch of this sync carried (the sync ended without one). */
export async function flushDeferredStatus(ctx: RolloutContext): Promise<void> {
  const base = ctx.deferredStatusBase;
  if (base === undefined) return;
  ctx.deferredStatusBase = undefined;
  const patch = createMergePatch({ status: normalizeStatus(base) }, { status: normalizeStatus(ctx.rollout.status) });
  if (isEmptyMergePatch(patch)) return;
  const updated = await ctx.deps.client.patch<Rollout>(Resources.rollouts, ctx.rollout.metadata?.name ?? '', ctx.rollout.metadata?.namespace, patch, PatchType.Merge, { subresource: 'status' });
  ctx.deps.versions.record(ctx.key, updated.metadata?.resourceVersion);
  acceptServerRollout(ctx, updated);
  ctx.written = true;
}
