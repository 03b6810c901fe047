// The pod anti-affinity rule injected into new ReplicaSets so canary pods avoid nodes that run the stable pods.
// Upstream: utils/replicaset/replicaset.go (GenerateReplicaSetAffinity, RemoveInjectedAntiAffinityRule).
import { copyJson, RolloutsLabel, type Affinity, type AntiAffinity, type PodAffinityTerm, type Rollout } from '@aviary/kube';
import { computePodTemplateHash } from '../hash/index.js';

function antiAffinityOf(rollout: Rollout): AntiAffinity | undefined {
  const { canary, blueGreen } = rollout.spec.strategy;
  const configured = canary?.antiAffinity ?? blueGreen?.antiAffinity;
  if (!configured) return undefined;
  return configured.preferredDuringSchedulingIgnoredDuringExecution || configured.requiredDuringSchedulingIgnoredDuringExecution ? configured : undefined;
}

function injectedTerm(rollout: Rollout): PodAffinityTerm {
  return {
    labelSelector: { matchExpressions: [{ key: RolloutsLabel.PodTemplateHash, operator: 'In', values: [rollout.status?.stableRS ?? ''] }] },
    namespaces: [rollout.metadata?.namespace ?? ''],
    topologyKey: 'kubernetes.io/hostname',
  };
}

/** The template affinity plus, when configured and a different stable exists, the injected anti-affinity term. */
export function generateReplicaSetAffinity(rollout: Rollout): Affinity | undefined {
  const strategy = antiAffinityOf(rollout);
  const affinity = rollout.spec.template?.spec?.affinity ? copyJson(rollout.spec.template.spec.affinity) : undefined;
  const stable = rollout.status?.stableRS ?? '';
  if (!strategy || stable === '' || stable === computePodTemplateHash(rollout.spec.template, rollout.status?.collisionCount)) return affinity;
  const result: Affinity = affinity ?? {};
  const anti = (result.podAntiAffinity ??= {});
  const preferred = strategy.preferredDuringSchedulingIgnoredDuringExecution;
  if (preferred) (anti.preferredDuringSchedulingIgnoredDuringExecution ??= []).push({ weight: preferred.weight, podAffinityTerm: injectedTerm(rollout) });
  else (anti.requiredDuringSchedulingIgnoredDuringExecution ??= []).push(injectedTerm(rollout));
  return result;
}

const isInjected = (term: PodAffinityTerm | undefined): boolean =>
  Boolean(term?.labelSelector?.matchExpressions?.some((expression) => expression.key === RolloutsLabel.PodTemplateHash));

/** The affinity without the injected term (undefined when nothing else is left). */
export function removeInjectedAntiAffinity(affinity: Affinity | undefined, rollout: Rollout): Affinity | undefined {
  const strategy = antiAffinityOf(rollout);
  if (!strategy || !affinity?.podAntiAffinity) return affinity;
  const copy = copyJson(affinity);
  const anti = copy.podAntiAffinity!;
  if (strategy.preferredDuringSchedulingIgnoredDuringExecution) {
    const terms = anti.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    const index = terms.findIndex((term) => isInjected(term.podAffinityTerm));
    if (index >= 0) terms.splice(index, 1);
    if (terms.length === 0) delete anti.preferredDuringSchedulingIgnoredDuringExecution;
  } else {
    const terms = anti.requiredDuringSchedulingIgnoredDuringExecution ?? [];
    const index = terms.findIndex(isInjected);
    if (index >= 0) terms.splice(index, 1);
    if (terms.length === 0) delete anti.requiredDuringSchedulingIgnoredDuringExecution;
  }
  if (!anti.preferredDuringSchedulingIgnoredDuringExecution && !anti.requiredDuringSchedulingIgnoredDuringExecution) delete copy.podAntiAffinity;
  return copy.podAntiAffinity || copy.podAffinity || copy.nodeAffinity ? copy : undefined;
}

/** True when the injected term names an older stable hash than the rollout's current stableRS. */
export function injectedAntiAffinityNeedsUpdate(affinity: Affinity | undefined, rollout: Rollout): boolean {
  if (!antiAffinityOf(rollout) || !affinity?.podAntiAffinity) return false;
  const stable = rollout.status?.stableRS ?? '';
  if (stable === computePodTemplateHash(rollout.spec.template, rollout.status?.collisionCount)) return false;
  const anti = affinity.podAntiAffinity;
  const terms = [...(anti.requiredDuringSchedulingIgnoredDuringExecution ?? []), ...(anti.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => t.podAffinityTerm)];
  const term = terms.find(isInjected);
  const values = term?.labelSelector?.matchExpressions?.find((e) => e.key === RolloutsLabel.PodTemplateHash)?.values ?? [];
  return term !== undefined && values.length > 0 && values[0] !== stable;
}
