// Pod-template and steps hashes as upstream Argo Rollouts computes them (best-effort Go JSON parity).
export { computePodTemplateHash, computeStepsHash, fnv1a32, podTemplateJson, safeEncodeString } from './pod-template-hash.js';
export { encodeTyped as encodeGoJson } from './go-json.js';
