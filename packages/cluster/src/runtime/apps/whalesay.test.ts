// whalesay (cowsay): the Docker whale says the text, in cowsay's balloon, and the container exits 0.
import { describe, expect, it } from 'vitest';
import { runCatalogApp } from '../catalog-app-test-kit.js';

const WHALE_SAYING_HELLO_WORLD = [
  ' _____________ ',
  '< hello world >',
  ' ------------- ',
  '    \\',
  '     \\',
  '      \\     ',
  '                    ##        .            ',
  '              ## ## ##       ==            ',
  '           ## ## ## ##      ===            ',
  '       /""""""""""""""""___/ ===        ',
  '  ~~~ {~~ ~~~~ ~~~ ~~~~ ~~ ~ /  ===- ~~~   ',
  '       \\______ o          __/            ',
  '        \\    \\        __/             ',
  '          \\____\\______/   ',
];

describe.concurrent('whalesay', () => {
  it('draws the whale saying its arguments (command: [cowsay])', async () => {
    const result = await runCatalogApp({ image: 'docker/whalesay', command: ['cowsay'], args: ['hello world'] });
    expect(result).toEqual({ exitCode: 0, lines: WHALE_SAYING_HELLO_WORLD });
  });

  it('wraps long text at 40 columns in a multi-line balloon (args: [cowsay, …])', async () => {
    const text = 'the quick brown fox jumps over the lazy dog and keeps on running far far away from here';
    const result = await runCatalogApp({ image: 'docker/whalesay:latest', args: ['cowsay', text] });
    expect(result.lines.slice(0, 6)).toEqual([
      ' _________________________________________ ',
      '/ the quick brown fox jumps over the lazy \\',
      '| dog and keeps on running far far away   |',
      '\\ from here                               /',
      ' ----------------------------------------- ',
      '    \\',
    ]);
  });

  it('runs the image default (bash) and exits 0 when given nothing', async () => {
    const result = await runCatalogApp({ image: 'docker/whalesay' });
    expect(result.exitCode).toBe(0);
  });
});
