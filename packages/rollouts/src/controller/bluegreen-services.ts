// The blue-green Services: preview pointed at the new RS as soon as it exists; active switched to it at promotion
// (at once when fast-tracked), and back to stable on abort — through the `rollouts-pod-template-hash` selector.
// Upstream: rollout/service.go (getPreviewAndActiveServices, reconcilePreviewService, reconcileActiveService).
import { copyJson, Resources, RolloutsLabel, type Service } from '@aviary/kube';
import { completedPrePromotionAnalysis } from './bluegreen-analysis.js';
import { completedBlueGreenPause, isBlueGreenFastTracked } from './bluegreen-pause.js';
import { isSaturated, readyForPause } from './bluegreen-replicas.js';
import { haltProgress } from './canary-scaling.js';
import type { RolloutContext } from './context.js';
import { podHashOf } from './replicasets.js';
import { switchServiceSelector } from './services.js';

/** The rollout's Services, as private copies that follow this reconcile's selector switches. */
export interface BlueGreenServices {
  active: Service;
  preview?: Service;
}

/** The hash a Service selects (`''` when it has no `rollouts-pod-template-hash` selector, or there is no Service). */
export function rolloutSelectorOf(service: Service | undefined): string {
  return service?.spec?.selector?.[RolloutsLabel.PodTemplateHash] ?? '';
}

async function getService(ctx: RolloutContext, name: string): Promise<Service> {
  const namespace = ctx.rollout.metadata?.namespace ?? '';
  const cached = ctx.deps.view.getService(namespace, name);
  // A missing Service is an error (the sync is retried); validation reports it as InvalidSpec first.
  return cached ? (copyJson(cached) as Service) : ctx.deps.client.get<Service>(Resources.services, name, namespace);
}

/** Reads the preview (if named) and active Services. */
export async function getPreviewAndActiveServices(ctx: RolloutContext): Promise<BlueGreenServices> {
  const blueGreen = ctx.rollout.spec.strategy.blueGreen;
  const preview = blueGreen?.previewService ? await getService(ctx, blueGreen.previewService) : undefined;
  const active = await getService(ctx, blueGreen?.activeService ?? '');
  return preview ? { active, preview } : { active };
}

/** Points the preview Service at the new RS right away (not while the user paused or an analysis is inconclusive). */
export async function reconcilePreviewService(ctx: RolloutContext, services: BlueGreenServices): Promise<void> {
  if (!services.preview || !ctx.newRS) return;
  if (haltProgress(ctx) !== '') return;
  await switchServiceSelector(ctx, services.preview, podHashOf(ctx.newRS));
}

/**
 * Once the new RS is ready and saturated, points the active Service at: the new RS when fast-tracked or when the
 * pause and pre-promotion analysis are done; the stable RS when aborted; otherwise where it already points.
 */
export async function reconcileActiveService(ctx: RolloutContext, services: BlueGreenServices): Promise<void> {
  const { rollout, newRS } = ctx;
  if (haltProgress(ctx) !== '') return;
  if (!readyForPause(rollout, newRS, ctx.allRSs) || !isSaturated(rollout, newRS)) return; // not fully up yet
  const { active } = services;
  let target = rolloutSelectorOf(active);
  if (isBlueGreenFastTracked(ctx, active)) target = podHashOf(newRS);
  if (completedBlueGreenPause(ctx) && completedPrePromotionAnalysis(ctx)) target = podHashOf(newRS);
  if (rollout.status?.abort) target = rollout.status.stableRS ?? '';
  await switchServiceSelector(ctx, active, target);
}
