// Running the walkthrough's stages against a cluster: for each, say what happens, act, wait for the state while
// printing progress as it changes, then show the `get rollout` tree and the traffic split measured through the Service.
import { Resources, type Clock, type KubeClient, type Service } from '@aviary/kube';
import { renderRolloutTree, rolloutInfo } from '@aviary/rollouts';
import { DemoNames, describeProgress, readDemoState, type DemoState } from './demo-state.js';
import { demoStages, type DemoStage, type StageContext } from './demo-stages.js';
import { colorSplit, formatSplit } from './service-traffic.js';

/** Where the demo writes: process.stdout or a test's capture. */
export interface DemoOutput {
  write(chunk: string): unknown;
}

export interface DemoRunOptions {
  client: KubeClient;
  namespace: string;
  out: DemoOutput;
  color: boolean;
  clock: Clock;
  /** Aborted on Ctrl-C: the stage in progress stops and the run rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Length of the demo's timed pauses (10 in the manifest; shorter with --fast). */
  pauseSeconds: number;
  /** How the manifest file is named in the `kubectl apply -f` line. */
  manifestLabel: string;
  /** Requests per traffic measurement. */
  trafficRequests: number;
  /** Delay between state reads while waiting. */
  pollMs?: number;
  /** Overrides every stage's own timeout (tests). */
  stageTimeoutMs?: number;
}

/** A stage's state was not reached in time; `last` is the progress line last seen. */
export class StageTimeoutError extends Error {
  override readonly name = 'StageTimeoutError';
  constructor(
    readonly stage: string,
    readonly timeoutMs: number,
    readonly last: string,
    options?: { cause?: unknown },
  ) {
    super(`stage "${stage}" did not reach its state within ${Number((timeoutMs / 1000).toFixed(1))}s (last seen: ${last})`, options);
  }
}

const bold = (color: boolean, text: string): string => (color ? `\x1b[1m${text}\x1b[0m` : text);
const dim = (color: boolean, text: string): string => (color ? `\x1b[2m${text}\x1b[0m` : text);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

/** Runs every stage in order; resolves when the last one is reached. */
export async function runDemoStages(options: DemoRunOptions): Promise<void> {
  const { out, color } = options;
  const ctx: StageContext = { client: options.client, namespace: options.namespace, pauseSeconds: options.pauseSeconds, memo: {} };
  const stages = demoStages({ manifestLabel: options.manifestLabel, pauseSeconds: options.pauseSeconds });
  for (const [index, stage] of stages.entries()) {
    options.signal?.throwIfAborted();
    out.write(`\n${bold(color, `${index + 1}/${stages.length} ${stage.title}`)}\n`);
    out.write(`${stage.intro}\n`);
    out.write(`  $ ${stage.command}\n`);
    const started = options.clock.now();
    const printed = await stage.act(ctx);
    if (printed !== undefined) out.write(`${printed.replace(/^/gm, '  ')}\n`);
    const state = await waitForStage(options, stage, ctx);
    out.write(`${stage.outro(state, ctx)} ${dim(color, `(reached in ${seconds(options.clock.now() - started)})`)}\n`);
    if (stage.show) {
      out.write(`\n${renderTree(options, state)}\n`);
      out.write(`${await measureTraffic(options, state)}\n`);
    }
  }
}

/** Polls the cluster until the stage's state holds, printing each new progress line; throws StageTimeoutError. */
async function waitForStage(options: DemoRunOptions, stage: DemoStage, ctx: StageContext): Promise<DemoState> {
  const timeoutMs = options.stageTimeoutMs ?? stage.timeoutMs;
  const deadline = options.clock.now() + timeoutMs;
  let last = 'nothing read yet';
  let lastError: unknown;
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      const state = await readDemoState(options.client, options.namespace);
      lastError = undefined;
      const line = describeProgress(state);
      if (line !== last) options.out.write(`  ${dim(options.color, '·')} ${line}\n`);
      last = line;
      if (stage.reached(state, ctx)) return state;
    } catch (err: unknown) {
      // A read that fails (the API server busy, a connection reset) is retried until the deadline.
      lastError = err;
    }
    if (options.clock.now() > deadline) {
      const detail = lastError === undefined ? last : `${last}; last error: ${lastError instanceof Error ? lastError.message : String(lastError)}`;
      throw new StageTimeoutError(stage.title, timeoutMs, detail, { cause: lastError });
    }
    await sleepUnlessAborted(options.clock, options.pollMs ?? 250, options.signal);
  }
}

function renderTree(options: DemoRunOptions, state: DemoState): string {
  const info = rolloutInfo({ rollout: state.rollout, replicaSets: state.replicaSets, pods: state.pods, analysisRuns: [], experiments: [], now: options.clock.now() });
  return renderRolloutTree(info, { color: options.color });
}

/** `traffic  blue 80% · yellow 20%  (200 requests to http://IP/color)`, or why it could not be measured. */
async function measureTraffic(options: DemoRunOptions, state: DemoState): Promise<string> {
  const service = await options.client.get<Service>(Resources.services, DemoNames.service, options.namespace);
  const clusterIP = service.spec?.clusterIP;
  const label = bold(options.color, 'traffic');
  if (!clusterIP || clusterIP === 'None') return `${label}  not measured: the Service has no cluster IP`;
  try {
    const counts = await colorSplit(clusterIP, options.trafficRequests, options.signal ? { signal: options.signal } : {});
    const pods = Object.entries(state.ready).map(([color, n]) => `${n} ${color}`).join(', ');
    return `${label}  ${formatSplit(counts)}  ${dim(options.color, `(${options.trafficRequests} requests to http://${clusterIP}/color; ready pods: ${pods})`)}`;
  } catch (err: unknown) {
    options.signal?.throwIfAborted();
    // A real cluster's cluster IPs are usually not reachable from outside it; the walkthrough goes on without.
    return `${label}  not measured: http://${clusterIP}/color is not reachable from here (${err instanceof Error ? err.message : String(err)})`;
  }
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it is aborted. */
function sleepUnlessAborted(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return clock.sleep(ms);
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      timer.cancel();
      reject(signal.reason);
    };
    const timer = clock.setTimer(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
