// Removes a pod's folder tree: every file unlinked and every folder emptied before it is removed, so nothing
// fails along the way (Node's recursive fs.rm tries rmdir first and builds an ENOTEMPTY error per folder, which
// cost the API server's thread a few percent when many pods went at once).
import { readdir, rmdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Removes `path` and everything under it; a path that does not exist is already removed. */
export async function removeTree(path: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (error: unknown) {
    if (isMissing(error)) return;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return unlinkIfPresent(path);
    throw error;
  }
  await Promise.all(entries.map((entry) => (entry.isDirectory() ? removeTree(join(path, entry.name)) : unlinkIfPresent(join(path, entry.name)))));
  try {
    await rmdir(path);
  } catch (error: unknown) {
    if (!isMissing(error)) throw error;
  }
}

async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error: unknown) {
    if (!isMissing(error)) throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}
