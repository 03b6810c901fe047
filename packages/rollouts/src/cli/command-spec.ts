// The shapes of the command tree and of what a command is handed when it runs (kept apart from the tree itself, whose
// entries import the commands lazily, so commands can name these types without an import cycle).
import type { FlagSpec, ParsedArgs } from './args.js';
import type { CommandIo, KubeCommandIo } from './io.js';
import type { KubeSettings } from './kube-flags.js';

/** What main hands a command: its parsed flags and args, the streams, and a way to reach the cluster. */
export interface Invocation {
  parsed: ParsedArgs;
  io: CommandIo;
  /** The command's usage text, for CliUsageError on wrong arguments. */
  usage: string;
  /** The command tree (completion walks it). */
  root: CommandSpec;
  /** Connects (once) with the global flags' settings, or with `settings` when given (completion reads its own). */
  connect(settings?: KubeSettings): Promise<KubeCommandIo>;
}

export interface CommandModule {
  /** Runs the command; resolves with the exit code, throws for errors (main prints them). */
  execute(invocation: Invocation): Promise<number>;
}

export interface CommandSpec {
  name: string;
  aliases?: readonly string[];
  /** cobra's Use: the name and its arguments, `rollout ROLLOUT_NAME`. */
  use: string;
  short: string;
  long?: string;
  example?: string;
  flags?: readonly FlagSpec[];
  subcommands?: readonly CommandSpec[];
  /** Runnable commands only; groups without it print their usage. */
  load?: () => Promise<CommandModule>;
  hidden?: boolean;
}

/** The subcommand of `command` called `word` (by name or alias). */
export function findSubcommand(command: CommandSpec, word: string): CommandSpec | undefined {
  return command.subcommands?.find((sub) => sub.name === word || (sub.aliases ?? []).includes(word));
}
