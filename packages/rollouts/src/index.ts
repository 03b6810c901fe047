// @aviary/rollouts: the Rollout controller, its replica math, and the actions shared by the CLI and the dashboard.
export * from './replicas/index.js';
export * from './status/index.js';
