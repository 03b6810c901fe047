// One Deployment sync as a checklist: read it, claim its ReplicaSets, then pause, scale or roll out (deployment_controller.go syncDeployment).
import { Resources, labelSelectorFromObject, type DeepReadonly, type Deployment, type ReplicaSet } from '@aviary/kube';
import { claimObjects } from '../shared/claim-objects.js';
import { messageOf } from '../shared/pod-control.js';
import { recordEvent, writeDeploymentStatus, type DeploymentContext, type DeploymentSyncDeps } from './deployment-context.js';
import { DeploymentReason, getDeploymentCondition, newDeploymentCondition, setDeploymentCondition } from './deployment-conditions.js';
import { progressDeadlineSeconds } from './deployment-status.js';
import { splitReplicaSets } from './new-replica-set.js';
import { rolloutRecreate } from './recreate.js';
import { isRollingUpdate } from './replica-math.js';
import { rolloutRolling } from './rolling.js';
import { syncDeploymentStatus } from './rollout-status.js';
import { isScalingEvent, syncScaling } from './scale.js';

export async function syncDeployment(deps: DeploymentSyncDeps, key: string): Promise<void> {
  const cached = deps.deployments.getByKey(key);
  if (cached === undefined) return; // deleted: owner GC removes its ReplicaSets
  const ctx: DeploymentContext = { deps, key, d: structuredClone(cached) as Deployment, rsList: [] };
  const selector = await checkSelector(ctx);
  if (selector === undefined) return;
  ctx.rsList = await claimReplicaSets(ctx, selector);
  // Being deleted: only report.
  if (ctx.d.metadata?.deletionTimestamp !== undefined) {
    await syncDeploymentStatus(ctx, splitReplicaSets(ctx).newRS);
    return;
  }
  await checkPausedConditions(ctx);
  // Paused, or only resized: scale without rolling.
  if (ctx.d.spec?.paused || isScalingEvent(ctx)) {
    await syncScaling(ctx);
    return;
  }
  if (isRollingUpdate(ctx.d)) await rolloutRolling(ctx);
  else await rolloutRecreate(ctx);
}

/** An empty selector would select every pod: refuse it with an event, recording only the observed generation. */
async function checkSelector(ctx: DeploymentContext): Promise<ReturnType<typeof labelSelectorFromObject> | undefined> {
  let selector: ReturnType<typeof labelSelectorFromObject>;
  try {
    selector = labelSelectorFromObject(ctx.d.spec?.selector ?? {});
  } catch (err: unknown) {
    recordEvent(ctx, 'Warning', 'InvalidSelector', `invalid selector: ${messageOf(err)}`);
    return undefined;
  }
  if (!selector.isEmpty()) return selector;
  recordEvent(ctx, 'Warning', 'SelectorRequired', 'This deployment is selecting all pods. A non-empty selector is required.');
  const generation = ctx.d.metadata?.generation ?? 0;
  if ((ctx.d.status?.observedGeneration ?? 0) < generation) await writeDeploymentStatus(ctx, { ...structuredClone(ctx.d.status ?? {}), observedGeneration: generation });
  return undefined;
}

async function claimReplicaSets(ctx: DeploymentContext, selector: ReturnType<typeof labelSelectorFromObject>): Promise<DeepReadonly<ReplicaSet>[]> {
  const candidates = ctx.deps.replicaSets.list(ctx.d.metadata?.namespace);
  const claim = await claimObjects<ReplicaSet>({ client: ctx.deps.client, type: Resources.replicaSets, owner: ctx.d, ownerType: Resources.deployments, selector, candidates });
  if (claim.error) throw claim.error;
  return claim.claimed;
}

/** checkPausedConditions: Progressing Unknown DeploymentPaused while paused, DeploymentResumed once resumed. */
async function checkPausedConditions(ctx: DeploymentContext): Promise<void> {
  if (progressDeadlineSeconds(ctx.d) === undefined) return;
  const status = structuredClone(ctx.d.status ?? {});
  const condition = getDeploymentCondition(status, 'Progressing');
  const pausedCondition = condition?.reason === DeploymentReason.DeploymentPaused;
  const nowMs = ctx.deps.now();
  if (ctx.d.spec?.paused && !pausedCondition) {
    setDeploymentCondition(status, newDeploymentCondition({ type: 'Progressing', status: 'Unknown', reason: DeploymentReason.DeploymentPaused, message: 'Deployment is paused', nowMs }));
  } else if (!ctx.d.spec?.paused && pausedCondition) {
    setDeploymentCondition(status, newDeploymentCondition({ type: 'Progressing', status: 'Unknown', reason: DeploymentReason.DeploymentResumed, message: 'Deployment is resumed', nowMs }));
  } else {
    return;
  }
  await writeDeploymentStatus(ctx, status);
}
