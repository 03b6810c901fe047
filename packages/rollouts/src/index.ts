// @aviary/rollouts: the Rollout controller, its replica math, and the actions shared by the CLI and the dashboard.
export * from './replicas/index.js';
export * from './status/index.js';
export * from './hash/index.js';
export * from './controller/index.js';
export * from './info/index.js';
export * from './actions/index.js';
export * from './validation/index.js';
export * from './cli/get/index.js';
