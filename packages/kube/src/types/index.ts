// Object types: meta/v1, core/v1, apps/v1, batch/v1, networking, coordination, apiextensions and argoproj.io/v1alpha1.
export * from './meta.js';
export * from './scalars.js';
export * from './core-common.js';
export * from './core-container.js';
export * from './core-volume.js';
export * from './core-scheduling.js';
export * from './core-pod.js';
export * from './core-service.js';
export * from './core-config.js';
export * from './core-cluster.js';
export * from './core-event.js';
export * from './apps.js';
export * from './batch.js';
export * from './networking.js';
export * from './coordination.js';
export * from './apiextensions.js';
export * from './argoproj/index.js';
