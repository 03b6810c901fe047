// Rollout status computations: phase and message, and step descriptions.
export * from './rollout-phase.js';
