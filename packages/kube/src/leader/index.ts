// Leader election over a coordination.k8s.io/v1 Lease.
export * from './leader-election-config.js';
export * from './leader-elector.js';
