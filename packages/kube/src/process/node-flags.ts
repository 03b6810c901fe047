// Which Node or V8 flags a process was started with, from its command line and NODE_OPTIONS.

/**
 * The flags of `wanted` whose names the process was not given in `execArgv` or `nodeOptions` (whatever the value,
 * and in either spelling: `--heap-growing-percent` or `--heap_growing_percent`), so a flag the user set wins.
 */
export function flagsNotGiven(wanted: readonly string[], execArgv: readonly string[], nodeOptions: string): string[] {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/)].map(flagName));
  return wanted.filter((flag) => !given.has(flagName(flag)));
}

/** `heap-growing-percent` for `--heap-growing-percent=100` or `--heap_growing_percent`. */
function flagName(flag: string): string {
  return flag.split('=')[0]!.replace(/^-+/, '').replaceAll('_', '-');
}
