// ProbeWorker: runs one probe of one container on its schedule and reports threshold crossings (pkg/kubelet/prober/worker.go).
import type { Clock, DeepReadonly, Probe, Timer } from '@aviary/kube';
import { ProbeResult, type ProbeOutcome } from './probe-outcome.js';

export const ProbeKind = { Readiness: 'Readiness', Liveness: 'Liveness', Startup: 'Startup' } as const;
export type ProbeKind = (typeof ProbeKind)[keyof typeof ProbeKind];

export interface ProbeWorkerOptions {
  readonly kind: ProbeKind;
  readonly probe: DeepReadonly<Probe>;
  readonly clock: Clock;
  /** One attempt (never rejects). */
  readonly attempt: () => Promise<ProbeOutcome>;
  /** Called when the settled result changes (after successThreshold / failureThreshold attempts). */
  readonly onChange: (result: ProbeResult, outcome: ProbeOutcome) => void;
  /** Called for every failed attempt (the `Unhealthy` event). */
  readonly onFailedAttempt?: (outcome: ProbeOutcome) => void;
}

/**
 * The settled result starts as Failure for readiness and startup and Success for liveness, as upstream.
 * The first attempt runs after initialDelaySeconds, then one every periodSeconds (default 10).
 * A startup probe stops once it succeeds.
 */
export class ProbeWorker {
  private readonly options: ProbeWorkerOptions;
  private result: ProbeResult;
  private streak = 0;
  private streakResult: ProbeResult | undefined;
  private timer: Timer | undefined;
  private stopped = false;

  constructor(options: ProbeWorkerOptions) {
    this.options = options;
    this.result = options.kind === ProbeKind.Liveness ? ProbeResult.Success : ProbeResult.Failure;
  }

  get currentResult(): ProbeResult {
    return this.result;
  }

  start(): void {
    this.schedule(Math.max(0, this.options.probe.initialDelaySeconds ?? 0) * 1000);
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = this.options.clock.setTimer(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    const started = this.options.clock.now();
    const outcome = await this.options.attempt();
    if (this.stopped) return;
    this.record(outcome);
    if (this.options.kind === ProbeKind.Startup && this.result === ProbeResult.Success) return;
    const periodMs = Math.max(1, this.options.probe.periodSeconds ?? 10) * 1000;
    this.schedule(Math.max(0, started + periodMs - this.options.clock.now()));
  }

  private record(outcome: ProbeOutcome): void {
    if (outcome.result === ProbeResult.Failure) this.options.onFailedAttempt?.(outcome);
    if (this.streakResult === outcome.result) this.streak++;
    else {
      this.streakResult = outcome.result;
      this.streak = 1;
    }
    if (outcome.result === this.result) return;
    const threshold = outcome.result === ProbeResult.Success ? (this.options.probe.successThreshold ?? 1) : (this.options.probe.failureThreshold ?? 3);
    if (this.streak < Math.max(1, threshold)) return;
    this.result = outcome.result;
    this.options.onChange(outcome.result, outcome);
  }
}
