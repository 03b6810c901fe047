// The pod phase from its containers' states, as the kubelet's getPhase computes it (pkg/kubelet/kubelet_pods.go).
import { PodPhase, RestartPolicy, type PodPhase as PodPhaseValue, type RestartPolicy as RestartPolicyValue } from '@aviary/kube';
import type { ContainerRecord } from './container-record.js';

/**
 * - an init container that failed under restartPolicy Never fails the pod; unfinished init → Pending;
 * - a container that never started → Pending; any running → Running;
 * - all stopped: Always → Running (they restart); all exit 0 → Succeeded; Never → Failed; OnFailure → Running.
 * A container waiting to restart counts as stopped, as upstream does.
 */
export function computePodPhase(input: {
  readonly restartPolicy: RestartPolicyValue;
  readonly initContainers: readonly ContainerRecord[];
  readonly containers: readonly ContainerRecord[];
}): PodPhaseValue {
  const { restartPolicy } = input;
  let pendingInit = 0;
  let failedInit = 0;
  for (const record of input.initContainers) {
    const exitCode = record.state.terminated?.exitCode;
    if (exitCode === 0) continue;
    if (exitCode !== undefined || (record.state.waiting !== undefined && record.lastState.terminated !== undefined)) failedInit++;
    else pendingInit++;
  }
  if (failedInit > 0 && restartPolicy === RestartPolicy.Never) return PodPhase.Failed;
  if (failedInit > 0 || pendingInit > 0) return PodPhase.Pending;

  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const record of input.containers) {
    if (record.state.running !== undefined) running++;
    else if (record.state.terminated !== undefined) {
      stopped++;
      if (record.state.terminated.exitCode === 0) succeeded++;
    } else if (record.lastState.terminated !== undefined) stopped++;
    else waiting++;
  }
  if (waiting > 0) return PodPhase.Pending;
  if (running > 0) return PodPhase.Running;
  if (stopped > 0) {
    if (restartPolicy === RestartPolicy.Always) return PodPhase.Running;
    if (stopped === succeeded) return PodPhase.Succeeded;
    if (restartPolicy === RestartPolicy.Never) return PodPhase.Failed;
    return PodPhase.Running;
  }
  return PodPhase.Pending;
}

/** Should a container that exited with `exitCode` run again? (init containers: OnFailure semantics under Always.) */
export function shouldRestart(input: { readonly restartPolicy: RestartPolicyValue; readonly exitCode: number; readonly isInit: boolean }): boolean {
  if (input.restartPolicy === RestartPolicy.Never) return false;
  if (input.isInit || input.restartPolicy === RestartPolicy.OnFailure) return input.exitCode !== 0;
  return true;
}
