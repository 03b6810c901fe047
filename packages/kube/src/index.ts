// @aviary/kube: Kubernetes and argoproj types and the controller runtime every Aviary controller is built on.
export * from './types/index.js';
export * from './client/index.js';
export * from './errors/index.js';
export * from './clock/index.js';
export * from './labels/index.js';
export * from './patch/index.js';
export * from './informer/index.js';
export * from './queue/index.js';
export * from './controller/index.js';
export * from './leader/index.js';
export * from './events/index.js';
export * from './format/index.js';
export * from './process/index.js';
