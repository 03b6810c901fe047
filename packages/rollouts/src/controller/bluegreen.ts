// Placeholder for the blue-green strategy: the sync routes blue-green rollouts here. The blue-green helper fills
// this in (upstream rollout/bluegreen.go: preview/active Services, previewReplicaCount, auto-promotion, analysis).
import type { RolloutContext } from './context.js';

/** Reconciles a blue-green rollout. Not implemented yet: it only logs and leaves the rollout untouched. */
export async function rolloutBlueGreen(ctx: RolloutContext): Promise<void> {
  ctx.deps.log?.(`${ctx.key}: blue-green strategy is not implemented yet; nothing done`);
}
