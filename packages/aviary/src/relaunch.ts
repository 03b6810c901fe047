// `aviary up` in a Node process started with the options it needs: V8's helper threads capped at one.
//
// The embedded cluster's full garbage collections mark and sweep a few hundred MiB on every V8 helper thread (four by
// default). On a two-core laptop that took both cores for 100 ms or more at a time, stalling the cluster's own thread
// and every process beside it (the controllers, pods, kubectl). With one helper thread a collection takes at most one
// core. The pool size is fixed when Node starts, so `aviary up` started without it starts itself again with it.
import { spawn } from 'node:child_process';
import { flagsNotGiven } from '@aviary/kube';

/** The Node options `aviary up` runs with. */
export const UP_NODE_FLAGS: readonly string[] = ['--v8-pool-size=1'];

/** Set in the relaunched process (and honoured by anyone who wants `aviary up` to stay in their process). */
export const NO_RELAUNCH_ENV = 'AVIARY_NO_RELAUNCH';

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * The flags `argv` still needs in this process: UP_NODE_FLAGS for `up` when neither the command line nor
 * NODE_OPTIONS sets the pool size; nothing for other commands, for `--help`, with AVIARY_NO_RELAUNCH set, or on
 * Windows (where a detached child would get a console window of its own).
 */
export function missingNodeFlags(argv: readonly string[], execArgv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32' || argv[0] !== 'up' || argv.includes('--help') || argv.includes('-h') || env[NO_RELAUNCH_ENV]) return [];
  return flagsNotGiven(UP_NODE_FLAGS, execArgv, env.NODE_OPTIONS ?? '');
}

/**
 * Runs the command again in a child Node process with the missing flags, when there are any: the child gets its own
 * process group, so Ctrl-C reaches it once, through this process, which passes SIGINT, SIGTERM and SIGHUP on and
 * exits with the child's code. The child stops by itself if this process goes away (see `stopWhenParentGoes`).
 * Resolves false, having done nothing, when this process already has what it needs.
 */
export async function relaunchIfNeeded(script: string, argv: readonly string[]): Promise<boolean> {
  const flags = missingNodeFlags(argv, process.execArgv, process.env);
  if (flags.length === 0) return false;
  const child = spawn(process.execPath, [...flags, ...process.execArgv, script, ...argv], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [NO_RELAUNCH_ENV]: '1' },
    detached: true,
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward(signal));
  const code = await new Promise<number>((resolve) => {
    child.once('error', (err) => {
      process.stderr.write(`aviary: could not start ${process.execPath}: ${err.message}\n`);
      resolve(1);
    });
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal === 'SIGINT' ? 130 : 1)));
  });
  process.exitCode = code;
  return true;
}

/** In a relaunched process: when the parent that started it goes away, stop as on SIGTERM (no orphan holds the port). */
export function stopWhenParentGoes(): void {
  if (process.env[NO_RELAUNCH_ENV] === undefined || process.channel === undefined) return;
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
