// What to offer for the word being completed: subcommands, flags, flag values, or rollout / experiment names from
// the cluster. Both completion scripts (bash, zsh) ask the binary through its hidden `__complete` command.
import { FlagSet, FlagType } from './args.js';
import { findSubcommand, type CommandSpec } from './command-spec.js';
import { helpFlag } from './help.js';
import { globalFlags, kubeSettingsFromFlags, type KubeSettings } from './kube-flags.js';

/** The kinds of names a command's positional argument takes. */
export const NameKind = { Rollout: 'rollouts', Experiment: 'experiments', Namespace: 'namespaces' } as const;
export type NameKind = (typeof NameKind)[keyof typeof NameKind];

/** Looks names up in the cluster (empty when it cannot be reached). */
export type NameLookup = (kind: NameKind, settings: KubeSettings) => Promise<string[]>;

const experimentCommands = new Set(['get experiment', 'retry experiment']);
const rolloutCommands = new Set(['get rollout', 'retry rollout', 'set image', 'abort', 'pause', 'promote', 'restart', 'status', 'undo']);

function allFlags(command: CommandSpec): FlagSet {
  return new FlagSet([...(command.flags ?? []), helpFlag(command), ...globalFlags]);
}

/**
 * The candidates for the last of `words` (the words after the program name; the last one may be empty).
 *   completeWords(root, ['ge']) → ['get'];  completeWords(root, ['get', 'rollout', '']) → the rollout names
 */
export async function completeWords(root: CommandSpec, words: readonly string[], lookup: NameLookup): Promise<string[]> {
  const partial = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  const path: CommandSpec[] = [root];
  const positionals: string[] = [];
  const flagTokens: string[] = [];
  let pendingFlag: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const word = before[i] ?? '';
    const current = path[path.length - 1] ?? root;
    if (word.startsWith('-')) {
      flagTokens.push(word);
      if (allFlags(current).consumesNext(word)) {
        if (i + 1 < before.length) flagTokens.push(before[++i] ?? '');
        else pendingFlag = word;
      }
      continue;
    }
    const sub = positionals.length === 0 ? findSubcommand(current, word) : undefined;
    if (sub) path.push(sub);
    else positionals.push(word);
  }
  const command = path[path.length - 1] ?? root;
  const flags = allFlags(command);
  const settings = (): KubeSettings => {
    const values: Record<string, string> = {};
    for (let i = 0; i < flagTokens.length; i++) {
      const token = flagTokens[i] ?? '';
      const spec = token.startsWith('--') ? flags.long(token.slice(2).split('=')[0] ?? '') : flags.short(token.slice(1, 2));
      if (spec?.type === FlagType.String) values[spec.name] = token.includes('=') ? token.slice(token.indexOf('=') + 1) : (flagTokens[++i] ?? '');
    }
    return kubeSettingsFromFlags(values);
  };
  const matching = (candidates: readonly string[]): string[] => candidates.filter((candidate) => candidate.startsWith(partial));
  if (pendingFlag !== undefined) {
    return pendingFlag === '-n' || pendingFlag === '--namespace' ? matching(await lookup(NameKind.Namespace, settings())) : [];
  }
  if (partial.startsWith('-')) {
    return matching(flags.specs.filter((spec) => !spec.deprecated).map((spec) => `--${spec.name}`));
  }
  const subcommands = (command.subcommands ?? []).filter((sub) => !sub.hidden);
  if (subcommands.length > 0 && positionals.length === 0) return matching(subcommands.map((sub) => sub.name));
  const key = path.slice(1).map((c) => c.name).join(' ');
  if (key === 'completion') return positionals.length === 0 ? matching(['bash', 'zsh']) : [];
  if (rolloutCommands.has(key) && (positionals.length === 0 || ['abort', 'pause', 'retry rollout'].includes(key))) return matching(await lookup(NameKind.Rollout, settings()));
  if (experimentCommands.has(key)) return matching(await lookup(NameKind.Experiment, settings()));
  return [];
}
