// Pod conditions (PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled) with stable transition times.
//
// (pkg/kubelet/status/generate.go) Messages and reasons follow upstream; lastTransitionTime only moves
// when a condition's status changes.
import { PodPhase, type DeepReadonly, type PodCondition, type PodPhase as PodPhaseValue, type PodSpec } from '@aviary/kube';
import type { ContainerRecord } from './container-record.js';

export interface ConditionInput {
  readonly phase: PodPhaseValue;
  readonly spec: DeepReadonly<PodSpec>;
  readonly initContainers: readonly ContainerRecord[];
  readonly containers: readonly ContainerRecord[];
  /** The conditions the pod has now (binding's PodScheduled, readiness gates, transition times). */
  readonly previous: readonly DeepReadonly<PodCondition>[];
  /** Whether the pod has its address (its "sandbox"). */
  readonly sandboxReady: boolean;
  readonly nowIso: string;
}

interface Verdict {
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

function listNames(records: readonly ContainerRecord[]): string {
  return `[${records.map((record) => record.name).join(' ')}]`;
}

function initializedVerdict(input: ConditionInput): Verdict {
  if (input.phase === PodPhase.Succeeded) return { status: 'True', reason: 'PodCompleted' };
  const incomplete = input.initContainers.filter((record) => record.state.terminated?.exitCode !== 0);
  if (incomplete.length === 0) return { status: 'True' };
  return { status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: ${listNames(incomplete)}` };
}

function containersReadyVerdict(input: ConditionInput): Verdict {
  if (input.phase === PodPhase.Succeeded) return { status: 'False', reason: 'PodCompleted' };
  const unready = input.containers.filter((record) => !record.ready);
  if (unready.length === 0) return { status: 'True' };
  return { status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: ${listNames(unready)}` };
}

function readyVerdict(input: ConditionInput, containersReady: Verdict): Verdict {
  if (containersReady.status === 'False') return containersReady;
  const missing: string[] = [];
  for (const gate of input.spec.readinessGates ?? []) {
    const condition = input.previous.find((c) => c.type === gate.conditionType);
    if (condition === undefined) missing.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (condition.status !== 'True') missing.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${condition.status}`);
  }
  if (missing.length === 0) return { status: 'True' };
  return { status: 'False', reason: 'ReadinessGatesNotReady', message: missing.join(', ') };
}

function withTransition(type: string, verdict: Verdict, input: ConditionInput): PodCondition {
  const before = input.previous.find((c) => c.type === type);
  const lastTransitionTime = before !== undefined && before.status === verdict.status && before.lastTransitionTime ? before.lastTransitionTime : input.nowIso;
  return {
    type,
    status: verdict.status,
    lastProbeTime: null,
    lastTransitionTime,
    ...(verdict.reason === undefined ? {} : { reason: verdict.reason }),
    ...(verdict.message === undefined ? {} : { message: verdict.message }),
  };
}

/** The kubelet-owned conditions, in upstream's order; conditions others own (readiness gates) are kept. */
export function computePodConditions(input: ConditionInput): PodCondition[] {
  const containersReady = containersReadyVerdict(input);
  const ownTypes = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
  const sandboxVerdict: Verdict = input.sandboxReady ? { status: 'True' } : { status: 'False' };
  const scheduled = input.previous.find((c) => c.type === 'PodScheduled' && c.status === 'True');
  const conditions: PodCondition[] = [
    withTransition('PodReadyToStartContainers', sandboxVerdict, input),
    withTransition('Initialized', initializedVerdict(input), input),
    withTransition('Ready', readyVerdict(input, containersReady), input),
    withTransition('ContainersReady', containersReady, input),
    scheduled !== undefined ? (structuredClone(scheduled) as PodCondition) : withTransition('PodScheduled', { status: 'True' }, input),
  ];
  const others = input.previous.filter((c) => !ownTypes.has(c.type as string)).map((c) => structuredClone(c) as PodCondition);
  return [...conditions, ...others];
}
