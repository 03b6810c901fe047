// The Argo Rollouts CRDs as objects, their registry entries, and the manifests kept for real clusters.
export { argoprojCrds, argoprojGroup, argoprojVersion } from './argoproj-crds.js';
export { resourceInfosFromCrd } from './resource-infos-from-crd.js';
export { renderCrdManifests, type CrdManifest } from './crd-manifests.js';
