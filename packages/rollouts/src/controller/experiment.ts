// Experiment steps: one Experiment per step from the canary/stable templates, waited on by phase.
// Upstream: rollout/experiment.go (GetExperimentFromTemplate, reconcileExperiments).
import { copyJson, isAlreadyExists, PauseReason, Resources, RolloutEventReason, RolloutsAnnotation, RolloutsLabel, type Experiment, type TemplateSpec } from '@aviary/kube';
import { computePodTemplateHash } from '../hash/index.js';
import { currentCanaryStep } from '../replicas/index.js';
import { isAnalysisCompleted } from './analysis-run-factory.js';
import { buildArguments } from './analysis-run-factory.js';
import { deleteAll, runsToDelete, terminateAnalysisRuns } from './analysis-cleanup.js';
import type { RolloutContext } from './context.js';
import { RolloutMessage, recordNormal } from './events.js';
import { pauseConditionOf } from './pause-state.js';

/** The Experiment for the current experiment step: `<rollout>-<podHash>-<revision>-<stepIndex>`. */
export function experimentFromStep(ctx: RolloutContext): Experiment | undefined {
  const { rollout, stableRS, newRS } = ctx;
  const { step, index } = currentCanaryStep(rollout);
  const spec = step?.experiment;
  if (!spec) return undefined;
  const podHash = computePodTemplateHash(rollout.spec.template, rollout.status?.collisionCount);
  const revision = rollout.metadata?.annotations?.[RolloutsAnnotation.Revision] ?? '';
  const templates: TemplateSpec[] = spec.templates.map((templateStep) => {
    const source = templateStep.specRef === 'canary' ? newRS : stableRS;
    const template = copyJson(source?.spec?.template ?? {});
    const selector = copyJson(templateStep.selector ?? source?.spec?.selector ?? {});
    for (const [key, value] of Object.entries(templateStep.metadata?.labels ?? {})) {
      (template.metadata ??= {}).labels = { ...(template.metadata.labels ?? {}), [key]: value };
      selector.matchLabels = { ...(selector.matchLabels ?? {}), [key]: value };
    }
    for (const [key, value] of Object.entries(templateStep.metadata?.annotations ?? {})) {
      (template.metadata ??= {}).annotations = { ...(template.metadata.annotations ?? {}), [key]: value };
    }
    const service = templateStep.weight !== undefined || templateStep.service ? { ...(templateStep.service?.name ? { name: templateStep.service.name } : {}) } : undefined;
    return {
      name: templateStep.name,
      ...(templateStep.replicas !== undefined ? { replicas: templateStep.replicas } : {}),
      ...(source?.spec?.minReadySeconds ? { minReadySeconds: source.spec.minReadySeconds } : {}),
      selector,
      template,
      ...(service ? { service } : {}),
    };
  });
  const analyses = (spec.analyses ?? []).map((analysis) => ({
    name: analysis.name,
    templateName: analysis.templateName,
    ...(analysis.clusterScope !== undefined ? { clusterScope: analysis.clusterScope } : {}),
    args: buildArguments(analysis.args, stableRS, newRS, rollout),
    ...(analysis.requiredForCompletion !== undefined ? { requiredForCompletion: analysis.requiredForCompletion } : {}),
  }));
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Experiment',
    metadata: {
      name: `${rollout.metadata?.name}-${podHash}-${revision}-${index ?? 0}`,
      namespace: rollout.metadata?.namespace,
      labels: { ...(rollout.metadata?.labels ?? {}), [RolloutsLabel.PodTemplateHash]: podHash },
      annotations: { [RolloutsAnnotation.Revision]: revision },
      ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: rollout.metadata?.name ?? '', uid: rollout.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      templates,
      ...(spec.duration !== undefined ? { duration: spec.duration } : {}),
      ...(rollout.spec.progressDeadlineSeconds !== undefined ? { progressDeadlineSeconds: rollout.spec.progressDeadlineSeconds } : {}),
      ...(spec.dryRun ? { dryRun: spec.dryRun } : {}),
      ...(spec.analysisRunMetadata ? { analysisRunMetadata: spec.analysisRunMetadata } : {}),
      ...(spec.scaleDownDelaySeconds !== undefined ? { scaleDownDelaySeconds: spec.scaleDownDelaySeconds } : {}),
      ...(analyses.length ? { analyses } : {}),
    },
  };
}

async function createExperiment(ctx: RolloutContext, experiment: Experiment): Promise<Experiment> {
  const baseName = experiment.metadata?.name ?? '';
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.deps.client.create<Experiment>(Resources.experiments, experiment);
    } catch (err: unknown) {
      if (!isAlreadyExists(err)) throw err;
      const existing = await ctx.deps.client.get<Experiment>(Resources.experiments, experiment.metadata?.name ?? '', experiment.metadata?.namespace);
      const ours = existing.metadata?.ownerReferences?.some((ref) => ref.controller && ref.uid === ctx.rollout.metadata?.uid);
      if (ours && !isAnalysisCompleted(existing.status?.phase) && JSON.stringify(existing.spec) === JSON.stringify(experiment.spec)) return existing;
      experiment = { ...experiment, metadata: { ...experiment.metadata, name: `${baseName}-${attempt}` } };
    }
  }
}

/** Creates the step's Experiment, pauses or aborts on its outcome, and cancels and trims the others. */
export async function reconcileExperiments(ctx: RolloutContext): Promise<void> {
  if (ctx.pause.isAborted() || ctx.rollout.status?.promoteFull) {
    await terminateAnalysisRuns(ctx, [...ctx.otherExs, ctx.currentEx], Resources.experiments);
    return;
  }
  if (pauseConditionOf(ctx.rollout, PauseReason.InconclusiveAnalysisRun)) return;
  const { step } = currentCanaryStep(ctx.rollout);
  let current = ctx.currentEx;
  if (step?.experiment) {
    if (!current) {
      if (!ctx.stableRS) return; // an experiment needs a stable RS to copy
      const desired = experimentFromStep(ctx);
      if (!desired) return;
      current = await createExperiment(ctx, desired);
      recordNormal(ctx.deps.recorder, ctx.rollout, RolloutEventReason.ExperimentCreated, RolloutMessage.experimentCreated(current.metadata?.name ?? ''));
    }
    const phase = current.status?.phase;
    if (phase === 'Inconclusive') ctx.pause.addPauseCondition(PauseReason.InconclusiveExperiment);
    else if (phase === 'Failed' || phase === 'Error') {
      const prefix = 'Experiment analysis phase is error/failed';
      ctx.pause.addAbort(current.status?.message ? `${prefix}: ${current.status.message}` : prefix);
    } else if (phase !== 'Successful') {
      ctx.currentEx = current;
      (ctx.newStatus.canary ??= {}).currentExperiment = current.metadata?.name ?? '';
      ctx.otherExs = ctx.otherExs.filter((ex) => ex.metadata?.name !== current?.metadata?.name);
    }
  }
  const others = current && !step?.experiment ? [...ctx.otherExs, current] : ctx.otherExs;
  await terminateAnalysisRuns(ctx, others, Resources.experiments);
  await deleteAll(ctx, Resources.experiments, runsToDelete(ctx, others));
}
