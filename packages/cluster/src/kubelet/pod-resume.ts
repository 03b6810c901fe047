// Seeds a pod worker's container records from the pod's status, so a kubelet restart keeps restart counts.
//
// Aviary's containers do not outlive the kubelet (they are its child processes), so a pod that was running
// before `aviary up` stopped is started fresh: init containers run again, every container that may still
// run starts again with its restartCount kept, and a container that ended for good (exit 0 under OnFailure,
// any exit under Never) keeps its terminated state. A pod in a terminal phase keeps its whole status.
import { PodPhase, RestartPolicy, type ContainerStatus, type DeepReadonly, type Pod } from '@aviary/kube';
import { createContainerRecord, type ContainerRecord } from './container-record.js';
import { shouldRestart } from './pod-phase.js';

function findStatus(statuses: readonly DeepReadonly<ContainerStatus>[] | undefined, name: string): DeepReadonly<ContainerStatus> | undefined {
  return statuses?.find((status) => status.name === name);
}

function restoreAll(record: ContainerRecord, status: DeepReadonly<ContainerStatus>): void {
  record.state = structuredClone(status.state ?? {}) as ContainerRecord['state'];
  record.lastState = structuredClone(status.lastState ?? {}) as ContainerRecord['lastState'];
  record.ready = false;
  record.started = false;
  record.imageID = status.imageID;
  if (status.containerID !== undefined) record.containerID = status.containerID;
  record.simulated = status.containerID?.startsWith('simulated://') === true;
}

export function seedContainerRecords(pod: DeepReadonly<Pod>): { initContainers: ContainerRecord[]; containers: ContainerRecord[] } {
  const spec = pod.spec;
  const hasInit = (spec?.initContainers ?? []).length > 0;
  const waitingReason = hasInit ? 'PodInitializing' : 'ContainerCreating';
  const terminal = pod.status?.phase === PodPhase.Succeeded || pod.status?.phase === PodPhase.Failed;
  const restartPolicy = spec?.restartPolicy ?? RestartPolicy.Always;

  const initContainers = (spec?.initContainers ?? []).map((container) => {
    const record = createContainerRecord(container, { isInit: true, waitingReason });
    const status = findStatus(pod.status?.initContainerStatuses, container.name);
    if (status === undefined) return record;
    record.restartCount = status.restartCount;
    if (terminal) restoreAll(record, status);
    return record;
  });

  const containers = (spec?.containers ?? []).map((container) => {
    const record = createContainerRecord(container, { isInit: false, waitingReason });
    const status = findStatus(pod.status?.containerStatuses, container.name);
    if (status === undefined) return record;
    record.restartCount = status.restartCount;
    const ended = status.state?.terminated;
    const endedForGood = ended !== undefined && !shouldRestart({ restartPolicy, exitCode: ended.exitCode, isInit: false });
    if (terminal || endedForGood) restoreAll(record, status);
    else if (status.lastState?.terminated !== undefined) record.lastState = structuredClone(status.lastState) as ContainerRecord['lastState'];
    return record;
  });
  return { initContainers, containers };
}
