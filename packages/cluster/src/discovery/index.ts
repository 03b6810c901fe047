// Discovery for the embedded API server: Accept negotiation, aggregated (v2, v2beta1) and legacy documents.
export * from './discovery-negotiation.js';
export * from './aggregated-discovery.js';
export * from './legacy-discovery.js';
export { compareVersions, discoveredGroups, storageVersionHash, subresourcesOf } from './discovery-groups.js';
export { discoveryPathHandler } from './discovery-handler.js';
