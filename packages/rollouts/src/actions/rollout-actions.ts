// abort, retry, pause, resume and restart: one merge patch each, as the plugin sends them.
// Upstream: pkg/kubectl-argo-rollouts/cmd/{abort,retry,pause,restart}/*.go.
import { realClock } from '@aviary/kube';
import { parseGoDuration } from '../validation/go-duration.js';
import { ActionMessage, type ActionTarget, type RolloutActionResult } from './action-types.js';
import { mergePatchRollout, mergePatchRolloutStatus } from './rollout-patch.js';

/** Sets status.abort (the controller records abortedAt when it acts on it). */
export async function abortRollout(target: ActionTarget): Promise<RolloutActionResult> {
  const rollout = await mergePatchRolloutStatus(target, { status: { abort: true } });
  return { rollout, message: ActionMessage.aborted(rollout.metadata?.name ?? target.name) };
}

/** Clears status.abort so the update starts again from step 0. */
export async function retryRollout(target: ActionTarget): Promise<RolloutActionResult> {
  const rollout = await mergePatchRolloutStatus(target, { status: { abort: false } });
  return { rollout, message: ActionMessage.retried(rollout.metadata?.name ?? target.name) };
}

/** Sets spec.paused ("manually paused"). */
export async function pauseRollout(target: ActionTarget): Promise<RolloutActionResult> {
  const rollout = await mergePatchRollout(target, { spec: { paused: true } });
  return { rollout, message: ActionMessage.paused(rollout.metadata?.name ?? target.name) };
}

/**
 * Clears spec.paused only (pause conditions stay, so a pause step still waits). Upstream has no resume command:
 * this is the unpause half of promote, for the dashboard's resume button.
 */
export async function resumeRollout(target: ActionTarget): Promise<RolloutActionResult> {
  const rollout = await mergePatchRollout(target, { spec: { paused: false } });
  return { rollout, message: ActionMessage.resumed(rollout.metadata?.name ?? target.name) };
}

export interface RestartOptions extends ActionTarget {
  /** `--in`: a Go duration (`30s`, `5m`) added to now; throws GoDurationError when unreadable. */
  in?: string;
}

/** RFC 3339 in UTC with whole seconds, as Go's time.RFC3339 formats a UTC time. */
export function formatRfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Sets spec.restartAt to now (plus `in`): pods created before then are replaced. */
export async function restartRollout(options: RestartOptions): Promise<RolloutActionResult> {
  const now = (options.clock ?? realClock).now();
  const inText = options.in ? options.in : '0s';
  const restartAt = formatRfc3339(now + (options.in ? parseGoDuration(options.in) : 0));
  const rollout = await mergePatchRollout(options, { spec: { restartAt } });
  return { rollout, message: ActionMessage.restarts(rollout.metadata?.name ?? options.name, inText) };
}
