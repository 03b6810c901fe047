// The environment and working directory a host-run container gets: its own env plus the basics an image provides.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ContainerStartSpec } from './container-runtime.js';
import { DEFAULT_CONTAINER_PATH } from './executable-lookup.js';

/**
 * Builds the process environment: PATH, HOME and HOSTNAME as a container would have them, then
 * the image's env, then the container's env (the container wins, as in Kubernetes), then `overrides`.
 * Nothing is inherited from the kubelet's own environment except the host PATH.
 */
export function buildContainerEnv(options: {
  readonly spec: ContainerStartSpec;
  /** Directories put in front of PATH (the catalog's program shims). */
  readonly extraPath?: readonly string[];
  readonly imageEnv?: Readonly<Record<string, string>>;
  readonly overrides?: Readonly<Record<string, string>>;
}): Record<string, string> {
  const { spec } = options;
  const basePath = spec.env.PATH ?? options.imageEnv?.PATH ?? process.env.PATH ?? DEFAULT_CONTAINER_PATH;
  return {
    HOSTNAME: spec.podName,
    HOME: spec.podDir,
    ...options.imageEnv,
    ...spec.env,
    PATH: [...(options.extraPath ?? []), basePath].join(':'),
    ...options.overrides,
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The directory the container runs in: `workingDir` when the host has it, else the same path
 * under `<podDir>/rootfs` (created, as a container runtime creates a missing workingDir), else podDir.
 */
export function prepareWorkingDir(spec: ContainerStartSpec): string {
  const workingDir = spec.workingDir;
  if (workingDir === undefined || workingDir === '') {
    mkdirSync(spec.podDir, { recursive: true });
    return spec.podDir;
  }
  if (isDirectory(workingDir)) return workingDir;
  const inPod = join(spec.podDir, 'rootfs', workingDir);
  mkdirSync(inPod, { recursive: true });
  return inPod;
}
