// Pointing the canary and stable Services at their ReplicaSets through the rollouts-pod-template-hash selector.
// Upstream: rollout/service.go (reconcileStableAndCanaryService, ensureSVCTargets, switchServiceSelector).
import { copyJson, PatchType, Resources, RolloutsAnnotation, RolloutsLabel, type ReplicaSet, type Service } from '@aviary/kube';
import type { RolloutContext } from './context.js';
import { ControllerEventReason, RolloutMessage, recordNormal } from './events.js';
import { podHashOf, specReplicasOf } from './replicasets.js';

/** Every desired pod is available (and there is at least one). */
function isReplicaSetAvailable(rs: ReplicaSet): boolean {
  const available = rs.status?.availableReplicas ?? 0;
  const spec = specReplicasOf(rs);
  return spec !== 0 && available !== 0 && spec <= available;
}

/**
 * Sets the Service's `rollouts-pod-template-hash` selector (and, on first adoption, the managed-by annotation)
 * with a strategic merge patch, then records SwitchService.
 */
export async function switchServiceSelector(ctx: RolloutContext, service: Service, hash: string): Promise<void> {
  const current = service.spec?.selector?.[RolloutsLabel.PodTemplateHash] ?? '';
  const managed = service.metadata?.annotations?.[RolloutsAnnotation.ManagedByRollouts] !== undefined;
  const hasSelector = service.spec?.selector?.[RolloutsLabel.PodTemplateHash] !== undefined;
  if (hasSelector && current === hash && managed) return;
  const patch: Record<string, unknown> = { spec: { selector: { [RolloutsLabel.PodTemplateHash]: hash } } };
  if (!managed) patch.metadata = { annotations: { [RolloutsAnnotation.ManagedByRollouts]: ctx.rollout.metadata?.name ?? '' } };
  await ctx.deps.client.patch(Resources.services, service.metadata?.name ?? '', service.metadata?.namespace, patch, PatchType.StrategicMerge);
  // The caller's copy follows the switch (as upstream's does): later steps of this reconcile read the new selector.
  ((service.spec ??= {}).selector ??= {})[RolloutsLabel.PodTemplateHash] = hash;
  recordNormal(ctx.deps.recorder, ctx.rollout, ControllerEventReason.SwitchService, RolloutMessage.switchService(service.metadata?.name ?? '', current, hash));
}

/**
 * Points `serviceName` at `rs`. A Service not yet managed is switched only once the RS is fully available;
 * afterwards one available pod is enough. A missing Service is an error (validation reports it first).
 */
export async function ensureServiceTargets(ctx: RolloutContext, serviceName: string | undefined, rs: ReplicaSet | undefined, checkAvailability: boolean): Promise<void> {
  if (!rs || !serviceName) return;
  const namespace = ctx.rollout.metadata?.namespace ?? '';
  const cached = ctx.deps.view.getService(namespace, serviceName);
  const service = cached ? (copyJson(cached) as Service) : await ctx.deps.client.get<Service>(Resources.services, serviceName, namespace);
  const current = service.spec?.selector?.[RolloutsLabel.PodTemplateHash] ?? '';
  const desired = podHashOf(rs);
  if (current === desired) return;
  const managed = service.metadata?.annotations?.[RolloutsAnnotation.ManagedByRollouts] !== undefined;
  if (!managed && checkAvailability && !isReplicaSetAvailable(rs)) return; // adopt only a fully available RS
  if (checkAvailability && (rs.status?.availableReplicas ?? 0) === 0) return; // never point traffic at zero pods
  await switchServiceSelector(ctx, service, desired);
}

/** Stable Service → stable RS; canary Service → new RS (→ stable RS while a basic canary is aborted). */
export async function reconcileStableAndCanaryService(ctx: RolloutContext): Promise<void> {
  const canary = ctx.rollout.spec.strategy.canary;
  if (!canary) return;
  await ensureServiceTargets(ctx, canary.stableService, ctx.stableRS, true);
  if (ctx.pause.isAborted() && !canary.trafficRouting) {
    await ensureServiceTargets(ctx, canary.canaryService, ctx.stableRS, true);
    return;
  }
  // Seam: with dynamicStableScale a traffic router delays this switch while rolling back to stable (no routers yet).
  await ensureServiceTargets(ctx, canary.canaryService, ctx.newRS, true);
}
