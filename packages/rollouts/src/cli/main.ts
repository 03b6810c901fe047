// The kubectl-argo-rollouts entry point: finds the command in argv, parses its flags, prints help or runs it,
// and turns every failure into `Error: …` and exit code 1 (upstream's main exits 1 on any command error).
import { realClock, type Clock } from '@aviary/kube';
import { FlagSet, parseArgs, type ParsedArgs } from './args.js';
import { findSubcommand, type CommandSpec, type Invocation } from './command-spec.js';
import { binaryName, rootCommand } from './command-table.js';
import { CliUsageError, ExitCode, reportError } from './errors.js';
import { helpFlag, renderHelp, renderUsage } from './help.js';
import type { CommandIo, KubeCommandIo, OutputStream } from './io.js';
import type { KubeConnection } from './kube-connect.js';
import { globalFlags, kubeSettingsFromFlags, type KubeSettings } from './kube-flags.js';

export interface RunCliOptions {
  /** The arguments after the program name. */
  argv: readonly string[];
  stdout: OutputStream;
  stderr: OutputStream;
  env?: Readonly<Record<string, string | undefined>>;
  clock?: Clock;
  /** Aborting it ends watches (Ctrl-C). */
  signal?: AbortSignal;
  /** How to reach the cluster; default: the kubeconfig (tests pass a fake client). */
  connect?: (settings: KubeSettings, env: Readonly<Record<string, string | undefined>>) => KubeConnection | Promise<KubeConnection>;
}

interface ResolvedCommand {
  /** Root first, the command to run last. */
  path: CommandSpec[];
  /** Everything after the command names: flags and positional args. */
  tokens: string[];
  /** `help …` was typed. */
  helpCommand: boolean;
}

function flagSetFor(command: CommandSpec): FlagSet {
  return new FlagSet([...(command.flags ?? []), helpFlag(command), ...globalFlags]);
}

/** Walks argv as cobra's Find does: words naming subcommands descend, flags (with their values) are kept aside. */
export function resolveCommand(argv: readonly string[]): ResolvedCommand {
  const path: CommandSpec[] = [rootCommand];
  const tokens: string[] = [];
  let helpCommand = false;
  let positionalSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    const current = path[path.length - 1] ?? rootCommand;
    if (token === '--') {
      tokens.push(...argv.slice(i));
      break;
    }
    if (token.startsWith('-') && token !== '-') {
      tokens.push(token);
      if (flagSetFor(current).consumesNext(token) && i + 1 < argv.length) tokens.push(argv[++i] ?? '');
      continue;
    }
    if (!positionalSeen) {
      if (path.length === 1 && token === 'help' && !helpCommand) {
        helpCommand = true;
        continue;
      }
      const sub = findSubcommand(current, token);
      if (sub) {
        path.push(sub);
        continue;
      }
    }
    positionalSeen = true;
    tokens.push(token);
  }
  return { path, tokens, helpCommand };
}

/** Runs one command line and resolves with its exit code; output goes to the given streams. */
export async function runCli(options: RunCliOptions): Promise<number> {
  const env = options.env ?? {};
  const io: CommandIo = { stdout: options.stdout, stderr: options.stderr, clock: options.clock ?? realClock, env, ...(options.signal ? { signal: options.signal } : {}) };
  let connection: KubeConnection | undefined;
  try {
    const { path, tokens, helpCommand } = resolveCommand(options.argv);
    const command = path[path.length - 1] ?? rootCommand;
    // The completion helper gets the typed words untouched (they may hold half-typed flags).
    const rawWords = command.name === '__complete';
    const parsed: ParsedArgs = rawWords ? { args: options.argv.slice(1), flags: {}, given: new Set(), warnings: [] } : parseArgs(tokens, flagSetFor(command));
    if (helpCommand || parsed.flags['help'] === true) {
      io.stdout.write(renderHelp(path, globalFlags));
      return ExitCode.Ok;
    }
    for (const warning of parsed.warnings) io.stderr.write(`${warning}\n`);
    const usage = renderUsage(path, globalFlags);
    if (!command.load) {
      // The root with an unknown word: cobra's "unknown command"; a group (get, list, …) prints its usage.
      const word = parsed.args[0];
      if (path.length === 1 && word !== undefined) {
        io.stderr.write(`Error: unknown command ${JSON.stringify(word)} for "${binaryName}"\nRun '${binaryName} --help' for usage.\n`);
        return ExitCode.Error;
      }
      throw new CliUsageError(usage);
    }
    const settings = kubeSettingsFromFlags(parsed.flags);
    let connected: Promise<KubeCommandIo> | undefined;
    const invocation: Invocation = {
      parsed,
      io,
      usage,
      root: rootCommand,
      connect: (override?: KubeSettings) => {
        connected ??= (async () => {
          const connect = options.connect ?? (await import('./kube-connect.js')).connectKube;
          connection = await connect(override ?? settings, env);
          return { ...io, client: connection.client, namespace: connection.namespace };
        })();
        return connected;
      },
    };
    const module = await command.load();
    return await module.execute(invocation);
  } catch (err: unknown) {
    return reportError(err, io.stderr, env);
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

/** The process entry point (bin/kubectl-argo-rollouts.js): real streams, Ctrl-C ends watches, exits with the code. */
export async function main(): Promise<void> {
  const controller = new AbortController();
  const onInterrupt = (): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  const code = await runCli({ argv: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal });
  // Exit once stdout has taken everything: watches and keep-alive sockets must not keep the process alive.
  process.stdout.write('', () => process.exit(code));
}
