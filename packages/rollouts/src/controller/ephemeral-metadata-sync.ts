// Pure ephemeral-metadata bookkeeping: what was injected into a pod template, and making it exactly what is desired.
import { copyJson, RolloutsAnnotation, type PodTemplateMetadata, type ReplicaSet } from '@aviary/kube';

export interface MetadataLike {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** The metadata injected earlier, from the RS annotation; undefined when absent or unreadable. */
export function parseInjectedMetadata(rs: ReplicaSet): PodTemplateMetadata | undefined {
  const text = rs.metadata?.annotations?.[RolloutsAnnotation.EphemeralMetadata];
  if (!text) return undefined;
  try {
    return JSON.parse(text) as PodTemplateMetadata;
  } catch {
    return undefined;
  }
}

/** Adds `desired` and removes what was injected before but is no longer desired; returns whether anything changed. */
export function syncEphemeralMetadata(meta: MetadataLike, existing: PodTemplateMetadata | undefined, desired: PodTemplateMetadata | undefined): boolean {
  let modified = false;
  for (const field of ['annotations', 'labels'] as const) {
    for (const [key, value] of Object.entries(desired?.[field] ?? {})) {
      const target = (meta[field] ??= {});
      if (target[key] !== value) {
        target[key] = value;
        modified = true;
      }
    }
    for (const key of Object.keys(existing?.[field] ?? {})) {
      if (desired?.[field]?.[key] !== undefined) continue;
      const target = meta[field];
      if (!target || !(key in target)) continue;
      delete target[key];
      modified = true;
    }
  }
  return modified;
}

/** Returns a copy of `rs` whose pod template carries exactly `desired` as ephemeral metadata, and whether it changed. */
export function withEphemeralMetadata(rs: ReplicaSet, desired: PodTemplateMetadata | undefined): { rs: ReplicaSet; modified: boolean } {
  const copy = copyJson(rs);
  const template = ((copy.spec ??= { selector: {} }).template ??= {});
  const meta = (template.metadata ??= {});
  if (!syncEphemeralMetadata(meta, parseInjectedMetadata(rs), desired)) return { rs: copy, modified: false };
  const annotations = ((copy.metadata ??= {}).annotations ??= {});
  if (desired) annotations[RolloutsAnnotation.EphemeralMetadata] = JSON.stringify(desired);
  else delete annotations[RolloutsAnnotation.EphemeralMetadata];
  return { rs: copy, modified: true };
}
