// The pod-template hash and the steps hash, computed the way upstream Argo Rollouts computes them.
// Upstream: utils/hash/hash.go (ComputePodTemplateHash), utils/conditions (ComputeStepHash), apimachinery rand.SafeEncodeString.
//
// Byte-exact parity with Go is best effort: the JSON is produced by a Go-shaped encoder (go-json.ts) whose
// field tables may lag new Kubernetes fields, and quantities are only lightly canonicalized. The controller
// tolerates drift: it finds the new ReplicaSet by hash first and then by pod-template equality
// (see controller/replicasets.ts findNewReplicaSet), so an RS created by upstream is adopted, not duplicated.
import type { CanaryStep, PodTemplateSpec } from '@aviary/kube';
import { encodeTyped } from './go-json.js';

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** apimachinery's alphabet without vowels and look-alikes, so hashes never spell words. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a, 32 bits, continuing from `seed` (so several writes can be chained as in Go's hash.Hash32). */
export function fnv1a32(bytes: Uint8Array, seed: number = FNV_OFFSET_BASIS): number {
  let hash = seed >>> 0;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}

/** Maps every character through the safe alphabet (by char code modulo 27): `"0123"` → `"4567"`. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** The JSON Go would marshal for a PodTemplateSpec. */
export function podTemplateJson(template: PodTemplateSpec | undefined): string {
  return memoizedGoJson(template ?? {}, 'PodTemplateSpec');
}

/**
 * Every sync hashes the rollout's template and steps several times, and the Go-shaped encoding is most of a
 * sync's CPU when done afresh. Frozen inputs (informer objects) are remembered by identity; others, and new
 * versions of the same rollout (each status write makes a new object), by their JSON.stringify text.
 */
const goJsonByIdentity = new WeakMap<object, string>();
const goJsonByText = new Map<string, string>();
const goJsonByTextCapacity = 1_024;

function memoizedGoJson(value: object, type: string): string {
  const frozen = Object.isFrozen(value);
  const known = frozen ? goJsonByIdentity.get(value) : undefined;
  if (known !== undefined) return known;
  const text = `${type}:${JSON.stringify(value)}`;
  let json = goJsonByText.get(text);
  if (json === undefined) {
    json = encodeTyped(value, type);
    if (goJsonByText.size >= goJsonByTextCapacity) goJsonByText.clear();
    goJsonByText.set(text, json);
  }
  if (frozen) goJsonByIdentity.set(value, json);
  return json;
}

/**
 * The `rollouts-pod-template-hash` of a template: FNV-1a over its Go JSON, then (when a collision count is
 * set) 8 more bytes — the count as little-endian uint32 and 4 zero bytes — printed in decimal and safe-encoded.
 */
export function computePodTemplateHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  let hash = memoizedFnv(template ?? {}, 'PodTemplateSpec');
  if (collisionCount !== undefined && collisionCount !== null) {
    const extra = new Uint8Array(8);
    new DataView(extra.buffer).setUint32(0, collisionCount >>> 0, true);
    hash = fnv1a32(extra, hash);
  }
  return safeEncodeString(String(hash));
}

/** FNV-1a of `null`, the Go JSON of a nil step slice. */
const NO_STEPS_FNV = fnv1a32(new TextEncoder().encode('null'));

/** The `status.currentStepHash` of canary steps (`null` JSON when there are none, as Go marshals a nil slice). */
export function computeStepsHash(steps: readonly CanaryStep[] | undefined): string {
  const hash = steps === undefined || steps === null ? NO_STEPS_FNV : memoizedFnv(steps, '[]CanaryStep');
  return safeEncodeString(String(hash));
}

/** FNV-1a of the Go JSON of `value`; for frozen values remembered by identity, like the JSON itself. */
const fnvByIdentity = new WeakMap<object, number>();

function memoizedFnv(value: object, type: string): number {
  const known = fnvByIdentity.get(value);
  if (known !== undefined) return known;
  const hash = fnv1a32(new TextEncoder().encode(memoizedGoJson(value, type)));
  if (Object.isFrozen(value)) fnvByIdentity.set(value, hash);
  return hash;
}
