// Test helper: reads a multi-document YAML file from this folder into plain objects (Node only; tests only).
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/** Every document of `testdata/<file>`, as JSON-compatible values. */
export function loadManifests(file: string): unknown[] {
  const text = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as unknown;
  });
}

/** The documents of `file` whose kind is `kind`, typed as T by the caller. */
export function loadKind<T>(file: string, kind: string): T[] {
  return loadManifests(file).filter((d) => (d as { kind?: unknown }).kind === kind) as T[];
}
