// ProcessRuntime: runs a container's command and args as a host process in the pod's folder, with its env.
import type { Clock } from '@aviary/kube';
import { buildContainerEnv, prepareWorkingDir } from './container-env.js';
import {
  ContainerStartError,
  type ContainerRuntime,
  type ContainerStartSpec,
  type RunningContainer,
} from './container-runtime.js';
import { readGeneralImageDefaultCommand } from './general-images.js';
import { startHostProcess } from './host-process.js';
import { parseImageReference } from './image-reference.js';

export interface ProcessRuntimeOptions {
  readonly clock?: Clock;
}

/**
 * The argv a container runs, by Kubernetes' rule: command + args; args alone replace the image CMD
 * (general images have no ENTRYPOINT); neither runs the image's default command.
 */
export function resolveProcessArgv(spec: Pick<ContainerStartSpec, 'image' | 'command' | 'args'>): string[] {
  if (spec.command !== undefined && spec.command.length > 0) return [...spec.command, ...(spec.args ?? [])];
  if (spec.args !== undefined && spec.args.length > 0) return [...spec.args];
  const fallback = readGeneralImageDefaultCommand(parseImageReference(spec.image));
  if (fallback === undefined) throw new ContainerStartError(`image ${spec.image} has no command to run on the host`);
  return [...fallback];
}

export class ProcessRuntime implements ContainerRuntime {
  readonly name = 'process';
  private readonly clock: Clock | undefined;

  constructor(options: ProcessRuntimeOptions = {}) {
    this.clock = options.clock;
  }

  async start(spec: ContainerStartSpec): Promise<RunningContainer> {
    const argv = resolveProcessArgv(spec);
    return startHostProcess({
      argv,
      env: buildContainerEnv({ spec }),
      cwd: prepareWorkingDir(spec),
      logPath: spec.logPath,
      ...(this.clock === undefined ? {} : { clock: this.clock }),
    });
  }
}
