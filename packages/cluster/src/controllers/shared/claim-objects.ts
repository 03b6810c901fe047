// Claiming: a controller adopts orphans its selector matches and releases what it owns but no longer matches
// (pkg/controller/controller_ref_manager.go ClaimObject).
import { PatchType, isNotFound, type DeepReadonly, type KubeClient, type KubeObject, type LabelMatcher, type ResourceType } from '@aviary/kube';
import { controllerOf, controllerReference } from './owner-reference.js';

export interface ClaimOptions<T extends KubeObject> {
  client: KubeClient;
  /** The kind being claimed (pods, replicasets). */
  type: ResourceType;
  owner: DeepReadonly<KubeObject>;
  ownerType: ResourceType;
  selector: LabelMatcher;
  /** Candidates: the objects in the owner's namespace. */
  candidates: readonly DeepReadonly<T>[];
}

/** Claim finished with some adopt/release calls failing; the claimed objects are still returned. */
export class ClaimError extends Error {
  override readonly name = 'ClaimError';
  constructor(readonly errors: readonly unknown[]) {
    super(`claiming objects failed: ${errors.map((err) => (err instanceof Error ? err.message : String(err))).join('; ')}`, { cause: errors[0] });
  }
}

/** The owner was deleted or replaced since it was cached, so it must not adopt anything. */
export class CannotAdoptError extends Error {
  override readonly name = 'CannotAdoptError';
}

export interface ClaimResult<T> {
  claimed: DeepReadonly<T>[];
  /** Adopt/release failures (other than not-found); the caller should requeue. */
  error?: ClaimError;
}

/**
 * Returns the objects the owner controls after adopting orphans that match and releasing owned ones
 * that no longer match. Objects controlled by someone else are never touched. Before the first
 * adoption the owner is re-read from the API (RecheckDeletionTimestamp) so a deleted owner adopts nothing.
 */
export async function claimObjects<T extends KubeObject>(options: ClaimOptions<T>): Promise<ClaimResult<T>> {
  const { owner, selector } = options;
  const ownerUid = owner.metadata?.uid;
  const ownerDeleting = owner.metadata?.deletionTimestamp !== undefined;
  const claimed: DeepReadonly<T>[] = [];
  const errors: unknown[] = [];
  let adoptionChecked: Promise<void> | undefined;
  for (const obj of options.candidates) {
    const ref = controllerOf(obj);
    const matches = selector.matches(obj.metadata?.labels);
    try {
      if (ref !== undefined) {
        if (ref.uid !== ownerUid) continue;
        if (matches) claimed.push(obj);
        else if (!ownerDeleting) await releaseObject(options, obj);
        continue;
      }
      if (ownerDeleting || !matches || obj.metadata?.deletionTimestamp !== undefined) continue;
      if (obj.metadata?.namespace !== owner.metadata?.namespace) continue;
      adoptionChecked ??= checkCanAdopt(options);
      await adoptionChecked;
      const adopted = await adoptObject(options, obj);
      if (adopted !== undefined) claimed.push(adopted);
    } catch (err: unknown) {
      if (!isNotFound(err)) errors.push(err);
    }
  }
  return errors.length > 0 ? { claimed, error: new ClaimError(errors) } : { claimed };
}

async function checkCanAdopt<T extends KubeObject>(options: ClaimOptions<T>): Promise<void> {
  const { owner, ownerType, client } = options;
  const fresh = await client.get<KubeObject>(ownerType, owner.metadata?.name ?? '', owner.metadata?.namespace);
  if (fresh.metadata?.uid !== owner.metadata?.uid) {
    throw new CannotAdoptError(`original ${ownerType.kind} ${owner.metadata?.namespace}/${owner.metadata?.name} is gone: got uid ${fresh.metadata?.uid}, wanted ${owner.metadata?.uid}`);
  }
  if (fresh.metadata?.deletionTimestamp !== undefined) {
    throw new CannotAdoptError(`${ownerType.kind} ${owner.metadata?.namespace}/${owner.metadata?.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
  }
}

/** Adds the controller reference with a strategic merge patch that also pins the object's uid. */
async function adoptObject<T extends KubeObject>(options: ClaimOptions<T>, obj: DeepReadonly<T>): Promise<DeepReadonly<T>> {
  const patch = { metadata: { ownerReferences: [controllerReference(options.owner, options.ownerType)], uid: obj.metadata?.uid } };
  return (await options.client.patch<T>(options.type, obj.metadata?.name ?? '', obj.metadata?.namespace, patch, PatchType.StrategicMerge)) as DeepReadonly<T>;
}

/** Removes the owner's reference (by uid) with a strategic merge `$patch: delete`. */
async function releaseObject<T extends KubeObject>(options: ClaimOptions<T>, obj: DeepReadonly<T>): Promise<void> {
  const patch = { metadata: { ownerReferences: [{ $patch: 'delete', uid: options.owner.metadata?.uid }], uid: obj.metadata?.uid } };
  await options.client.patch<T>(options.type, obj.metadata?.name ?? '', obj.metadata?.namespace, patch, PatchType.StrategicMerge);
}
