// The resource registry: what the API server serves.
export * from './resource-info.js';
export * from './builtin-resources.js';
export * from './resource-registry.js';
