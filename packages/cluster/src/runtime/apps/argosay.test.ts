// argosay v2 app: each verb of the upstream script, with its output and exit code.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCatalogApp } from '../catalog-app-test-kit.js';

const scratch = mkdtempSync(join(tmpdir(), 'aviary-argosay-'));
const haystack = join(scratch, 'haystack.txt');
writeFileSync(haystack, 'first line\nthe needle is here\nlast line\n');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.concurrent('argosay', () => {
  it.each([
    ['no verb says hello argo', [], 0, ['hello argo']],
    ['echo alone says hello argo', ['echo'], 0, ['hello argo']],
    ['echo prints its text', ['echo', 'hi there'], 0, ['hi there']],
    ['cat prints a file', ['cat', haystack], 0, ['first line', 'the needle is here', 'last line']],
    ['cat of a missing file fails', ['cat', join(scratch, 'missing')], 1, [`cat: ${join(scratch, 'missing')}: No such file or directory`]],
    ['exit exits with the code', ['exit', '7'], 7, []],
    ['exit without a code exits 0', ['exit'], 0, []],
    ['sleep waits and exits 0', ['sleep', '0.1s'], 0, []],
    ['sleep rejects a bad duration', ['sleep', 'soon'], 1, ["sleep: invalid time interval 'soon'"]],
    ['assert_contains prints the matching lines', ['assert_contains', haystack, 'needle'], 0, ['the needle is here']],
    ['assert_contains fails without a match', ['assert_contains', haystack, 'absent'], 1, []],
    ['a missing argument fails as set -u does', ['cat'], 2, ['/argosay: 2: parameter not set']],
    ['an unknown verb fails', ['dance'], 1, []],
  ])('%s', async (_name, args, exitCode, lines) => {
    expect(await runCatalogApp({ image: 'argoproj/argosay:v2', args })).toEqual({ exitCode, lines });
  });

  it('echo with a file writes the text there, making folders', async () => {
    const target = join(scratch, 'out', 'nested', 'message.txt');
    const result = await runCatalogApp({ image: 'quay.io/argoproj/argosay:v2', args: ['echo', 'saved', target] });
    expect(result).toEqual({ exitCode: 0, lines: [] });
    expect(readFileSync(target, 'utf8')).toBe('saved\n');
  });

  it('runs as /argosay when the container names it as its command', async () => {
    const result = await runCatalogApp({ image: 'argoproj/argosay:v2', command: ['/argosay'], args: ['echo', 'via command'] });
    expect(result).toEqual({ exitCode: 0, lines: ['via command'] });
  });
});
