// User actions shared by the kubectl-argo-rollouts CLI and the dashboard: the same spec and status changes upstream's plugin makes.
export * from './action-types.js';
export * from './action-errors.js';
export { promoteRollout, promotePatches, type PromoteOptions, type PromotePatches } from './promote-rollout.js';
export { abortRollout, retryRollout, pauseRollout, resumeRollout, restartRollout, formatRfc3339, type RestartOptions } from './rollout-actions.js';
export { setRolloutImage, withContainerImage, type SetImageOptions, type SetImageResult } from './set-image.js';
export { undoRollout, type UndoOptions, type UndoResult } from './undo-rollout.js';
export { retryExperiment } from './retry-experiment.js';
