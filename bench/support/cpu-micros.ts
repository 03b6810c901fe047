// CPU time per operation of a synchronous loop in this process, for the in-process cost tools.

/** CPU µs per operation of `run` (which does `count` operations): the best of three rounds (the machine may be shared). */
export function cpuMicros(run: () => void, count: number): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / count);
  }
  return best;
}
