// The Rollout controller: startRolloutController, the per-key sync, and the seams other modules plug into.
export { startRolloutController, DEFAULT_ROLLOUT_RESYNC_MS, type RolloutControllerHandle, type RolloutControllerOptions } from './rollout-controller.js';
export { syncRollout } from './sync.js';
export { RolloutVersionTracker, type ControllerDeps, type RolloutContext, type CurrentAnalysisRuns } from './context.js';
export { createRolloutInformers, informerClusterView, isControlledBy, type ClusterView, type RolloutInformers, type RolloutOwner } from './cluster-view.js';
export { validateRolloutSpec, type ValidateRollout } from './validation-hook.js';
export { RolloutMessage } from './events.js';
export { pauseDurationSeconds, parseGoDuration } from './pause.js';
export { findNewReplicaSet, podTemplateEqualIgnoreHash } from './replicasets.js';
export { normalizeStatus } from './status-patch.js';
