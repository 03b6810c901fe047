// @aviary/cluster/testing: helpers for end-to-end tests against the embedded cluster.
export * from './kubectl.js';
