// The pod table: NAME READY STATUS RESTARTS AGE (+ IP NODE NOMINATED NODE READINESS GATES), as kubectl prints it.
import type { ContainerStatus, Pod } from '@aviary/kube';
import { ageSince } from './age.js';
import { ageColumn, column, nameColumn, orNone, type TablePrinter } from './column.js';

interface Tally {
  restarts: number;
  lastRestart?: string;
}

/** The STATUS cell: the phase, overridden by the reason of a waiting or failed container (k8s printPod). */
export function podStatusReason(pod: Pod): { reason: string; ready: number; total: number; tally: Tally } {
  const spec = pod.spec;
  const status = pod.status ?? {};
  let reason: string = status.reason || status.phase || 'Pending';
  const tally: Tally = { restarts: 0 };
  const initStatuses = status.initContainerStatuses ?? [];
  const initCount = spec?.initContainers?.length ?? 0;
  let initializing = false;
  for (const [index, container] of initStatuses.entries()) {
    count(tally, container);
    const state = container.state ?? {};
    if (state.terminated && state.terminated.exitCode === 0) continue;
    if (state.terminated) {
      reason = state.terminated.reason
        ? `Init:${state.terminated.reason}`
        : state.terminated.signal
          ? `Init:Signal:${state.terminated.signal}`
          : `Init:ExitCode:${state.terminated.exitCode}`;
    } else if (state.waiting?.reason && state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${state.waiting.reason}`;
    } else {
      reason = `Init:${index}/${initCount}`;
    }
    initializing = true;
    break;
  }
  let ready = 0;
  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    tally.restarts = 0;
    delete tally.lastRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i]!;
      count(tally, container);
      const state = container.state ?? {};
      if (state.waiting?.reason) reason = state.waiting.reason;
      else if (state.terminated?.reason) reason = state.terminated.reason;
      else if (state.terminated) reason = state.terminated.signal ? `Signal:${state.terminated.signal}` : `ExitCode:${state.terminated.exitCode}`;
      else if (container.ready && state.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return { reason, ready, total: spec?.containers?.length ?? 0, tally };
}

function count(tally: Tally, container: ContainerStatus): void {
  tally.restarts += container.restartCount ?? 0;
  const finished = container.lastState?.terminated?.finishedAt;
  if (finished && (!tally.lastRestart || finished > tally.lastRestart)) tally.lastRestart = finished;
}

export const podPrinter: TablePrinter<Pod> = {
  columns: [
    nameColumn,
    column('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'The aggregate status of the containers in this pod.'),
    column('Restarts', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    ageColumn,
    column('IP', 'podIP is the IP address allocated to the pod.', { wide: true }),
    column('Node', 'NodeName indicates in which node this pod is scheduled.', { wide: true }),
    column('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node.', { wide: true }),
    column('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.', { wide: true }),
  ],
  cells(pod, now) {
    const { reason, ready, total, tally } = podStatusReason(pod);
    const restarts =
      tally.restarts !== 0 && tally.lastRestart ? `${tally.restarts} (${ageSince(tally.lastRestart, now)} ago)` : String(tally.restarts);
    const gates = pod.spec?.readinessGates ?? [];
    const gateCell =
      gates.length === 0
        ? '<none>'
        : `${gates.filter((g) => (pod.status?.conditions ?? []).some((c) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`;
    return [
      pod.metadata?.name ?? '',
      `${ready}/${total}`,
      reason,
      restarts,
      ageSince(pod.metadata?.creationTimestamp, now),
      orNone(pod.status?.podIP),
      orNone(pod.spec?.nodeName),
      orNone(pod.status?.nominatedNodeName),
      gateCell,
    ];
  },
};
