// Replica math for canary and blue-green updates: pure functions of the rollout and its ReplicaSets.
export * from './int-or-percent.js';
export * from './surge.js';
export * from './canary-weight.js';
export { approximateWeightedCounts, basicCanaryReplicaCounts, hasSeparateStable } from './basic-canary.js';
export { trafficRoutedCanaryReplicaCounts, withMinPods } from './traffic-routed-canary.js';
export * from './replica-counts.js';
