// Patches: RFC 6902 JSON patch, RFC 7386 merge patch and Kubernetes strategic merge patch.
export * from './json-patch.js';
export * from './merge-patch.js';
export * from './strategic-merge.js';
export { copyJson, setOwnMember } from './json-values.js';
