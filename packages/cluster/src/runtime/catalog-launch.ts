// Catalog launch plans: from an image's config and a container's command/args to "run app X" or "run on the host".
import { basename } from 'node:path';
import type { AppName } from './app-script.js';
import { ContainerStartError, type ContainerStartSpec } from './container-runtime.js';
import type { CatalogImage, ImageConfig } from './image-catalog.js';

export const LaunchKind = { App: 'app', Host: 'host' } as const;
export type LaunchKind = (typeof LaunchKind)[keyof typeof LaunchKind];

export type CatalogLaunch =
  | { readonly kind: typeof LaunchKind.App; readonly app: AppName; readonly args: readonly string[] }
  | { readonly kind: typeof LaunchKind.Host; readonly argv: readonly string[] };

/**
 * The argv a container runs in an image, by Kubernetes' rule: `command` replaces ENTRYPOINT (and
 * drops CMD), `args` replace CMD; with neither, ENTRYPOINT + CMD.
 *
 *   entrypoint ['/argosay'], args ['echo', 'hi']      → ['/argosay', 'echo', 'hi']
 *   entrypoint ['/argosay'], command ['sh', '-c', 'x'] → ['sh', '-c', 'x']
 */
export function resolveImageArgv(config: ImageConfig, spec: Pick<ContainerStartSpec, 'command' | 'args'>): string[] {
  const hasCommand = spec.command !== undefined && spec.command.length > 0;
  const hasArgs = spec.args !== undefined && spec.args.length > 0;
  const entrypoint = hasCommand ? (spec.command ?? []) : config.entrypoint;
  const cmd = hasArgs ? (spec.args ?? []) : hasCommand ? [] : config.cmd;
  return [...entrypoint, ...cmd];
}

function matchesProgram(argv: readonly string[], program: readonly string[]): boolean {
  return program.every((name, index) => {
    const arg = argv[index];
    return arg !== undefined && basename(arg) === name;
  });
}

/** Decides how to run argv in a catalog image: as one of its programs, or as a host command (a shell, say). */
export function planCatalogLaunch(image: CatalogImage, argv: readonly string[]): CatalogLaunch {
  let rest = [...argv];
  while (rest.length > 1 && (image.wrappers ?? []).includes(basename(rest[0] ?? ''))) rest = rest.slice(1);
  if (rest.length === 0) throw new ContainerStartError(`no command specified for image ${image.repository}`);
  for (const program of image.programs) {
    if (matchesProgram(rest, program.argv)) {
      return { kind: LaunchKind.App, app: program.app, args: [...(program.appArgs ?? []), ...rest.slice(program.argv.length)] };
    }
  }
  return { kind: LaunchKind.Host, argv: rest };
}
