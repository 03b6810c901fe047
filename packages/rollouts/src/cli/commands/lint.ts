// `lint -f FILE`: validates the Rollouts of a manifest offline (with the Services the file defines); prints each
// error with its field and exits 1 when there is any. Upstream: pkg/kubectl-argo-rollouts/cmd/lint/lint.go
// (which prints each error's body without the field; the field is printed here, as users asked).
import fs from 'node:fs';
import { formatFieldError, validateRolloutManifest, type FieldError } from '../../validation/index.js';
import { stringFlag } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import { CliError, CliUsageError } from '../errors.js';
import type { CommandIo } from '../io.js';

/** Go's wording for an unreadable file: `open x.yaml: no such file or directory`. */
export function readManifestFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err: unknown) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : String(err);
    throw new CliError(`open ${file}: ${reason}`);
  }
}

/** Lints `file`; resolves 0 when clean, throws CliError (exit 1) naming the first error after printing them all. */
export function runLint(io: Pick<CommandIo, 'stdout'>, options: { file: string }): Promise<number> {
  const results = validateRolloutManifest(readManifestFile(options.file));
  const unreadable = results.find((result) => result.parseError !== undefined);
  if (unreadable?.parseError) return Promise.reject(new CliError(`error converting YAML to JSON: ${unreadable.parseError}`));
  const errors: FieldError[] = results.flatMap((result) => [...result.errors]);
  for (const error of errors) io.stdout.write(`${formatFieldError(error)}\n`);
  const [first] = errors;
  if (first) return Promise.reject(new CliError(formatFieldError(first)));
  return Promise.resolve(0);
}

export function execute(invocation: Invocation): Promise<number> {
  const file = stringFlag(invocation, 'filename');
  if (file === '') throw new CliUsageError(invocation.usage);
  return runLint(invocation.io, { file });
}
