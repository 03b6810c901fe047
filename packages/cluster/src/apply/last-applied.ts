// Client-side → server-side apply migration for the `kubectl` manager, through kubectl's last-applied annotation.
//
// Follows apimachinery's lastappliedmanager.go (conflicts on fields the annotation already set to their
// live values are forced) and lastappliedupdater.go (the annotation is rewritten to the applied configuration).
import { copyJson } from '@aviary/kube';
import { compareObjects } from './compare.js';
import { fieldSetOf } from './field-set-of.js';
import type { FieldSet } from './field-set.js';
import { encodeGoJson, isJsonObject, type JsonObject } from './json-values.js';
import type { ListInfoProvider } from './list-info.js';

export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

/** Only kubectl's own server-side apply upgrades from (and keeps up to date) the client-side annotation. */
export const kubectlApplyManager = 'kubectl';

function annotationsOf(object: JsonObject): JsonObject | undefined {
  const metadata = object.metadata;
  return isJsonObject(metadata) && isJsonObject(metadata.annotations) ? metadata.annotations : undefined;
}

export function lastAppliedOf(object: JsonObject): string | undefined {
  const value = annotationsOf(object)?.[lastAppliedAnnotation];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The fields the last-applied annotation sets to exactly their live values: a `kubectl` apply may take
 * those from other managers without conflict. Undefined when there is no usable annotation.
 */
export function allowedConflictsFromLastApplied(options: {
  readonly live: JsonObject;
  readonly apiVersion: string;
  readonly listInfo: ListInfoProvider;
}): FieldSet | undefined {
  const text = lastAppliedOf(options.live);
  if (text === undefined) return undefined;
  try {
    const lastApplied: unknown = JSON.parse(text);
    if (!isJsonObject(lastApplied) || lastApplied.apiVersion !== options.apiVersion) return undefined;
    const set = fieldSetOf(lastApplied, options.listInfo);
    const comparison = compareObjects(lastApplied, options.live, options.listInfo);
    return set.difference(comparison.modified).difference(comparison.added).difference(comparison.removed);
  } catch {
    return undefined;
  }
}

/** The annotation value for an applied configuration: its JSON (without the annotation itself) and a newline. */
export function buildLastApplied(applied: JsonObject): string {
  const copy = copyJson(applied);
  const annotations = annotationsOf(copy);
  if (annotations) delete annotations[lastAppliedAnnotation];
  return `${encodeGoJson(copy)}\n`;
}

/** Sets the annotation on `object` (in place) when it already has one. */
export function refreshLastApplied(object: JsonObject, applied: JsonObject): void {
  const annotations = annotationsOf(object);
  if (annotations && lastAppliedOf(object) !== undefined) annotations[lastAppliedAnnotation] = buildLastApplied(applied);
}
