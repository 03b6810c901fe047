// AnalysisRuns of a canary: step and background runs created, watched and terminated; old runs trimmed.
// Upstream: rollout/analysis.go (reconcileAnalysisRuns, reconcileStepBasedAnalysisRun, reconcileBackgroundAnalysisRun).
import { AnalysisRunRolloutType, EventType, PauseReason, RolloutsLabel, type AnalysisRun, type RolloutAnalysisRunStatus } from '@aviary/kube';
import { currentCanaryStep } from '../replicas/index.js';
import { isFullyPromoted } from '../status/index.js';
import { createAnalysisRun, newAnalysisRunFromRollout } from './analysis-run-factory.js';
import { terminateAnalysisRuns, trimAnalysisRuns } from './analysis-cleanup.js';
import type { CurrentAnalysisRuns, RolloutContext } from './context.js';
import { pauseConditionOf } from './pause-state.js';
import { podHashOf } from './replicasets.js';
import { isFastRollback } from './rollback.js';

/** A new run is needed when there is none, after the user resumed from an Inconclusive pause, or after abort + retry. */
export function needsNewAnalysisRun(ctx: RolloutContext, current: AnalysisRun | undefined): boolean {
  if (!current) return true;
  const status = ctx.rollout.status ?? {};
  if (status.controllerPause && !pauseConditionOf(ctx.rollout, PauseReason.CanaryPauseStep) && !pauseConditionOf(ctx.rollout, PauseReason.BlueGreenPause)) {
    return current.status?.phase === 'Inconclusive';
  }
  return status.abortedAt !== undefined && status.abortedAt !== null;
}

/** Reacts to a finished run: Inconclusive pauses, Failed/Error aborts with `<prefix>[: message]`. */
function assessRun(ctx: RolloutContext, run: AnalysisRun, abortPrefix: string): void {
  const phase = run.status?.phase;
  if (phase === 'Inconclusive') ctx.pause.addPauseCondition(PauseReason.InconclusiveAnalysisRun);
  else if (phase === 'Failed' || phase === 'Error') ctx.pause.addAbort(run.status?.message ? `${abortPrefix}: ${run.status.message}` : abortPrefix);
}

async function reconcileStepAnalysisRun(ctx: RolloutContext): Promise<AnalysisRun | undefined> {
  const { step, index } = currentCanaryStep(ctx.rollout);
  const current = ctx.currentArs.step;
  // Not created (nor judged) while paused or aborted.
  if ((ctx.rollout.status?.pauseConditions?.length ?? 0) > 0 || ctx.rollout.status?.abort) return current;
  const fromPreviousStep = Boolean(step?.analysis && current && current.metadata?.labels?.[RolloutsLabel.StepIndex] !== String(index));
  if (!step?.analysis || !step.analysis.templates?.length || index === undefined || fromPreviousStep) {
    await terminateAnalysisRuns(ctx, [current]);
    return undefined;
  }
  if (needsNewAnalysisRun(ctx, current)) {
    const labels = { [RolloutsLabel.PodTemplateHash]: podHashOf(ctx.newRS), [RolloutsLabel.RolloutType]: AnalysisRunRolloutType.Step, [RolloutsLabel.StepIndex]: String(index) };
    return createAnalysisRun(ctx, await newAnalysisRunFromRollout(ctx, { analysis: step.analysis, infix: String(index), labels }));
  }
  if (current) assessRun(ctx, current, 'Step-based analysis phase error/failed');
  return current;
}

async function reconcileBackgroundAnalysisRun(ctx: RolloutContext): Promise<AnalysisRun | undefined> {
  const analysis = ctx.rollout.spec.strategy.canary?.analysis;
  const current = ctx.currentArs.background;
  if (!analysis?.templates?.length) {
    await terminateAnalysisRuns(ctx, [current]);
    return undefined;
  }
  const status = ctx.rollout.status ?? {};
  const beforeStartingStep = analysis.startingStep !== undefined && analysis.startingStep !== null && (status.currentStepIndex ?? 0) < analysis.startingStep;
  if (isFullyPromoted(ctx.rollout) || !status.stableRS || !status.currentPodHash || beforeStartingStep) return undefined;
  if (pauseConditionOf(ctx.rollout, PauseReason.InconclusiveAnalysisRun)) return current;
  if (needsNewAnalysisRun(ctx, current)) {
    const labels = { [RolloutsLabel.PodTemplateHash]: podHashOf(ctx.newRS), [RolloutsLabel.RolloutType]: AnalysisRunRolloutType.Background };
    return createAnalysisRun(ctx, await newAnalysisRunFromRollout(ctx, { analysis, infix: '', labels }));
  }
  if (current) assessRun(ctx, current, 'Background analysis phase error/failed');
  return current;
}

export function runStatusOf(run: AnalysisRun | undefined): RolloutAnalysisRunStatus | undefined {
  if (!run) return undefined;
  return { name: run.metadata?.name ?? '', status: run.status?.phase ?? ('' as RolloutAnalysisRunStatus['status']), ...(run.status?.message ? { message: run.status.message } : {}) };
}

/** Records the runs the rollout now waits on into the new status. */
function setCurrentAnalysisRuns(ctx: RolloutContext, runs: CurrentAnalysisRuns): void {
  ctx.currentArs = runs;
  const canary = (ctx.newStatus.canary ??= {});
  const step = runStatusOf(runs.step);
  const background = runStatusOf(runs.background);
  if (step) canary.currentStepAnalysisRunStatus = step;
  if (background) canary.currentBackgroundAnalysisRunStatus = background;
}

/** Emits `AnalysisRun<Phase>` when a current run's phase changed since the last status. */
export function emitRunStatusChange(ctx: RolloutContext, previous: RolloutAnalysisRunStatus | undefined, run: AnalysisRun | undefined, type: string): void {
  const phase = run?.status?.phase;
  if (!run || !phase) return;
  if (previous && !(previous.name === run.metadata?.name && previous.status !== phase)) return;
  const eventType = phase === 'Failed' || phase === 'Error' ? EventType.Warning : EventType.Normal;
  const message = `${type} Analysis Run '${run.metadata?.name}' Status New: '${phase}' Previous: '${previous ? (previous.status ?? '') : 'NoPreviousStatus'}'`;
  ctx.deps.recorder.event(ctx.rollout, eventType, `AnalysisRun${phase}`, message);
}

/** Creates, judges and cancels the step and background AnalysisRuns; deletes runs beyond the history limits. */
export async function reconcileAnalysisRuns(ctx: RolloutContext): Promise<void> {
  const status = ctx.rollout.status ?? {};
  const cancelAll = isFullyPromoted(ctx.rollout) || ctx.pause.isAborted() || Boolean(status.promoteFull) || isFastRollback(ctx) || !status.stableRS;
  const runs: CurrentAnalysisRuns = {};
  if (cancelAll) {
    await terminateAnalysisRuns(ctx, [ctx.currentArs.step, ctx.currentArs.background, ctx.currentArs.prePromotion, ctx.currentArs.postPromotion]);
    runs.prePromotion = ctx.currentArs.prePromotion;
    runs.postPromotion = ctx.currentArs.postPromotion;
  } else if (ctx.rollout.spec.strategy.canary) {
    runs.step = await reconcileStepAnalysisRun(ctx);
    runs.background = await reconcileBackgroundAnalysisRun(ctx);
  }
  setCurrentAnalysisRuns(ctx, runs);
  const current = new Set([runs.step, runs.background, runs.prePromotion, runs.postPromotion].filter(Boolean).map((run) => run!.metadata?.name));
  const others = ctx.otherArs.filter((run) => !current.has(run.metadata?.name));
  await terminateAnalysisRuns(ctx, others);
  await trimAnalysisRuns(ctx, others);
  emitRunStatusChange(ctx, status.canary?.currentStepAnalysisRunStatus, runs.step, AnalysisRunRolloutType.Step);
  emitRunStatusChange(ctx, status.canary?.currentBackgroundAnalysisRunStatus, runs.background, AnalysisRunRolloutType.Background);
}

