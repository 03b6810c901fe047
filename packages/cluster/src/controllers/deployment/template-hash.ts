// The pod-template-hash: a stable name for a pod template, used in ReplicaSet names, selectors and pod labels.
import type { DeepReadonly, PodTemplateSpec } from '@aviary/kube';
import { canonicalJson } from '../shared/canonical-json.js';

export { canonicalJson };

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** rand.SafeEncodeString's alphabet: no vowels (no words) and no look-alike characters. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * FNV-32a over the template's canonical JSON (keys sorted), plus the collision count, spelled in
 * the safe alphabet the way upstream ComputeHash spells its decimal digest. Aviary's hash differs
 * from a real cluster's value but has the same shape (`5d59d67564`) and stability.
 */
export function computeTemplateHash(template: DeepReadonly<PodTemplateSpec> | undefined, collisionCount?: number): string {
  let hash = fnv32a(0x811c9dc5, canonicalJson(template ?? {}));
  if (collisionCount !== undefined) hash = fnv32a(hash, String(collisionCount));
  return [...String(hash)].map((digit) => SAFE_ALPHABET[digit.charCodeAt(0) % SAFE_ALPHABET.length]).join('');
}

function fnv32a(seed: number, text: string): number {
  let hash = seed;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Templates equal once the hash label is ignored (EqualIgnoreHash). */
export function templatesEqualIgnoringHash(a: DeepReadonly<PodTemplateSpec> | undefined, b: DeepReadonly<PodTemplateSpec> | undefined): boolean {
  return canonicalJson(withoutHash(a)) === canonicalJson(withoutHash(b));
}

function withoutHash(template: DeepReadonly<PodTemplateSpec> | undefined): unknown {
  const copy = structuredClone(template ?? {}) as PodTemplateSpec;
  const labels = copy.metadata?.labels;
  if (labels !== undefined) {
    delete labels[POD_TEMPLATE_HASH_LABEL];
    if (Object.keys(labels).length === 0) delete copy.metadata!.labels;
  }
  if (copy.metadata !== undefined && Object.keys(copy.metadata).length === 0) delete copy.metadata;
  return copy;
}
