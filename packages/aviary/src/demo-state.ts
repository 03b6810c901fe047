// What the demo watches: the rollout, its ReplicaSets and pods, and the Service's endpoints, read in one go and
// summed up by colour (the demo image's tag) so stages can wait for "1 yellow + 4 blue, all behind the Service".
import { isNotFound, Resources, type Endpoints, type KubeClient, type Pod, type ReplicaSet, type Rollout } from '@aviary/kube';

/** The demo's objects: the names and label of demo/rollouts-demo.yaml. */
export const DemoNames = { rollout: 'rollouts-demo', service: 'rollouts-demo', container: 'rollouts-demo', labelSelector: 'app=rollouts-demo' } as const;

export interface DemoState {
  rollout: Rollout;
  replicaSets: ReplicaSet[];
  pods: Pod[];
  /** Pod IPs the Service sends traffic to (its Endpoints' ready addresses). */
  endpointIPs: string[];
  /** Ready pods not being deleted, by colour: { blue: 4, yellow: 1 }. */
  ready: Record<string, number>;
  /** Pods not being deleted (starting or running), by colour. */
  live: Record<string, number>;
  /**
   * Pods being deleted. They are out of the Service's endpoints at once, but the demo app waits 10 s after SIGTERM
   * before it exits (as upstream's does), so they linger; stages do not wait for them.
   */
  terminating: number;
}

/** The tag of an image reference: `blue` for `argoproj/rollouts-demo:blue`, the whole reference when untagged. */
export function colorOfImage(image: string | undefined): string {
  if (image === undefined) return '?';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon < 0 ? image : image.slice(colon + 1);
}

function isDeleting(pod: Pod): boolean {
  return pod.metadata?.deletionTimestamp != null;
}

function isReady(pod: Pod): boolean {
  return !isDeleting(pod) && (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function countByColor(pods: readonly Pod[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const pod of pods) {
    const color = colorOfImage(pod.spec?.containers[0]?.image);
    counts[color] = (counts[color] ?? 0) + 1;
  }
  return counts;
}

/** Reads the rollout, its ReplicaSets and pods, and the Service's ready endpoints. The rollout's NotFound is thrown. */
export async function readDemoState(client: KubeClient, namespace: string): Promise<DemoState> {
  const [rollout, replicaSets, pods, endpoints] = await Promise.all([
    client.get<Rollout>(Resources.rollouts, DemoNames.rollout, namespace),
    client.list<ReplicaSet>(Resources.replicaSets, { namespace, labelSelector: DemoNames.labelSelector }),
    client.list<Pod>(Resources.pods, { namespace, labelSelector: DemoNames.labelSelector }),
    client.get<Endpoints>(Resources.endpoints, DemoNames.service, namespace).catch((err: unknown) => {
      if (isNotFound(err)) return undefined;
      throw err;
    }),
  ]);
  const endpointIPs = (endpoints?.subsets ?? []).flatMap((subset) => (subset.addresses ?? []).map((address) => address.ip));
  return {
    rollout,
    replicaSets: replicaSets.items,
    pods: pods.items,
    endpointIPs,
    ready: countByColor(pods.items.filter(isReady)),
    live: countByColor(pods.items.filter((pod) => !isDeleting(pod))),
    terminating: pods.items.filter(isDeleting).length,
  };
}

/** Whether `counts` is exactly `expected` (colours absent from `expected` must be absent or zero). */
export function countsEqual(counts: Readonly<Record<string, number>>, expected: Readonly<Record<string, number>>): boolean {
  const colors = new Set([...Object.keys(counts), ...Object.keys(expected)]);
  return [...colors].every((color) => (counts[color] ?? 0) === (expected[color] ?? 0));
}

/** The live pods are exactly `expected` by colour, all ready, and the Service sends traffic to exactly those pods. */
export function servesExactly(state: DemoState, expected: Readonly<Record<string, number>>): boolean {
  if (!countsEqual(state.ready, expected) || !countsEqual(state.live, expected)) return false;
  const readyIPs = state.pods.filter(isReady).map((pod) => pod.status?.podIP ?? '');
  return sameMembers(readyIPs, state.endpointIPs);
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedB = [...b].sort();
  return [...a].sort().every((value, i) => value === sortedB[i]);
}

/** `blue 4/4` per ReplicaSet colour, with desired replicas; ReplicaSets scaled to zero with no live pods are omitted. */
function replicaSetSummary(state: DemoState): string {
  const parts = state.replicaSets
    .map((rs) => ({ color: colorOfImage(rs.spec?.template?.spec?.containers[0]?.image), ready: rs.status?.readyReplicas ?? 0, desired: rs.spec?.replicas ?? 0 }))
    .filter((rs) => rs.desired > 0 || (state.live[rs.color] ?? 0) > 0)
    .sort((a, b) => a.color.localeCompare(b.color))
    .map((rs) => `${rs.color} ${rs.ready}/${rs.desired}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/**
 * One progress line, printed whenever it changes while a stage waits:
 * `Progressing · step 2/8 · pods blue 3/3, yellow 1/2 (1 terminating) · 4 behind the Service`.
 */
export function describeProgress(state: DemoState): string {
  const status = state.rollout.status ?? {};
  const steps = state.rollout.spec.strategy.canary?.steps ?? [];
  const parts = [status.phase ?? 'Pending'];
  if (status.message) parts[0] += ` (${status.message})`;
  if (status.currentStepIndex != null && steps.length > 0) parts.push(`step ${status.currentStepIndex}/${steps.length}`);
  parts.push(`pods ${replicaSetSummary(state)}${state.terminating > 0 ? ` (${state.terminating} terminating)` : ''}`);
  parts.push(`${state.endpointIPs.length} behind the Service`);
  return parts.join(' · ');
}
