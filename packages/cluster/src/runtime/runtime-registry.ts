// RuntimeRegistry: the one object the kubelet asks which runtime serves a container, and starts it there.
import type { Clock } from '@aviary/kube';
import { CatalogRuntime } from './catalog-runtime.js';
import type { ContainerRuntime, ContainerStartSpec, RunningContainer } from './container-runtime.js';
import { isGeneralImage } from './general-images.js';
import { MemoryLogs } from './memory-logs.js';
import { findCatalogImage, IMAGE_CATALOG, type CatalogImage } from './image-catalog.js';
import { parseImageReference } from './image-reference.js';
import { ProcessRuntime } from './process-runtime.js';
import { SimulatedRuntime } from './simulated-runtime.js';

export const RuntimeKind = { Catalog: 'catalog', Process: 'process', Simulated: 'simulated' } as const;
export type RuntimeKind = (typeof RuntimeKind)[keyof typeof RuntimeKind];

/** The parts of a container that decide its runtime. */
export type ContainerImageSpec = Pick<ContainerStartSpec, 'image' | 'command' | 'args'>;

export interface RuntimeSelectionOptions {
  /** `aviary up --simulate-pods`: every container is simulated. */
  readonly simulatePods?: boolean;
  readonly catalog?: readonly CatalogImage[];
}

function isNonEmpty(list: readonly string[] | undefined): boolean {
  return list !== undefined && list.length > 0;
}

/**
 * Which runtime serves a container:
 * 1. every container under --simulate-pods → simulated;
 * 2. an image in the catalog → catalog (its built-in app, or its shell with the app's programs);
 * 3. a container that gives a command, or a general image (busybox, alpine, python, …) → process;
 * 4. anything else (an unknown image with only its own entrypoint to go on) → simulated.
 */
export function selectRuntime(container: ContainerImageSpec, options: RuntimeSelectionOptions = {}): RuntimeKind {
  if (options.simulatePods === true) return RuntimeKind.Simulated;
  if (findCatalogImage(container.image, options.catalog ?? IMAGE_CATALOG) !== undefined) return RuntimeKind.Catalog;
  if (isNonEmpty(container.command)) return RuntimeKind.Process;
  if (isGeneralImage(parseImageReference(container.image))) return RuntimeKind.Process;
  return RuntimeKind.Simulated;
}

export interface RuntimeRegistryOptions extends RuntimeSelectionOptions {
  readonly clock?: Clock;
  /** Replacement runtimes (tests); the defaults are built from the other options. */
  readonly runtimes?: Partial<Record<RuntimeKind, ContainerRuntime>>;
}

export class RuntimeRegistry {
  /** The logs of the default simulated runtime, which writes no files. */
  readonly memoryLogs = new MemoryLogs();
  private readonly runtimes: Record<RuntimeKind, ContainerRuntime>;
  private readonly selection: RuntimeSelectionOptions;

  constructor(options: RuntimeRegistryOptions = {}) {
    const clock = options.clock === undefined ? {} : { clock: options.clock };
    this.selection = {
      ...(options.simulatePods === undefined ? {} : { simulatePods: options.simulatePods }),
      ...(options.catalog === undefined ? {} : { catalog: options.catalog }),
    };
    this.runtimes = {
      catalog: options.runtimes?.catalog ?? new CatalogRuntime({ ...clock, ...(options.catalog ? { catalog: options.catalog } : {}) }),
      process: options.runtimes?.process ?? new ProcessRuntime(clock),
      simulated: options.runtimes?.simulated ?? new SimulatedRuntime({ ...clock, logs: this.memoryLogs }),
    };
  }

  /** Is every container simulated (`--simulate-pods`)? */
  get simulatePods(): boolean {
    return this.selection.simulatePods === true;
  }

  /** The runtime that serves this container. */
  runtimeFor(container: ContainerImageSpec): ContainerRuntime {
    return this.runtimes[selectRuntime(container, this.selection)];
  }

  /** Starts the container on the runtime that serves it. */
  start(spec: ContainerStartSpec): Promise<RunningContainer> {
    return this.runtimeFor(spec).start(spec);
  }
}
