// Tests for validateRolloutManifest: multi-document files, Services from the same file, unreadable YAML, valid seeds.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatFieldError } from './field-error.js';
import { validateRolloutManifest } from './manifest-validation.js';

const here = dirname(fileURLToPath(import.meta.url));
const seedsDir = join(here, '../../../cluster/src/crds/testdata');

describe('validateRolloutManifest', () => {
  it('reports every error of every Rollout with its field', () => {
    const results = validateRolloutManifest(readFileSync(join(here, 'testdata/invalid-rollouts.yaml'), 'utf8'));
    expect(results.map((r) => [r.index, r.kind, r.name, r.errors.map(formatFieldError)])).toEqual([
      [
        0,
        'Rollout',
        'zero-surge',
        [
          'spec.strategy.maxSurge: Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero',
          'spec.strategy.steps[0].setWeight: Invalid value: 120: SetWeight needs to be between 0 and 100',
          'spec.strategy.canary.canaryService: Invalid value: "zero-surge-canary": Service "zero-surge-canary" has unmatch label "app" in rollout',
        ],
      ],
      [1, 'Service', 'zero-surge-canary', []],
      [3, 'Rollout', 'no-strategy', ["spec.strategy.strategy: Required value: Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'"]],
    ]);
  });

  it('does not report Services the file does not define', () => {
    const text = readFileSync(join(seedsDir, 'nginx-rollout.yaml'), 'utf8');
    expect(validateRolloutManifest(text).flatMap((r) => r.errors)).toEqual([]);
  });

  it('reports a document that is not valid YAML', () => {
    const [result] = validateRolloutManifest('kind: Rollout\nspec: [unclosed\n');
    expect(result?.parseError).toBeTruthy();
    expect(result?.errors).toEqual([]);
  });

  it('reads JSON documents too', () => {
    const text = JSON.stringify({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'j' }, spec: {} });
    expect(validateRolloutManifest(text)[0]?.errors.map(formatFieldError)).toContain("spec.selector: Required value: Rollout has missing field '.spec.selector'");
  });

  const seeds = readdirSync(seedsDir).filter((file) => file.endsWith('.yaml'));
  it.each(seeds)('finds nothing wrong in the seed manifest %s', (file) => {
    const results = validateRolloutManifest(readFileSync(join(seedsDir, file), 'utf8'));
    expect(results.flatMap((r) => [...(r.parseError ? [r.parseError] : []), ...r.errors.map(formatFieldError)])).toEqual([]);
  });
});
