// ContainerRecord: what the kubelet knows about one container of a pod between restarts (the source of its status).
import type { Container, ContainerState, DeepReadonly } from '@aviary/kube';
import type { RunningContainer } from '../runtime/index.js';

/** Per-container state a pod worker keeps; pod-status.ts turns a list of these into containerStatuses. */
export interface ContainerRecord {
  readonly name: string;
  readonly isInit: boolean;
  readonly spec: DeepReadonly<Container>;
  /** How many times the kubelet restarted this container (preserved from status across kubelet restarts). */
  restartCount: number;
  /** The current state; waiting ContainerCreating until the first start. */
  state: ContainerState;
  /** The previous run's terminated state, after a restart. */
  lastState: ContainerState;
  /** Passed its readiness probe (or has none) and runs. */
  ready: boolean;
  /** Passed its startup probe (or has none) and runs. */
  started: boolean;
  /** Set once the container first started: `aviary://…` or `simulated://…`. */
  containerID?: string;
  /** `aviary://<runtime>/<image>`, once a runtime was chosen. */
  imageID: string;
  /** The runtime serving it (`process`, `catalog`, `simulated`). */
  runtimeName?: string;
  /** True when no process backs it. */
  simulated: boolean;
  /** The live handle while it runs. */
  running?: RunningContainer;
  /** Epoch ms of the last exit, for the restart back-off. */
  exitedAtMs?: number;
}

/** A fresh record for a container that never ran. */
export function createContainerRecord(spec: DeepReadonly<Container>, options: { isInit: boolean; waitingReason: string }): ContainerRecord {
  return {
    name: spec.name,
    isInit: options.isInit,
    spec,
    restartCount: 0,
    state: { waiting: { reason: options.waitingReason } },
    lastState: {},
    ready: false,
    started: false,
    imageID: '',
    simulated: false,
  };
}

/** Did the container end with exit code 0? */
export function hasSucceeded(record: ContainerRecord): boolean {
  return record.state.terminated?.exitCode === 0;
}

/** Has it ever run (a terminated current or previous state)? */
export function hasRunBefore(record: ContainerRecord): boolean {
  return record.state.terminated !== undefined || record.lastState.terminated !== undefined;
}

/** The containerID format: `<scheme>://<pod uid>/<container>/<restart count>`. */
export function formatContainerID(options: { simulated: boolean; podUid: string; container: string; restartCount: number }): string {
  const scheme = options.simulated ? 'simulated' : 'aviary';
  return `${scheme}://${options.podUid}/${options.container}/${options.restartCount}`;
}
