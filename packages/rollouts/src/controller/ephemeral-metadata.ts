// Ephemeral canary/stable metadata: injected into ReplicaSet pod templates and patched onto their running pods.
// Upstream: rollout/ephemeralmetadata.go, utils/replicaset/canary.go (SyncEphemeralPodMetadata).
import { copyJson, PatchType, Resources, RolloutsAnnotation, type Pod, type PodTemplateMetadata, type ReplicaSet } from '@aviary/kube';
import type { RolloutContext } from './context.js';
import { parseInjectedMetadata, syncEphemeralMetadata, withEphemeralMetadata, type MetadataLike } from './ephemeral-metadata-sync.js';
import { updateReplicaSet } from './replicasets.js';

function hasEphemeralMetadataConfigured(ctx: RolloutContext): boolean {
  const { canary, blueGreen } = ctx.rollout.spec.strategy;
  if (canary) return Boolean(canary.canaryMetadata || canary.stableMetadata);
  return Boolean(blueGreen?.previewMetadata || blueGreen?.activeMetadata);
}

/**
 * newRS gets canary (preview) metadata while an update is in flight and stable (active) metadata once it is
 * the stable; the stable RS keeps stable metadata; every other RS loses what was injected.
 */
export async function reconcileEphemeralMetadata(ctx: RolloutContext): Promise<void> {
  if (!hasEphemeralMetadataConfigured(ctx)) return; // nothing configured: never touch pods
  const { canary, blueGreen } = ctx.rollout.spec.strategy;
  const newMetadata = canary ? canary.canaryMetadata : blueGreen?.previewMetadata;
  const stableMetadata = canary ? canary.stableMetadata : blueGreen?.activeMetadata;
  const stableHash = ctx.rollout.status?.stableRS ?? '';
  const fullyRolledOut = stableHash === '' || stableHash === podHashOf(ctx.newRS);
  if (fullyRolledOut) await syncReplicaSetMetadata(ctx, ctx.newRS, stableMetadata);
  else {
    await syncReplicaSetMetadata(ctx, ctx.newRS, newMetadata);
    await syncReplicaSetMetadata(ctx, ctx.stableRS, stableMetadata);
  }
  for (const rs of ctx.otherRSs) await syncReplicaSetMetadata(ctx, rs, undefined);
}

async function syncReplicaSetMetadata(ctx: RolloutContext, rs: ReplicaSet | undefined, desired: PodTemplateMetadata | undefined): Promise<void> {
  if (!rs) return;
  const existing = parseInjectedMetadata(rs);
  const { rs: modifiedRS, modified } = withEphemeralMetadata(rs, desired);
  if (modified) await updateReplicaSet(ctx, rs, modifiedRS);
  if ((rs.spec?.replicas ?? 1) === 0) return;
  await patchPodsOf(ctx, rs, existing, desired);
}

/** Patches pods owned by `rs` whose labels/annotations differ from the desired ephemeral metadata. */
async function patchPodsOf(ctx: RolloutContext, rs: ReplicaSet, existing: PodTemplateMetadata | undefined, desired: PodTemplateMetadata | undefined): Promise<void> {
  const namespace = rs.metadata?.namespace;
  const hash = podHashOf(rs);
  if (!namespace || !hash) return;
  const pods = await ctx.deps.client.list<Pod>(Resources.pods, { namespace, labelSelector: `${RolloutsLabelKey}=${hash}` });
  for (const pod of pods.items) {
    if (!pod.metadata?.ownerReferences?.some((ref) => ref.controller && ref.uid === rs.metadata?.uid)) continue;
    const meta: MetadataLike = copyJson({ labels: pod.metadata.labels ?? {}, annotations: pod.metadata.annotations ?? {} });
    if (!syncEphemeralMetadata(meta, existing, desired)) continue;
    const patch = { metadata: { labels: nullsForRemoved(pod.metadata.labels, meta.labels), annotations: nullsForRemoved(pod.metadata.annotations, meta.annotations) } };
    await ctx.deps.client.patch(Resources.pods, pod.metadata.name ?? '', namespace, patch, PatchType.Merge);
  }
}

function nullsForRemoved(before: Record<string, string> | undefined, after: Record<string, string> | undefined): Record<string, string | null> {
  const out: Record<string, string | null> = { ...(after ?? {}) };
  for (const key of Object.keys(before ?? {})) if (!(key in out)) out[key] = null;
  return out;
}

const RolloutsLabelKey = 'rollouts-pod-template-hash';

function podHashOf(rs: ReplicaSet | undefined): string {
  return rs?.metadata?.labels?.[RolloutsLabelKey] ?? '';
}
