// Help and usage texts laid out as cobra's default templates and pflag's flag table print them.
import { FlagType, type FlagSpec } from './args.js';
import type { CommandSpec } from './command-spec.js';

/** The help flag every command has. */
export function helpFlag(command: CommandSpec): FlagSpec {
  return { name: 'help', short: 'h', type: FlagType.Bool, usage: `help for ${command.name}` };
}

/** pflag's type word after a flag name (none for booleans). */
function typeWord(spec: FlagSpec): string {
  return spec.type === FlagType.Bool ? '' : spec.type;
}

/** ` (default "info")`, ` (default true)`, or '' for zero values. */
function defaultText(spec: FlagSpec): string {
  const value = spec.default;
  if (value === undefined || value === false || value === 0 || value === '' || (Array.isArray(value) && value.length === 0)) return '';
  if (spec.type === FlagType.String) return ` (default ${JSON.stringify(value)})`;
  return ` (default ${String(value)})`;
}

/** pflag's FlagUsages: sorted by name, deprecated ones hidden, usage text aligned two columns after the widest flag. */
export function formatFlagUsages(specs: readonly FlagSpec[]): string {
  const visible = specs.filter((spec) => !spec.deprecated).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const heads = visible.map((spec) => {
    const head = spec.short && !spec.shortDeprecated ? `  -${spec.short}, --${spec.name}` : `      --${spec.name}`;
    const type = typeWord(spec);
    return type ? `${head} ${type}` : head;
  });
  const width = Math.max(0, ...heads.map((head) => head.length));
  return visible.map((spec, i) => {
    const head = heads[i] ?? '';
    return `${head}${' '.repeat(width - head.length + 3)}${spec.usage}${defaultText(spec)}\n`;
  }).join('');
}

/** `kubectl-argo-rollouts get rollout`: the binary name and the command names down to `path`'s last. */
export function commandPath(path: readonly CommandSpec[]): string {
  return path.map((command, i) => (i === 0 ? command.use.split(' ')[0] ?? command.name : command.name)).join(' ');
}

function visibleSubcommands(command: CommandSpec): CommandSpec[] {
  return (command.subcommands ?? []).filter((sub) => !sub.hidden);
}

/** The usage block (cobra's UsageString): what help prints after the description, and what wrong arguments print. */
export function renderUsage(path: readonly CommandSpec[], globalFlags: readonly FlagSpec[]): string {
  const command = path[path.length - 1];
  if (!command) return '';
  const full = commandPath(path);
  const parentPath = commandPath(path.slice(0, -1));
  const useLine = path.length === 1 ? command.use : `${parentPath} ${command.use}`;
  const subcommands = visibleSubcommands(command);
  let out = 'Usage:\n';
  // Every upstream command is runnable (groups print their usage), so each has a use line.
  out += `  ${useLine} [flags]\n`;
  if (subcommands.length > 0) out += `  ${full} [command]\n`;
  if (command.aliases && command.aliases.length > 0) out += `\nAliases:\n  ${[command.name, ...command.aliases].join(', ')}\n`;
  if (command.example) out += `\nExamples:\n${command.example}\n`;
  if (subcommands.length > 0) {
    const names = [...subcommands.map((sub) => sub.name), ...(path.length === 1 ? ['help'] : [])];
    const padding = Math.max(11, ...names.map((name) => name.length));
    out += '\nAvailable Commands:\n';
    const rows = subcommands.map((sub) => ({ name: sub.name, short: sub.short }));
    if (path.length === 1) rows.push({ name: 'help', short: 'Help about any command' });
    rows.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const row of rows) out += `  ${row.name.padEnd(padding)} ${row.short}\n`;
  }
  const local = [...(command.flags ?? []), helpFlag(command)];
  out += `\nFlags:\n${formatFlagUsages(path.length === 1 ? [...local, ...globalFlags] : local)}`;
  if (path.length > 1) out += `\nGlobal Flags:\n${formatFlagUsages(globalFlags)}`;
  if (subcommands.length > 0) out += `\nUse "${full} [command] --help" for more information about a command.\n`;
  return out;
}

/** The full help (cobra's HelpTemplate): the long description (or short), a blank line, the usage block. */
export function renderHelp(path: readonly CommandSpec[], globalFlags: readonly FlagSpec[]): string {
  const command = path[path.length - 1];
  if (!command) return '';
  const description = (command.long ?? command.short).trimEnd();
  return `${description}\n\n${renderUsage(path, globalFlags)}`;
}
