// Executable lookup: finds a container's command on the host, as a container's PATH search would in its image.
import { accessSync, constants, statSync } from 'node:fs';
import { basename, delimiter, isAbsolute, join, resolve } from 'node:path';

/** The PATH a fresh Linux image starts with, used when the host gives none. */
export const DEFAULT_CONTAINER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * Commands that general images have under one name and hosts often under another. The image's
 * `python` is the host's `python3` when the host has no `python`.
 */
const HOST_ALIASES: Readonly<Record<string, readonly string[]>> = {
  python: ['python3'],
  pip: ['pip3'],
};

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function searchPath(name: string, pathList: string): string | undefined {
  for (const dir of pathList.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Resolves `command` (argv[0]) to a host executable. Absolute image paths that the host lacks
 * (`/usr/local/bin/python`) fall back to a PATH search for their base name; names the host lacks
 * try their aliases. Returns undefined when nothing matches.
 */
export function resolveExecutable(options: { command: string; pathList: string; cwd: string }): string | undefined {
  const { command, pathList, cwd } = options;
  if (command === '') return undefined;
  if (command.includes('/')) {
    const direct = isAbsolute(command) ? command : resolve(cwd, command);
    if (isExecutableFile(direct)) return direct;
    if (!isAbsolute(command)) return undefined;
  }
  const name = basename(command);
  const found = searchPath(name, pathList);
  if (found !== undefined) return found;
  for (const alias of HOST_ALIASES[name] ?? []) {
    const aliased = searchPath(alias, pathList);
    if (aliased !== undefined) return aliased;
  }
  return undefined;
}

/** The message runc gives for a missing executable, so `kubectl describe` reads as on a real node. */
export function describeMissingExecutable(command: string): string {
  return command.includes('/')
    ? `exec: "${command}": stat ${command}: no such file or directory`
    : `exec: "${command}": executable file not found in $PATH`;
}
