// Building AnalysisRuns from a rollout's analysis: templates flattened, arguments resolved and merged, named as upstream.
// Upstream: rollout/analysis.go (createAnalysisRun, newAnalysisRunFromRollout), utils/analysis (factory.go, helpers.go).
import {
  isAlreadyExists,
  Resources,
  RolloutsAnnotation,
  type AnalysisRun,
  type AnalysisTemplate,
  type AnalysisTemplateRef,
  type AnalysisTemplateSpec,
  type Argument,
  type AnalysisRunArgument,
  type ReplicaSet,
  type Rollout,
  type RolloutAnalysis,
} from '@aviary/kube';
import type { RolloutContext } from './context.js';
import { podHashOf } from './replicasets.js';

/** A rollout analysis that cannot be turned into a run (missing template, duplicate metric, unresolved argument). */
export class AnalysisRunBuildError extends Error {
  override readonly name = 'AnalysisRunBuildError';
}

/** Reads `metadata.name`, `metadata.labels['app']`, `spec.template.spec.containers[0].image` … from the rollout. */
export function extractFieldPath(rollout: Rollout, fieldPath: string): string {
  const tokens = [...fieldPath.matchAll(/([^.[\]]+)|\[(?:'([^']*)'|"([^"]*)"|(\d+))\]/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  let value: unknown = rollout;
  for (const token of tokens) {
    if (value === undefined || value === null || typeof value !== 'object') return '';
    value = (value as Record<string, unknown>)[token];
  }
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Resolves rollout analysis args: literal values, podTemplateHashValue Stable/Latest, fieldRef. */
export function buildArguments(args: readonly AnalysisRunArgument[] | undefined, stableRS: ReplicaSet | undefined, newRS: ReplicaSet | undefined, rollout: Rollout): Argument[] {
  return (args ?? []).map((arg) => {
    let value = arg.value ?? '';
    const from = arg.valueFrom;
    if (from?.podTemplateHashValue === 'Latest') value = podHashOf(newRS);
    else if (from?.podTemplateHashValue === 'Stable') value = podHashOf(stableRS);
    else if (from?.fieldRef) value = extractFieldPath(rollout, from.fieldRef.fieldPath);
    return { name: arg.name, value };
  });
}

/** Fetches the referenced templates (recursively through spec.templates), each once. */
export async function resolveTemplates(ctx: RolloutContext, refs: readonly AnalysisTemplateRef[], seen = new Set<string>()): Promise<AnalysisTemplateSpec[]> {
  const specs: AnalysisTemplateSpec[] = [];
  for (const ref of refs) {
    const key = `${ref.clusterScope ? 'cluster' : 'ns'}/${ref.templateName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const template = ref.clusterScope
      ? await ctx.deps.client.get<AnalysisTemplate>(Resources.clusterAnalysisTemplates, ref.templateName)
      : await ctx.deps.client.get<AnalysisTemplate>(Resources.analysisTemplates, ref.templateName, ctx.rollout.metadata?.namespace);
    specs.push(template.spec);
    if (template.spec.templates?.length) specs.push(...(await resolveTemplates(ctx, template.spec.templates, seen)));
  }
  return specs;
}

/** Template args with the rollout's values laid over them (rollout args the templates do not declare are dropped). */
export function mergeArgs(incoming: readonly Argument[], templateArgs: readonly Argument[]): Argument[] {
  const merged = templateArgs.map((arg) => ({ ...arg }));
  for (const arg of incoming) {
    const target = merged.find((candidate) => candidate.name === arg.name);
    if (!target) continue;
    if (arg.value !== undefined) target.value = arg.value;
    else if (arg.valueFrom) target.valueFrom = arg.valueFrom;
  }
  for (const arg of merged) {
    if (arg.value === undefined && !arg.valueFrom) throw new AnalysisRunBuildError(`args.${arg.name} was not resolved`);
  }
  return merged;
}

function flattenArgs(specs: readonly AnalysisTemplateSpec[]): Argument[] {
  const combined: Argument[] = [];
  for (const arg of specs.flatMap((spec) => spec.args ?? [])) {
    const index = combined.findIndex((prev) => prev.name === arg.name);
    if (index < 0) combined.push(arg);
    else {
      const prev = combined[index]!;
      if (prev.value !== undefined && arg.value !== undefined && prev.value !== arg.value) {
        throw new AnalysisRunBuildError(`Argument \`${arg.name}\` specified multiple times with different values: '${prev.value}', '${arg.value}'`);
      }
      if (prev.value === undefined) combined[index] = arg;
    }
  }
  return combined;
}

export interface AnalysisRunRequest {
  analysis: RolloutAnalysis;
  /** `''` for background, the step index for steps, `pre`/`post` for blue-green. */
  infix: string;
  labels: Record<string, string>;
}

/** The AnalysisRun object for a rollout analysis: `<rollout>-<podHash>-<revision>[-<infix>]`, owned by the rollout. */
export async function newAnalysisRunFromRollout(ctx: RolloutContext, request: AnalysisRunRequest): Promise<AnalysisRun> {
  const { rollout } = ctx;
  const podHash = podHashOf(ctx.newRS);
  if (podHash === '') throw new AnalysisRunBuildError(`Latest ReplicaSet '${ctx.newRS?.metadata?.name ?? ''}' has no pod hash in the labels`);
  const revision = rollout.metadata?.annotations?.[RolloutsAnnotation.Revision] ?? '';
  const name = [rollout.metadata?.name ?? '', podHash, revision, ...(request.infix ? [request.infix] : [])].join('-');
  const specs = await resolveTemplates(ctx, request.analysis.templates ?? []);
  const metrics = specs.flatMap((spec) => spec.metrics ?? []);
  const names = new Set<string>();
  for (const metric of metrics) {
    if (names.has(metric.name)) throw new AnalysisRunBuildError(`two metrics have the same name '${metric.name}'`);
    names.add(metric.name);
  }
  const args = mergeArgs(buildArguments(request.analysis.args, ctx.stableRS, ctx.newRS, rollout), flattenArgs(specs));
  const dryRun = [...(request.analysis.dryRun ?? []), ...specs.flatMap((spec) => spec.dryRun ?? [])];
  const retention = [...(request.analysis.measurementRetention ?? []), ...specs.flatMap((spec) => spec.measurementRetention ?? [])];
  const labels = { ...request.labels, ...(request.analysis.analysisRunMetadata?.labels ?? {}), ...(rollout.spec.selector?.matchLabels ?? {}) };
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: {
      name,
      namespace: rollout.metadata?.namespace,
      labels,
      annotations: { [RolloutsAnnotation.Revision]: revision, ...(request.analysis.analysisRunMetadata?.annotations ?? {}) },
      ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: rollout.metadata?.name ?? '', uid: rollout.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      metrics,
      ...(args.length ? { args } : {}),
      ...(dryRun.length ? { dryRun } : {}),
      ...(retention.length ? { measurementRetention: retention } : {}),
    },
  };
}

const completedPhases = new Set(['Successful', 'Failed', 'Error', 'Inconclusive']);
export const isAnalysisCompleted = (phase: string | undefined): boolean => completedPhases.has(phase ?? '');

/**
 * Creates the run; on a name clash reuses the existing run when it is ours, unfinished and equal, otherwise tries
 * `<name>.1`, `<name>.2`, … (upstream CreateWithCollisionCounter).
 */
export async function createAnalysisRun(ctx: RolloutContext, run: AnalysisRun): Promise<AnalysisRun> {
  const baseName = run.metadata?.name ?? '';
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.deps.client.create<AnalysisRun>(Resources.analysisRuns, run);
    } catch (err: unknown) {
      if (!isAlreadyExists(err)) throw err;
      const existing = await ctx.deps.client.get<AnalysisRun>(Resources.analysisRuns, run.metadata?.name ?? '', run.metadata?.namespace);
      const ours = existing.metadata?.ownerReferences?.some((ref) => ref.controller && ref.uid === ctx.rollout.metadata?.uid);
      if (ours && !isAnalysisCompleted(existing.status?.phase) && JSON.stringify(existing.spec) === JSON.stringify(run.spec)) return existing;
      run = { ...run, metadata: { ...run.metadata, name: `${baseName}.${attempt}` } };
    }
  }
}

