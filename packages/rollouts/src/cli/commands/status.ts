// `status ROLLOUT_NAME [--watch=false] [--timeout DURATION]`: prints each new phase ("Paused - CanaryPauseStep",
// "Healthy", "Degraded - RolloutAborted: …") until Healthy (exit 0), Degraded or the timeout (errors, exit 1).
// Upstream: pkg/kubectl-argo-rollouts/cmd/status/status.go.
import { Resources, type Rollout } from '@aviary/kube';
import { displayedRolloutPhase, type PhaseAndMessage } from '../../status/index.js';
import { boolFlag, expectArgs, numberFlag } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import { CliError } from '../errors.js';
import { waitForStop, type KubeCommandIo } from '../io.js';
import { watchRollout } from '../object-sources.js';

export const StatusMessage = {
  degraded: (message: string): string => `The rollout is in a degraded state with message: ${message}`,
  timeout: 'Rollout status watch exceeded timeout',
} as const;

export interface StatusOptions {
  name: string;
  /** Default true, as upstream. */
  watch?: boolean;
  /** Give up after this many ms (0: wait until Healthy, Degraded or Ctrl-C). */
  timeoutMs?: number;
}

const isDone = (phase: PhaseAndMessage): boolean => phase.phase === 'Healthy' || phase.phase === 'Degraded';

/** `Paused - CanaryPauseStep`, or the bare phase when there is no message. */
function statusLine(phase: PhaseAndMessage): string {
  return phase.message ? `${phase.phase} - ${phase.message}` : phase.phase;
}

/** Prints phase changes until done; resolves with the last phase seen. */
async function watchPhases(io: KubeCommandIo, name: string, initial: Rollout, timeoutMs: number): Promise<PhaseAndMessage> {
  const { informer, current } = watchRollout(io, name);
  let last = displayedRolloutPhase(initial);
  let printed = '';
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const observe = (rollout: Rollout | undefined): void => {
    if (!rollout) return;
    last = displayedRolloutPhase(rollout);
    const line = statusLine(last);
    if (line !== printed) {
      io.stdout.write(`${line}\n`);
      printed = line;
    }
    if (isDone(last)) finish();
  };
  informer.addEventHandler({ onAdd: () => observe(current()), onUpdate: () => observe(current()) });
  observe(initial);
  try {
    if (!isDone(last)) {
      informer.start();
      await waitForStop(io, timeoutMs, finished);
    }
  } finally {
    await informer.stop();
  }
  return last;
}

export async function runStatus(io: KubeCommandIo, options: StatusOptions): Promise<number> {
  const rollout = await io.client.get<Rollout>(Resources.rollouts, options.name, io.namespace);
  const watch = options.watch ?? true;
  let phase = displayedRolloutPhase(rollout);
  if (!watch) io.stdout.write(`${isDone(phase) ? phase.phase : statusLine(phase)}\n`);
  else phase = await watchPhases(io, options.name, rollout, options.timeoutMs ?? 0);
  if (phase.phase === 'Degraded') throw new CliError(StatusMessage.degraded(phase.message));
  if (phase.phase !== 'Healthy' && watch) throw new CliError(StatusMessage.timeout);
  return 0;
}

export async function execute(invocation: Invocation): Promise<number> {
  const [name = ''] = expectArgs(invocation, { exactly: 1 });
  return runStatus(await invocation.connect(), { name, watch: boolFlag(invocation, 'watch'), timeoutMs: numberFlag(invocation, 'timeout') });
}
