// Test helper: reads a golden-test input (multi-document YAML) and compares output with a golden file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AnalysisRun, Experiment, Pod, ReplicaSet, Rollout } from '@aviary/kube';
import { parseAllDocuments } from 'yaml';

/** The clock time every fixture is written against. */
export const fixtureNow = Date.parse('2026-08-20T12:00:00Z');

export interface FixtureObjects {
  rollouts: Rollout[];
  replicaSets: ReplicaSet[];
  pods: Pod[];
  analysisRuns: AnalysisRun[];
  experiments: Experiment[];
}

/** The objects of `testdata/<file>`, sorted into lists by kind. */
export function loadFixture(file: string): FixtureObjects {
  const text = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
  const objects: FixtureObjects = { rollouts: [], replicaSets: [], pods: [], analysisRuns: [], experiments: [] };
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const object = doc.toJS() as { kind?: string };
    if (object.kind === 'Rollout') objects.rollouts.push(object as Rollout);
    else if (object.kind === 'ReplicaSet') objects.replicaSets.push(object as ReplicaSet);
    else if (object.kind === 'Pod') objects.pods.push(object as Pod);
    else if (object.kind === 'AnalysisRun') objects.analysisRuns.push(object as AnalysisRun);
    else if (object.kind === 'Experiment') objects.experiments.push(object as Experiment);
    else throw new Error(`${file}: unexpected kind ${String(object.kind)}`);
  }
  return objects;
}

/**
 * The expected output in `testdata/<file>`. With UPDATE_GOLDEN=1 the file is (re)written from `actual` first,
 * to be reviewed by hand before committing.
 */
export function readGolden(file: string, actual: string): string {
  const url = new URL(`./${file}`, import.meta.url);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(url, actual);
  if (!existsSync(url)) throw new Error(`missing golden file testdata/${file} (run with UPDATE_GOLDEN=1)`);
  return readFileSync(url, 'utf8');
}

/** ANSI escapes made visible (`␛[32m`), so coloured goldens stay readable text. */
export function showEscapes(text: string): string {
  return text.replaceAll('\x1b', '␛');
}
