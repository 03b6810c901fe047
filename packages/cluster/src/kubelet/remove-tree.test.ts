// removeTree: a pod folder with nested folders and files goes entirely; a missing one is no error.
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTree } from './remove-tree.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('removeTree', () => {
  it('removes nested folders and files, and a link without following it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aviary-remove-tree-'));
    roots.push(root);
    const outside = join(root, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'kept'), 'x');
    const pod = join(root, 'pod');
    mkdirSync(join(pod, 'logs', 'web'), { recursive: true });
    writeFileSync(join(pod, 'logs', 'web', '0.log'), 'line\n');
    writeFileSync(join(pod, 'etc-hosts'), '127.0.0.1 localhost\n');
    mkdirSync(join(pod, 'empty'));
    symlinkSync(outside, join(pod, 'link'));
    await removeTree(pod);
    expect(existsSync(pod)).toBe(false);
    expect(existsSync(join(outside, 'kept'))).toBe(true);
  });

  it('treats a missing folder as removed', async () => {
    await expect(removeTree(join(tmpdir(), 'aviary-remove-tree-absent', 'pod'))).resolves.toBeUndefined();
  });
});
