// The CLI's user errors and how any failure is reported: `Error: <message>` on stderr and exit code 1, never a stack.
import type { OutputStream } from './io.js';

/** Wrong arguments: the command's usage text is printed on stderr (as cobra's UsageErr does), exit 1. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
  constructor(readonly usage: string) {
    super(usage);
  }
}

/** A user-facing failure with a message of our own (bad flag value, unsupported file, …). */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Exit codes: 0 success, 1 for every error, as upstream's main exits 1 whenever a command returns an error. */
export const ExitCode = { Ok: 0, Error: 1 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The text of any thrown value: an Error's message (API errors carry the server's), else its string form. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Prints the failure the way upstream does and returns the exit code. Set AVIARY_DEBUG=1 to see stacks. */
export function reportError(err: unknown, stderr: OutputStream, env: Readonly<Record<string, string | undefined>> = {}): ExitCode {
  if (err instanceof CliUsageError) {
    stderr.write(err.usage.endsWith('\n') ? err.usage : `${err.usage}\n`);
    return ExitCode.Error;
  }
  stderr.write(`Error: ${errorMessage(err)}\n`);
  if (env['AVIARY_DEBUG'] && err instanceof Error && err.stack) stderr.write(`${err.stack}\n`);
  return ExitCode.Error;
}
