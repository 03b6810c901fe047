// The committed manifests/crds/*.yaml must be exactly what scripts/write-crd-manifests.ts writes today.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderCrdManifests } from '../packages/cluster/src/crds/index.js';
import { crdManifestDir } from './write-crd-manifests.js';

describe('manifests/crds', () => {
  const manifests = renderCrdManifests();

  it('holds one file per CRD and nothing else', () => {
    const committed = readdirSync(crdManifestDir).filter((name) => name.endsWith('.yaml')).sort();
    expect(committed).toEqual(manifests.map((manifest) => manifest.fileName).sort());
  });

  it.each(manifests.map((manifest) => [manifest.fileName, manifest] as const))(
    '%s is up to date (run `npx tsx scripts/write-crd-manifests.ts` after changing the CRDs)',
    (fileName, manifest) => {
      expect(readFileSync(join(crdManifestDir, fileName), 'utf8')).toBe(manifest.text);
    },
  );

  it('writes plain YAML without anchors, parseable back to the CRD', () => {
    for (const manifest of manifests) {
      expect(manifest.text).not.toMatch(/^\s*[^#\n]*[&*][a-z]+\d*\s*$/m);
      const crd = parse(manifest.text) as { kind: string; spec: { group: string } };
      expect(crd.kind).toBe('CustomResourceDefinition');
      expect(crd.spec.group).toBe('argoproj.io');
    }
  });
});
