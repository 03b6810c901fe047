// The garbage collector's heap growth for a controller process, set once at start-up.
import { setFlagsFromString } from 'node:v8';

/**
 * `--heap-growing-percent=100`: the old generation may double before the next full collection, as Go's default
 * GOGC=100 lets upstream's controllers do. V8 grows a small heap whose collections are fast by as little as 10%, so
 * a controller that keeps replacing cached objects ran a full collection every second or two (ten in a 20-second
 * update of 1,000 Rollouts, each 20 – 60 ms of its main thread plus helper threads); with this, one to three.
 * Only for a controller's process: V8 already lets the embedded cluster's larger heap grow about threefold.
 */
export const CONTROLLER_HEAP_FLAGS: readonly string[] = ['--heap-growing-percent=100'];

/**
 * Applies CONTROLLER_HEAP_FLAGS, except a flag the user set on the command line or in NODE_OPTIONS (theirs wins).
 * Returns the flags applied. (This flag is read at every collection, so setting it after start-up takes effect.)
 */
export function tuneControllerHeap(options: { execArgv?: readonly string[]; nodeOptions?: string } = {}): string[] {
  const given = [...(options.execArgv ?? process.execArgv), ...(options.nodeOptions ?? process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const givenNames = new Set(given.map(flagName));
  const applied = CONTROLLER_HEAP_FLAGS.filter((flag) => !givenNames.has(flagName(flag)));
  for (const flag of applied) setFlagsFromString(flag);
  return applied;
}

/** `heap-growing-percent` for `--heap-growing-percent=100` or `--heap_growing_percent` (V8 accepts both spellings). */
function flagName(flag: string): string {
  return flag.split('=')[0]!.replace(/^-+/, '').replaceAll('_', '-');
}
