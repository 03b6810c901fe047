// Wires the startup, readiness and liveness probes of one running container to its record (pkg/kubelet/prober).
import type { DeepReadonly, Pod, Probe } from '@aviary/kube';
import type { RunningContainer } from '../runtime/index.js';
import type { ContainerRecord } from './container-record.js';
import type { KubeletContext } from './kubelet-context.js';
import { KubeletEventReason, recordWarningEvent } from './kubelet-events.js';
import { ProbeResult } from './probes/probe-outcome.js';
import { ProbeKind, ProbeWorker } from './probes/probe-worker.js';
import { runProbe } from './probes/run-probe.js';

export interface ContainerProbesInput {
  readonly pod: DeepReadonly<Pod>;
  readonly record: ContainerRecord;
  readonly running: RunningContainer;
  readonly podIP: string;
  /** `ready` or `started` changed: write the status. */
  readonly onStatusChange: () => void;
  /** A liveness or startup probe failed past its threshold: the container must be killed. */
  readonly onProbeKill: (kind: ProbeKind, probe: DeepReadonly<Probe>) => void;
}

export interface ContainerProbes {
  stop(): void;
}

/**
 * Sets `started` and `ready` for a container that just started and keeps them current. A simulated
 * container is started and ready at once, with no probe timers (scale: thousands of pods).
 * Without a startup probe it is started at once; without a readiness probe it is ready once started.
 */
export function startContainerProbes(context: KubeletContext, input: ContainerProbesInput): ContainerProbes {
  const { record } = input;
  const workers: ProbeWorker[] = [];
  const stop = (): void => {
    for (const worker of workers) worker.stop();
  };
  if (record.simulated || record.isInit) {
    record.started = true;
    record.ready = !record.isInit;
    return { stop };
  }

  const launch = (kind: ProbeKind, probe: DeepReadonly<Probe>, onChange: (result: ProbeResult) => void): void => {
    const worker = new ProbeWorker({
      kind,
      probe,
      clock: context.clock,
      attempt: () => runProbe({ probe, container: record.spec, running: input.running, podIP: input.podIP, clock: context.clock }),
      onChange: (result) => onChange(result),
      onFailedAttempt: (outcome) => recordWarningEvent(context, input.pod, KubeletEventReason.Unhealthy, `${kind} probe failed: ${outcome.output}`),
    });
    workers.push(worker);
    worker.start();
  };

  const launchRunningProbes = (): void => {
    const readiness = record.spec.readinessProbe;
    if (readiness === undefined) record.ready = true;
    else {
      record.ready = false;
      launch(ProbeKind.Readiness, readiness, (result) => {
        record.ready = result === ProbeResult.Success;
        input.onStatusChange();
      });
    }
    const liveness = record.spec.livenessProbe;
    if (liveness !== undefined) {
      launch(ProbeKind.Liveness, liveness, (result) => {
        if (result === ProbeResult.Failure) input.onProbeKill(ProbeKind.Liveness, liveness);
      });
    }
  };

  const startup = record.spec.startupProbe;
  record.ready = false;
  if (startup === undefined) {
    record.started = true;
    launchRunningProbes();
    return { stop };
  }
  record.started = false;
  launch(ProbeKind.Startup, startup, (result) => {
    if (result === ProbeResult.Failure) {
      input.onProbeKill(ProbeKind.Startup, startup);
      return;
    }
    record.started = true;
    launchRunningProbes();
    input.onStatusChange();
  });
  return { stop };
}
