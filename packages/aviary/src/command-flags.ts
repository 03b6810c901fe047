// Parsing `--name value` / `--name=value` flags for the aviary commands.

/** A flag the command does not know, or one missing its value. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface FlagSpec {
  /** Flags that take a value, without the leading dashes. */
  readonly valued: readonly string[];
  /** Flags that are plain switches. */
  readonly switches?: readonly string[];
}

export function parseFlags(argv: readonly string[], spec: FlagSpec): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--?([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
    if (match === null) throw new UsageError(`unexpected argument "${arg}"`);
    const name = match[1] ?? '';
    if (spec.switches?.includes(name)) {
      flags.set(name, 'true');
      continue;
    }
    if (!spec.valued.includes(name)) throw new UsageError(`unknown flag --${name}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`flag --${name} needs a value`);
    flags.set(name, value);
  }
  return flags;
}
