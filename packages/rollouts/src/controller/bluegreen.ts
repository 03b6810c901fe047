// The blue-green strategy as a checklist: preview first, then ReplicaSets, the pause, the active switch, analysis,
// ephemeral metadata and the status — all in one pass, as upstream does.
// Upstream: rollout/bluegreen.go (rolloutBlueGreen), rollout/sync.go (syncReplicasOnly, blue-green branch).
import { reconcileBlueGreenAnalysisRuns } from './bluegreen-analysis.js';
import { reconcileBlueGreenPause } from './bluegreen-pause.js';
import { reconcileBlueGreenReplicaSets } from './bluegreen-scaling.js';
import { getPreviewAndActiveServices, reconcileActiveService, reconcilePreviewService } from './bluegreen-services.js';
import { podSpecChanged, replicasOnlyStatus, syncRolloutStatusBlueGreen } from './bluegreen-status.js';
import type { RolloutContext } from './context.js';
import { reconcileEphemeralMetadata } from './ephemeral-metadata.js';
import { syncReplicaSetRevision } from './replicaset-create.js';
import { reconcilePodRestarts } from './restart.js';
import { persistRolloutStatus } from './status.js';

/** Reconciles a blue-green rollout: one checklist pass, ending with the status. */
export async function rolloutBlueGreen(ctx: RolloutContext): Promise<void> {
  const services = await getPreviewAndActiveServices(ctx);
  await syncReplicaSetRevision(ctx);
  await reconcilePreviewService(ctx, services); // right after the new RS exists
  if (podSpecChanged(ctx)) return syncRolloutStatusBlueGreen(ctx, services); // a new update: reset the status first
  await reconcilePodRestarts(ctx); // blue-green carries on while pods restart (upstream ignores the count)
  await reconcileBlueGreenReplicaSets(ctx);
  reconcileBlueGreenPause(ctx, services.active);
  await reconcileActiveService(ctx, services);
  // Seam: AWS target-group verification of the active Service (awsVerifyTargetGroups) goes here once ALB exists.
  await reconcileBlueGreenAnalysisRuns(ctx);
  await reconcileEphemeralMetadata(ctx);
  return syncRolloutStatusBlueGreen(ctx, services);
}

/** A scaling event: ReplicaSets resized to the new spec.replicas, counts taken from the active RS; nothing else. */
export async function syncBlueGreenReplicasOnly(ctx: RolloutContext): Promise<void> {
  try {
    await getPreviewAndActiveServices(ctx);
  } catch {
    return; // as upstream: without its Services a scaling event is dropped, not retried
  }
  await reconcileBlueGreenReplicaSets(ctx);
  return persistRolloutStatus(ctx, replicasOnlyStatus(ctx));
}
