// Command-line flags as cobra/pflag read them: `--name value`, `--name=value`, `-n value`, `-nvalue`, `-wA`,
// booleans with an optional `=false`, repeatable string arrays, `--` ending the flags, flags anywhere among args.
import { parseGoDuration } from '../validation/go-duration.js';
import { CliError } from './errors.js';

export const FlagType = { Bool: 'bool', String: 'string', Int: 'int', Duration: 'duration', StringArray: 'stringArray' } as const;
export type FlagType = (typeof FlagType)[keyof typeof FlagType];

export type FlagValue = boolean | string | number | string[];

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  usage: string;
  /** The value when the flag is not given (false, '', 0, [] when omitted). A Duration default is in ms. */
  default?: FlagValue;
  /** pflag's MarkDeprecated: still works, warns on stderr, hidden from help. */
  deprecated?: string;
  /** pflag's MarkShorthandDeprecated: the short form warns. */
  shortDeprecated?: string;
}

export interface ParsedArgs {
  /** Positional arguments, in order. */
  args: string[];
  /** Every flag of the command, given or defaulted; durations in milliseconds. */
  flags: Record<string, FlagValue>;
  /** Names of the flags the user gave. */
  given: Set<string>;
  /** Deprecation warnings to print on stderr. */
  warnings: string[];
}

function zeroValue(type: FlagType): FlagValue {
  switch (type) {
    case FlagType.Bool:
      return false;
    case FlagType.Int:
    case FlagType.Duration:
      return 0;
    case FlagType.StringArray:
      return [];
    default:
      return '';
  }
}

/** `-t, --timeout` or `--timeout`, as pflag names a flag in its errors. */
function displayName(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function invalidArgument(spec: FlagSpec, text: string, reason: string): CliError {
  return new CliError(`invalid argument ${JSON.stringify(text)} for ${JSON.stringify(displayName(spec))} flag: ${reason}`);
}

/** Go's strconv.ParseBool spellings. */
const boolTexts: Readonly<Record<string, boolean>> = { '1': true, t: true, T: true, TRUE: true, true: true, True: true, '0': false, f: false, F: false, FALSE: false, false: false, False: false };

function convert(spec: FlagSpec, text: string): FlagValue {
  switch (spec.type) {
    case FlagType.Bool: {
      const value = boolTexts[text];
      if (value === undefined) throw invalidArgument(spec, text, `strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`);
      return value;
    }
    case FlagType.Int: {
      if (!/^[+-]?\d+$/.test(text)) throw invalidArgument(spec, text, `strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`);
      return Number.parseInt(text, 10);
    }
    case FlagType.Duration:
      try {
        return parseGoDuration(text);
      } catch {
        throw invalidArgument(spec, text, `time: invalid duration ${JSON.stringify(text)}`);
      }
    default:
      return text;
  }
}

/** The flags of a command: its own and the inherited global ones, looked up by long or short name. */
export class FlagSet {
  private readonly byName = new Map<string, FlagSpec>();
  private readonly byShort = new Map<string, FlagSpec>();

  constructor(readonly specs: readonly FlagSpec[]) {
    for (const spec of specs) {
      this.byName.set(spec.name, spec);
      if (spec.short) this.byShort.set(spec.short, spec);
    }
  }

  long(name: string): FlagSpec | undefined {
    return this.byName.get(name);
  }

  short(letter: string): FlagSpec | undefined {
    return this.byShort.get(letter);
  }

  /** True when `token` is a flag that takes the next token as its value (`-n`, `--namespace`, not `--namespace=x`). */
  consumesNext(token: string): boolean {
    if (token.startsWith('--')) {
      if (token.includes('=')) return false;
      const spec = this.long(token.slice(2));
      return spec !== undefined && spec.type !== FlagType.Bool;
    }
    // Short flags: the last letter of a group takes the next token if it needs a value and nothing follows it.
    const letters = token.slice(1);
    for (let i = 0; i < letters.length; i++) {
      const spec = this.short(letters[i] ?? '');
      if (spec === undefined) return false;
      if (spec.type !== FlagType.Bool) return i === letters.length - 1;
    }
    return false;
  }
}

/** Reads `tokens` against `flagSet`; unknown flags and missing values throw CliError with pflag's message. */
export function parseArgs(tokens: readonly string[], flagSet: FlagSet): ParsedArgs {
  const flags: Record<string, FlagValue> = {};
  for (const spec of flagSet.specs) flags[spec.name] = spec.default ?? zeroValue(spec.type);
  const parsed: ParsedArgs = { args: [], flags, given: new Set(), warnings: [] };
  const set = (spec: FlagSpec, text: string, viaShort: boolean): void => {
    const value = convert(spec, text);
    if (spec.type === FlagType.StringArray) {
      const previous = parsed.given.has(spec.name) ? (flags[spec.name] as string[]) : [];
      flags[spec.name] = [...previous, String(value)];
    } else {
      flags[spec.name] = value;
    }
    parsed.given.add(spec.name);
    if (spec.deprecated) parsed.warnings.push(`Flag --${spec.name} has been deprecated, ${spec.deprecated}`);
    if (viaShort && spec.shortDeprecated) parsed.warnings.push(`Flag shorthand -${spec.short ?? ''} has been deprecated, ${spec.shortDeprecated}`);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token === '--') {
      parsed.args.push(...tokens.slice(i + 1));
      break;
    }
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const name = eq >= 0 ? token.slice(2, eq) : token.slice(2);
      const spec = flagSet.long(name);
      if (!spec) throw new CliError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, token.slice(eq + 1), false);
      else if (spec.type === FlagType.Bool) set(spec, 'true', false);
      else if (i + 1 < tokens.length) set(spec, tokens[++i] ?? '', false);
      else throw new CliError(`flag needs an argument: --${name}`);
      continue;
    }
    if (token.startsWith('-') && token.length > 1) {
      const letters = token.slice(1);
      for (let j = 0; j < letters.length; j++) {
        const letter = letters[j] ?? '';
        const spec = flagSet.short(letter);
        if (!spec) throw new CliError(`unknown shorthand flag: '${letter}' in ${token}`);
        const rest = letters.slice(j + 1);
        if (spec.type === FlagType.Bool) {
          if (rest.startsWith('=')) {
            set(spec, rest.slice(1), true);
            break;
          }
          set(spec, 'true', true);
          continue;
        }
        if (rest !== '') set(spec, rest.startsWith('=') ? rest.slice(1) : rest, true);
        else if (i + 1 < tokens.length) set(spec, tokens[++i] ?? '', true);
        else throw new CliError(`flag needs an argument: '${letter}' in ${token}`);
        break;
      }
      continue;
    }
    parsed.args.push(token);
  }
  return parsed;
}
