// cowsay as the docker/whalesay image has it (the Docker whale is its default cow); `-f default` draws the cow.
//
// Self-contained (Node built-ins only). Usage: cowsay [-n] [-W width] [-f whale|docker|default] [-e eyes] [text…];
// with no text it reads stdin. Balloon layout and 40-column wrapping follow Perl cowsay 3.03.

/** The whale (docker.cow); `$t` marks the thought lines. */
const WHALE = [
  '    $t',
  '     $t',
  '      $t     ',
  '                    ##        .            ',
  '              ## ## ##       ==            ',
  '           ## ## ## ##      ===            ',
  '       /""""""""""""""""___/ ===        ',
  '  ~~~ {~~ ~~~~ ~~~ ~~~~ ~~ ~ /  ===- ~~~   ',
  '       \\______ o          __/            ',
  '        \\    \\        __/             ',
  '          \\____\\______/   ',
];

/** The classic cow (default.cow); `$e` marks the eyes. */
const COW = [
  '        $t   ^__^',
  '         $t  ($e)\\_______',
  '            (__)\\       )\\/\\',
  '                ||----w |',
  '                ||     ||',
];

interface CowsayOptions {
  cow: readonly string[];
  eyes: string;
  width: number;
  wrap: boolean;
  words: string[];
}

function parseOptions(args: readonly string[]): CowsayOptions {
  const options: CowsayOptions = { cow: WHALE, eyes: 'oo', width: 40, wrap: true, words: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (options.words.length > 0 || !arg.startsWith('-') || arg === '-') {
      options.words.push(arg);
    } else if (arg === '-n') {
      options.wrap = false;
    } else if (arg === '-f') {
      options.cow = (args[++i] ?? '') === 'default' ? COW : WHALE;
    } else if (arg === '-W') {
      options.width = Number(args[++i] ?? 40) || 40;
    } else if (arg === '-e') {
      options.eyes = (args[++i] ?? 'oo').slice(0, 2).padEnd(2, ' ');
    } else if (arg === '-T') {
      i++; // tongue: the whale has none
    }
  }
  return options;
}

/** Greedy word wrap to lines shorter than `columns`, as Text::Wrap does (long words are broken). */
function wrapText(text: string, columns: number): string[] {
  const limit = Math.max(1, columns - 1);
  const lines: string[] = [];
  for (const paragraph of text.replace(/\t/g, '        ').split('\n')) {
    let line = '';
    for (let word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      while (word.length > limit) {
        if (line !== '') lines.push(line);
        lines.push(word.slice(0, limit));
        word = word.slice(limit);
        line = '';
      }
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= limit) line = `${line} ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Draws the speech balloon: `< one line >`, or `/ first \`, `| middle |`, `\ last /`. */
function drawBalloon(lines: readonly string[]): string[] {
  const max = Math.max(0, ...lines.map((line) => line.length));
  const out = [` ${'_'.repeat(max + 2)} `];
  lines.forEach((line, index) => {
    const padded = line.padEnd(max, ' ');
    if (lines.length === 1) out.push(`< ${padded} >`);
    else if (index === 0) out.push(`/ ${padded} \\`);
    else if (index === lines.length - 1) out.push(`\\ ${padded} /`);
    else out.push(`| ${padded} |`);
  });
  out.push(` ${'-'.repeat(max + 2)} `);
  return out;
}

function readStdin(): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', () => resolve(''));
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const text = options.words.length > 0 ? options.words.join(' ') : (await readStdin()).replace(/\n$/, '');
  const lines = options.wrap ? wrapText(text, options.width) : text.split('\n');
  const cow = options.cow.map((line) => line.replace(/\$t/g, '\\').replace(/\$e/g, options.eyes));
  process.stdout.write(`${[...drawBalloon(lines), ...cow].join('\n')}\n`);
}

void main();
