// undo: put the pod template of an earlier revision's ReplicaSet back into the Rollout (or its workload).
// Upstream: pkg/kubectl-argo-rollouts/cmd/undo/undo.go (RunUndoRollout, rolloutRevision, equalIgnoreHash).
import {
  defineResourceType,
  labelSelectorFromObject,
  PatchType,
  Resources,
  RolloutsAnnotation,
  RolloutsLabel,
  type KubeObject,
  type PodTemplateSpec,
  type ReplicaSet,
  type ResourceType,
  type Rollout,
} from '@aviary/kube';
import { RevisionNotFoundError, UndoError } from './action-errors.js';
import { ActionMessage, type ActionTarget } from './action-types.js';

export interface UndoOptions extends ActionTarget {
  /** `--to-revision`; 0 (the default) means the revision before the newest. */
  toRevision?: number;
}

export interface UndoResult {
  /** True when the template already matched that revision and nothing was written. */
  skipped: boolean;
  message: string;
}

const podTemplates = defineResourceType('', 'v1', 'podtemplates', 'PodTemplate');
const workloadTypes: Readonly<Record<string, ResourceType>> = { Deployment: Resources.deployments, ReplicaSet: Resources.replicaSets, PodTemplate: podTemplates };

/** The revision annotation as a number: absent → 0, unreadable → undefined (that ReplicaSet is ignored). */
function revisionOf(object: KubeObject): number | undefined {
  const text = object.metadata?.annotations?.[RolloutsAnnotation.Revision];
  if (text === undefined) return 0;
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/** The ReplicaSets the rollout's selector matches and that it controls (same owner uid). */
async function ownedReplicaSets(options: UndoOptions, rollout: Rollout): Promise<ReplicaSet[]> {
  try {
    const labelSelector = labelSelectorFromObject(rollout.spec.selector ?? {}).toString();
    const list = await options.client.list<ReplicaSet>(Resources.replicaSets, { namespace: options.namespace, ...(labelSelector ? { labelSelector } : {}) });
    return list.items.filter((rs) => rs.metadata?.ownerReferences?.some((ref) => ref.controller === true && ref.uid === rollout.metadata?.uid));
  } catch (err: unknown) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new UndoError(`failed to retrieve replica sets from rollout ${options.name}: ${reason}`, { cause: err });
  }
}

/** The ReplicaSet of `toRevision`, or for 0 the second newest revision (rolloutRevision). */
function findRevision(rollout: Rollout, replicaSets: readonly ReplicaSet[], toRevision: number): ReplicaSet {
  let latest: { rs?: ReplicaSet; revision: number } = { revision: -1 };
  let previous: { rs?: ReplicaSet; revision: number } = { revision: -1 };
  for (const rs of replicaSets) {
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    if (toRevision === 0) {
      if (latest.revision < revision) {
        previous = latest;
        latest = { rs, revision };
      } else if (previous.revision < revision) {
        previous = { rs, revision };
      }
    } else if (toRevision === revision) {
      return rs;
    }
  }
  if (toRevision > 0 || previous.rs === undefined) throw new RevisionNotFoundError(rollout.metadata?.name ?? '', toRevision);
  return previous.rs;
}

/**
 * apimachinery's DeepDerivative on JSON values: true when every field set in `partial` equals the one in `full`;
 * unset (null, undefined, "") fields of `partial` are ignored, but a key `partial` has must exist in `full`.
 */
function isDerivative(partial: unknown, full: unknown): boolean {
  if (partial === undefined || partial === null || partial === '') return true;
  if (Array.isArray(partial)) return Array.isArray(full) && partial.length === full.length && partial.every((item, i) => isDerivative(item, full[i]));
  if (typeof partial === 'object') {
    if (typeof full !== 'object' || full === null || Array.isArray(full)) return false;
    return Object.entries(partial).every(([key, value]) => Object.hasOwn(full, key) && isDerivative(value, (full as Record<string, unknown>)[key]));
  }
  return partial === full;
}

/** A template without the pod-template-hash label. */
function withoutHashLabel(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy = structuredClone(template ?? {});
  if (copy.metadata?.labels) delete copy.metadata.labels[RolloutsLabel.PodTemplateHash];
  return copy;
}

/**
 * Rolls the rollout back: finds the revision's ReplicaSet, and unless the template already matches it, replaces
 * `/spec/template` (JSON patch) on the Rollout, or on its workloadRef's Deployment / ReplicaSet / PodTemplate.
 */
export async function undoRollout(options: UndoOptions): Promise<UndoResult> {
  const { client, namespace, name } = options;
  const toRevision = options.toRevision ?? 0;
  const rollout = await client.get<Rollout>(Resources.rollouts, name, namespace);
  const target = findRevision(rollout, await ownedReplicaSets(options, rollout), toRevision);
  if (rollout.spec.template && isDerivative(withoutHashLabel(rollout.spec.template), withoutHashLabel(target.spec?.template))) {
    return { skipped: true, message: ActionMessage.undoSkipped(toRevision) };
  }
  const patch = [{ op: 'replace', path: '/spec/template', value: withoutHashLabel(target.spec?.template) }];
  const workloadRef = rollout.spec.workloadRef;
  const type = workloadRef ? workloadTypes[workloadRef.kind ?? ''] : Resources.rollouts;
  if (type === undefined) throw new UndoError(`failed restoring revision ${toRevision}: workload of type ${workloadRef?.kind ?? ''} is not supported`);
  try {
    await client.patch(type, workloadRef ? (workloadRef.name ?? '') : name, namespace, patch, PatchType.Json);
  } catch (err: unknown) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new UndoError(`failed restoring revision ${toRevision}: ${reason}`, { cause: err });
  }
  return { skipped: false, message: ActionMessage.undone(rollout.metadata?.name ?? name) };
}
