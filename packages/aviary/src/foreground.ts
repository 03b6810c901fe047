// Running a command in the foreground: resolve when SIGINT or SIGTERM arrives, after stopping what it started.

/** Waits for Ctrl-C or SIGTERM, runs `stop` once, and resolves with the exit code. */
export function runUntilSignal(name: string, stop: () => Promise<void>): Promise<number> {
  return new Promise<number>((resolve) => {
    let stopping = false;
    const onSignal = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`aviary ${name}: ${signal}, stopping\n`);
      stop().then(
        () => resolve(0),
        (err: unknown) => {
          process.stderr.write(`aviary ${name}: error while stopping: ${err instanceof Error ? err.message : String(err)}\n`);
          resolve(1);
        },
      );
    };
    process.once('SIGINT', () => onSignal('SIGINT'));
    process.once('SIGTERM', () => onSignal('SIGTERM'));
  });
}
