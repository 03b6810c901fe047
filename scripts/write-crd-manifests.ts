// Writes manifests/crds/<plural>.argoproj.io.yaml from the CRD objects in packages/cluster/src/crds (run: npx tsx scripts/write-crd-manifests.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderCrdManifests } from '../packages/cluster/src/crds/index.js';

/** The folder the manifests live in, relative to the repository root. */
export const crdManifestDir = resolve(import.meta.dirname, '..', 'manifests', 'crds');

function writeCrdManifests(): void {
  mkdirSync(crdManifestDir, { recursive: true });
  for (const manifest of renderCrdManifests()) {
    writeFileSync(join(crdManifestDir, manifest.fileName), manifest.text);
    console.log(`wrote manifests/crds/${manifest.fileName}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) writeCrdManifests();
