// View models of Rollouts, ReplicaSets, pods, AnalysisRuns and Experiments, shared by the CLI and the dashboard.
export * from './icons.js';
export { humanDuration, ageOf } from './human-duration.js';
export * from './pod-info.js';
export * from './replicaset-info.js';
export * from './analysisrun-info.js';
export * from './experiment-info.js';
export * from './images.js';
export * from './step-info.js';
export * from './rollout-info.js';
export * from './list-info.js';
