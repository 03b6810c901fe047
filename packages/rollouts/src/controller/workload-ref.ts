// workloadRef: the pod template (and selector) taken from a referenced Deployment. A minimal implementation:
// only `kind: Deployment` (apps/v1) is resolved; ReplicaSet/PodTemplate references are reported as unsupported.
// Upstream: rollout/templateref.go. The resolved template lives only in the controller's copy, never written back.
import { copyJson, isNotFound, Resources, shareUnchanged, type Deployment, type Rollout } from '@aviary/kube';
import type { RolloutContext } from './context.js';

/** Why a workloadRef could not be resolved (becomes an InvalidSpec condition, not a retry). */
export class WorkloadRefError extends Error {
  override readonly name = 'WorkloadRefError';
}

/** Fills spec.template (and a missing selector) from the referenced Deployment; returns its generation (for status.workloadObservedGeneration). */
export async function resolveWorkloadRef(client: RolloutContext['deps']['client'], rollout: Rollout): Promise<string | undefined> {
  const ref = rollout.spec.workloadRef;
  if (!ref) return undefined;
  if (ref.kind !== 'Deployment') throw new WorkloadRefError(`workloadRef kind ${JSON.stringify(ref.kind ?? '')} is not supported (only Deployment)`);
  let deployment: Deployment;
  try {
    deployment = await client.get<Deployment>(Resources.deployments, ref.name ?? '', rollout.metadata?.namespace);
  } catch (err: unknown) {
    if (isNotFound(err)) throw new WorkloadRefError(`spec.workloadRef.name: Invalid value: "${ref.name ?? ''}": deployments.apps "${ref.name ?? ''}" not found`);
    throw err;
  }
  rollout.spec.template = copyJson(deployment.spec?.template);
  if (!rollout.spec.selector && deployment.spec?.selector) rollout.spec.selector = copyJson(deployment.spec.selector);
  return String(deployment.metadata?.generation ?? 0);
}

/**
 * Takes a rollout returned by the server, keeping the template resolved from the workloadRef, and otherwise the
 * sync's own spec where the server's equals it (a status write leaves the spec alone; what is remembered per spec,
 * like its validation and pod-template hash, is then remembered for the rest of the sync).
 */
export function acceptServerRollout(ctx: RolloutContext, updated: Rollout): void {
  if (ctx.rollout.spec.workloadRef) {
    updated.spec.template = ctx.rollout.spec.template;
    updated.spec.selector ??= ctx.rollout.spec.selector;
  } else {
    updated.spec = shareUnchanged(ctx.rollout.spec, updated.spec);
  }
  ctx.rollout = updated;
}
