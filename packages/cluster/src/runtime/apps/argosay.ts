// argosay v2, the Argo Workflows test image's /argosay script (test/e2e/images/argosay/v2/argosay), verb for verb.
//
// Self-contained (Node built-ins only). Verbs: (none) | echo [text [file]] | cat <file> | sleep <duration> |
// exit [code] | assert_contains <file> <text> | sh <script>; anything else exits 1. A missing required
// argument fails as the script's `set -u` does (exit 2).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(readonly exitCode: number, message: string) {
    super(message);
  }
}

function requireArg(args: readonly string[], position: number): string {
  const value = args[position - 1];
  if (value === undefined) throw new UsageError(2, `/argosay: ${position}: parameter not set`);
  return value;
}

/** GNU sleep's NUMBER[smhd] → milliseconds. */
function parseSleepDuration(text: string): number {
  const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(text);
  if (match === null) throw new UsageError(1, `sleep: invalid time interval '${text}'`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * unit * 1000;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function readFileOrFail(path: string, tool: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(tool === 'grep' ? 2 : 1, `${tool}: ${path}: No such file or directory`);
  }
}

async function runVerb(args: readonly string[]): Promise<number> {
  const verb = args[0] ?? '';
  switch (verb) {
    case '':
      process.stdout.write('hello argo\n');
      return 0;
    case 'assert_contains': {
      const text = requireArg(args, 3);
      const content = readFileOrFail(requireArg(args, 2), 'grep');
      const lines = content.endsWith('\n') ? content.slice(0, -1).split('\n') : content.split('\n');
      const matching = content === '' ? [] : lines.filter((line) => line.includes(text));
      if (matching.length === 0) return 1;
      process.stdout.write(`${matching.join('\n')}\n`);
      return 0;
    }
    case 'cat':
      process.stdout.write(readFileOrFail(requireArg(args, 2), 'cat'));
      return 0;
    case 'echo':
      if (args.length === 1) process.stdout.write('hello argo\n');
      else if (args.length === 2) process.stdout.write(`${args[1]}\n`);
      else if (args.length === 3) {
        const file = args[2] ?? '';
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, `${args[1]}\n`);
        await sleep(100);
      }
      // More arguments match no case of the script's `case $#` and do nothing.
      return 0;
    case 'exit': {
      const code = Number(args[1] ?? '0');
      return Number.isInteger(code) ? code & 0xff : 2;
    }
    case 'sleep':
      await sleep(parseSleepDuration(requireArg(args, 2)));
      return 0;
    case 'sh': {
      const result = spawnSync('sh', [args[1] ?? '0'], { stdio: 'inherit' });
      return result.status ?? 1;
    }
    default:
      return 1;
  }
}

runVerb(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(error.exitCode);
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
