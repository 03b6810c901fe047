// CatalogRuntime: runs images from the image catalog as built-in apps, each its own Node process.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '@aviary/kube';
import { resolveAppCommand } from './app-script.js';
import { planCatalogLaunch, resolveImageArgv, LaunchKind } from './catalog-launch.js';
import { buildContainerEnv, prepareWorkingDir } from './container-env.js';
import {
  ContainerStartError,
  type ContainerRuntime,
  type ContainerStartSpec,
  type RunningContainer,
} from './container-runtime.js';
import { startHostProcess } from './host-process.js';
import { findCatalogImage, IMAGE_CATALOG, type CatalogImage } from './image-catalog.js';

export interface CatalogRuntimeOptions {
  readonly catalog?: readonly CatalogImage[];
  readonly clock?: Clock;
}

/** Quotes one word for /bin/sh. */
function quoteForShell(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Writes `<podDir>/.aviary/bin/<program>` scripts for the image's programs, so a shell command in
 * the image (`sh -c "cowsay hi | tee /tmp/out"`) finds them on PATH. Returns the folder.
 */
export function writeProgramShims(options: { image: CatalogImage; podDir: string }): string {
  const dir = join(options.podDir, '.aviary', 'bin');
  mkdirSync(dir, { recursive: true });
  for (const program of options.image.programs) {
    const [name, ...more] = program.argv;
    if (name === undefined || more.length > 0) continue;
    const words = [...resolveAppCommand(program.app), ...(program.appArgs ?? [])].map(quoteForShell);
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\nexec ${words.join(' ')} "$@"\n`);
    chmodSync(path, 0o755);
  }
  return dir;
}

/** The port an app should bind: the container's first TCP port, else the image's own. */
export function choosePort(spec: Pick<ContainerStartSpec, 'ports'>, image: CatalogImage): number | undefined {
  const declared = spec.ports.find((port) => port.protocol.toUpperCase() === 'TCP');
  return declared?.containerPort ?? image.defaultPort;
}

export class CatalogRuntime implements ContainerRuntime {
  readonly name = 'catalog';
  private readonly catalog: readonly CatalogImage[];
  private readonly clock: Clock | undefined;

  constructor(options: CatalogRuntimeOptions = {}) {
    this.catalog = options.catalog ?? IMAGE_CATALOG;
    this.clock = options.clock;
  }

  /** Does the catalog know this image? */
  knows(image: string): boolean {
    return findCatalogImage(image, this.catalog) !== undefined;
  }

  async start(spec: ContainerStartSpec): Promise<RunningContainer> {
    const match = findCatalogImage(spec.image, this.catalog);
    if (match === undefined) throw new ContainerStartError(`image ${spec.image} is not in the image catalog`);
    const config = match.image.configFor(match.reference.tag);
    const launch = planCatalogLaunch(match.image, resolveImageArgv(config, spec));
    const cwd = prepareWorkingDir(spec);
    const shimDir = writeProgramShims({ image: match.image, podDir: spec.podDir });
    const port = choosePort(spec, match.image);
    const env = buildContainerEnv({
      spec,
      extraPath: [shimDir],
      imageEnv: config.env,
      overrides: {
        HOST: spec.podIP,
        ...(port === undefined ? {} : { PORT: String(port) }),
        AVIARY_IMAGE_TAG: match.reference.tag ?? '',
      },
    });
    const argv = launch.kind === LaunchKind.App ? [...resolveAppCommand(launch.app), ...launch.args] : launch.argv;
    return startHostProcess({
      argv,
      env,
      cwd,
      logPath: spec.logPath,
      ...(this.clock === undefined ? {} : { clock: this.clock }),
    });
  }
}
