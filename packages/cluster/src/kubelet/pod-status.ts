// The status a pod worker reports: phase, conditions, container statuses, addresses, start time and QoS class.
import { RestartPolicy, type ContainerStatus, type DeepReadonly, type Pod, type PodPhase, type PodQOSClass, type PodStatus } from '@aviary/kube';
import type { ContainerRecord } from './container-record.js';
import { computePodConditions } from './pod-conditions.js';
import { computePodPhase } from './pod-phase.js';
import { parseQuantity } from './resource-field-ref.js';

export interface PodStatusInput {
  readonly pod: DeepReadonly<Pod>;
  readonly initContainers: readonly ContainerRecord[];
  readonly containers: readonly ContainerRecord[];
  /** Empty until the pod has an address. */
  readonly podIP: string;
  readonly hostIP: string;
  /** RFC 3339: when the kubelet took the pod on. */
  readonly startTime: string;
  readonly nowIso: string;
  /** A terminal phase the worker settled on (never left again). */
  readonly finalPhase?: PodPhase;
}

function toContainerStatus(record: ContainerRecord): ContainerStatus {
  const status: ContainerStatus = {
    name: record.name,
    state: structuredClone(record.state),
    lastState: structuredClone(record.lastState),
    ready: record.isInit ? record.state.terminated?.exitCode === 0 : record.ready,
    restartCount: record.restartCount,
    image: record.spec.image ?? '',
    imageID: record.imageID,
    started: record.started,
  };
  if (record.containerID !== undefined) status.containerID = record.containerID;
  return status;
}

/**
 * (pkg/apis/core/helper/qos) BestEffort: no container sets requests or limits; Guaranteed: every container
 * limits cpu and memory and requests equal limits; otherwise Burstable.
 */
export function computeQosClass(pod: DeepReadonly<Pod>): PodQOSClass {
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const container of all) {
    const requests = container.resources?.requests ?? {};
    const limits = container.resources?.limits ?? {};
    const names = new Set([...Object.keys(requests), ...Object.keys(limits)].filter((n) => n === 'cpu' || n === 'memory'));
    if (names.size > 0) any = true;
    for (const name of ['cpu', 'memory']) {
      const limit = parseQuantity(limits[name]);
      const request = parseQuantity(requests[name] ?? limits[name]);
      if (limit === undefined || request !== limit) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Describes simulated containers so `kubectl get pod -o yaml` (status.message) says no process runs. */
function describeSimulated(records: readonly ContainerRecord[]): string | undefined {
  const names = records.filter((record) => record.simulated).map((record) => record.name);
  if (names.length === 0) return undefined;
  return `aviary: simulated container(s) [${names.join(' ')}]: Running and Ready with no process behind them`;
}

/** Builds the whole status from the worker's records (pure: no clock, no I/O). */
export function computePodStatus(input: PodStatusInput): PodStatus {
  const { pod } = input;
  const spec = pod.spec ?? { containers: [] };
  const phase = input.finalPhase ?? computePodPhase({
    restartPolicy: spec.restartPolicy ?? RestartPolicy.Always,
    initContainers: input.initContainers,
    containers: input.containers,
  });
  const status: PodStatus = {
    phase,
    conditions: computePodConditions({
      phase,
      spec,
      initContainers: input.initContainers,
      containers: input.containers,
      previous: pod.status?.conditions ?? [],
      sandboxReady: input.podIP !== '',
      nowIso: input.nowIso,
    }),
    hostIP: input.hostIP,
    hostIPs: [{ ip: input.hostIP }],
    startTime: input.startTime,
    containerStatuses: input.containers.map(toContainerStatus),
    qosClass: computeQosClass(pod),
  };
  if (input.podIP !== '') {
    status.podIP = input.podIP;
    status.podIPs = [{ ip: input.podIP }];
  }
  if (input.initContainers.length > 0) status.initContainerStatuses = input.initContainers.map(toContainerStatus);
  const message = describeSimulated([...input.initContainers, ...input.containers]);
  if (message !== undefined) status.message = message;
  return status;
}
