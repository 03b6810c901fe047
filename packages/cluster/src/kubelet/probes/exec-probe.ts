// exec probes: the command runs in the container and exit code 0 passes (pkg/probe/exec/exec.go).
import type { RunningContainer } from '../../runtime/index.js';
import { failed, succeeded, type ProbeOutcome } from './probe-outcome.js';

/** What an exec probe reports when the runtime cannot exec (the probe counts as passing). */
export const EXEC_UNSUPPORTED_NOTE = 'exec probes are not supported by this container runtime; treated as success';

/** Runs one exec probe; never rejects. */
export async function runExecProbe(input: {
  readonly container: RunningContainer;
  readonly command: readonly string[];
  readonly timeoutMs: number;
}): Promise<ProbeOutcome> {
  if (input.container.exec === undefined) return succeeded(EXEC_UNSUPPORTED_NOTE);
  try {
    const result = await input.container.exec(input.command, input.timeoutMs);
    if (result.timedOut === true) return failed(`command ${JSON.stringify(input.command.join(' '))} timed out`);
    if (result.exitCode === 0) return succeeded(result.output);
    return failed(result.output.trim() === '' ? `command ${JSON.stringify(input.command.join(' '))} exited with ${result.exitCode}` : result.output);
  } catch (error: unknown) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}
