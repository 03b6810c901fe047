// argoproj.io/v1alpha1 types: Rollout, AnalysisTemplate, ClusterAnalysisTemplate, AnalysisRun, Experiment and their constants.
export * from './analysis-providers.js';
export * from './analysis.js';
export * from './experiment.js';
export * from './rollout.js';
export * from './rollout-traffic-routing.js';
export * from './rollout-status.js';
export * from './rollout-conditions.js';
export * from './well-known-keys.js';
