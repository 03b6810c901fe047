// promote: resume a paused rollout, skip the step in progress, or (--full) skip all remaining steps.
// Upstream: pkg/kubectl-argo-rollouts/cmd/promote/promote.go (PromoteRollout and getPatches).
import { isNotFound, Resources, type Rollout } from '@aviary/kube';
import { PromoteUsageError, PromoteUsageMessage } from './action-errors.js';
import { ActionMessage, type ActionTarget, type RolloutActionResult } from './action-types.js';
import { mergePatchRollout } from './rollout-patch.js';

export interface PromoteOptions extends ActionTarget {
  /** `--full`: skip every remaining step, analysis and pause. */
  full?: boolean;
  /** Deprecated `-c/--skip-current-step`: move past the current step. */
  skipCurrentStep?: boolean;
  /** Deprecated `-a/--skip-all-steps`: jump to the end of the steps. */
  skipAllSteps?: boolean;
}

/** The patches promote sends: on the status subresource first, then on the object; `unified` replaces both when status is not served. */
export interface PromotePatches {
  spec?: object;
  status?: object;
  unified?: object;
}

/** The step index the rollout is at (0 when unset), or undefined for a rollout without canary steps (GetCurrentCanaryStep). */
function currentStepIndex(rollout: Rollout): number | undefined {
  const steps = rollout.spec.strategy.canary?.steps ?? [];
  if (steps.length === 0) return undefined;
  return rollout.status?.currentStepIndex ?? 0;
}

/** The index after the current step, never past the end. */
function nextStepIndex(rollout: Rollout, index: number): number {
  return index < (rollout.spec.strategy.canary?.steps ?? []).length ? index + 1 : index;
}

function isInconclusive(rollout: Rollout): boolean {
  return Boolean(rollout.spec.strategy.canary) && rollout.status?.canary?.currentStepAnalysisRunStatus?.status === 'Inconclusive';
}

/**
 * Which patches promote makes for this rollout (getPatches):
 * - skip flags set currentStepIndex (next step, or the end);
 * - `full` unpauses (if paused) and sets status.promoteFull unless the rollout is already at its stable pod hash;
 * - otherwise: unpause if paused; clear pauseConditions; on an Inconclusive step analysis with a controller pause,
 *   also set controllerPause false and move to the next step; with nothing paused on a canary, move to the next
 *   step (skipping an analysis or experiment in progress).
 */
export function promotePatches(rollout: Rollout, options: { full?: boolean; skipCurrentStep?: boolean; skipAllSteps?: boolean } = {}): PromotePatches {
  const paused = rollout.spec.paused === true;
  const pauseConditions = rollout.status?.pauseConditions ?? [];
  if (options.skipCurrentStep) {
    const index = currentStepIndex(rollout);
    if (index === undefined) return {};
    const status = { status: { currentStepIndex: nextStepIndex(rollout, index) } };
    return { status, unified: status };
  }
  if (options.skipAllSteps) {
    const status = { status: { currentStepIndex: (rollout.spec.strategy.canary?.steps ?? []).length } };
    return { status, unified: status };
  }
  if (options.full) {
    return {
      ...(paused ? { spec: { spec: { paused: false } } } : {}),
      ...(rollout.status?.currentPodHash !== rollout.status?.stableRS ? { status: { status: { promoteFull: true } } } : {}),
      unified: { spec: { paused: false }, status: { promoteFull: true } },
    };
  }
  const patches: PromotePatches = { unified: { spec: { paused: false }, status: { pauseConditions: null } } };
  if (paused) patches.spec = { spec: { paused: false } };
  if (isInconclusive(rollout) && pauseConditions.length > 0 && rollout.status?.controllerPause === true) {
    const index = currentStepIndex(rollout);
    if (index !== undefined) patches.status = { status: { pauseConditions: null, controllerPause: false, currentStepIndex: nextStepIndex(rollout, index) } };
  } else if (pauseConditions.length > 0) {
    patches.status = { status: { pauseConditions: null } };
  } else if (rollout.spec.strategy.canary) {
    const index = currentStepIndex(rollout);
    if (index !== undefined) {
      const next = nextStepIndex(rollout, index);
      patches.status = { status: { pauseConditions: null, currentStepIndex: next } };
      patches.unified = { spec: { paused: false }, status: { pauseConditions: null, currentStepIndex: next } };
    }
  }
  return patches;
}

/**
 * Promotes a rollout: reads it, then sends the status patch (subresource) and the spec patch of promotePatches.
 * A missing rollout rejects with the API's NotFound; contradictory or inapplicable skip flags with PromoteUsageError.
 */
export async function promoteRollout(options: PromoteOptions): Promise<RolloutActionResult> {
  const { client, namespace, name, full, skipCurrentStep, skipAllSteps } = options;
  if (skipCurrentStep && skipAllSteps) throw new PromoteUsageError(PromoteUsageMessage.BothSkipFlags);
  let rollout = await client.get<Rollout>(Resources.rollouts, name, namespace);
  if (skipCurrentStep || skipAllSteps) {
    if (rollout.spec.strategy.blueGreen) throw new PromoteUsageError(PromoteUsageMessage.SkipOnBlueGreen);
    if (rollout.spec.strategy.canary && (rollout.spec.strategy.canary.steps ?? []).length === 0) throw new PromoteUsageError(PromoteUsageMessage.SkipWithoutSteps);
  }
  const patches = promotePatches(rollout, { full, skipCurrentStep, skipAllSteps });
  let specPatch = patches.spec;
  if (patches.status) {
    try {
      rollout = await mergePatchRollout(options, patches.status, { status: true });
    } catch (err: unknown) {
      if (!isNotFound(err)) throw err;
      specPatch = patches.unified;
    }
  }
  if (specPatch) rollout = await mergePatchRollout(options, specPatch);
  const shownName = rollout.metadata?.name ?? name;
  return { rollout, message: full ? ActionMessage.fullyPromoted(shownName) : ActionMessage.promoted(shownName) };
}
