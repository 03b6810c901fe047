// The background WAL checkpointer: committed frames reach the database file without the writer checkpointing.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '@aviary/kube';
import { SqliteStore, stateDbPath } from './sqlite-store.js';

const directories: string[] = [];

afterEach(() => {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function eventually(check: () => boolean, timeoutMs = 4_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('SqliteStore backgroundCheckpoint', () => {
  it('copies committed writes into the database file from the worker, and they survive a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aviary-wal-'));
    directories.push(dir);
    const path = stateDbPath(dir);
    const store = SqliteStore.open({ path, backgroundCheckpoint: true });
    const before = statSync(path).size;
    // 200 rows of ~2 KB stay far below the writer's own 64 MiB autocheckpoint: only the worker can move them.
    for (let i = 0; i < 200; i++) store.create(`/core/configmaps/default/cm-${i}`, { metadata: { name: `cm-${i}` }, data: { v: 'x'.repeat(2000) } } as KubeObject);
    expect(await eventually(() => statSync(path).size > before + 200 * 2000)).toBe(true);
    store.close();
    const reopened = SqliteStore.open({ path });
    expect(reopened.list('/core/configmaps/default/').items).toHaveLength(200);
    reopened.close();
  });
});
