// Ownership and annotation readers shared by the view models.
// Upstream: pkg/kubectl-argo-rollouts/info/info.go (ownerRef, parseRevision, parseExperimentTemplateName).
import { RolloutsAnnotation, type KubeObject } from '@aviary/kube';

/** The uid of the first owner reference pointing at one of `uids`, or undefined. */
export function ownerUidIn(object: KubeObject, uids: ReadonlySet<string>): string | undefined {
  for (const ref of object.metadata?.ownerReferences ?? []) {
    if (ref.uid && uids.has(ref.uid)) return ref.uid;
  }
  return undefined;
}

/** The `rollout.argoproj.io/revision` annotation as a number; 0 when absent or not an integer. */
export function revisionOf(object: KubeObject): number {
  const text = object.metadata?.annotations?.[RolloutsAnnotation.Revision];
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return 0;
  return Number.parseInt(text, 10);
}

/** Milliseconds of a creation timestamp, 0 when absent (sorts first, like Go's zero time). */
export function createdAt(object: { creationTimestamp?: string }): number {
  const ms = object.creationTimestamp ? Date.parse(object.creationTimestamp) : Number.NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

/** Plain string order (byte order for ASCII names), as Go compares strings. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
