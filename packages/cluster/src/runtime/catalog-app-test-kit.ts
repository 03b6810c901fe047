// Test helper for the built-in apps: start one through the CatalogRuntime in a fresh pod sandbox, and clean up.
import { CatalogRuntime } from './catalog-runtime.js';
import type { ContainerStartSpec, RunningContainer } from './container-runtime.js';
import { createPodSandbox, findFreePort, readCriLog, waitForHttp, type PodSandbox } from './runtime-test-kit.js';

export interface StartedApp {
  readonly sandbox: PodSandbox;
  readonly container: RunningContainer;
  /** `http://podIP:port` when the app was given a port. */
  readonly baseUrl: string;
  /** The content of each log line so far. */
  logLines(): string[];
  /** Stops the container (grace 0 unless given) and removes the sandbox. */
  dispose(gracePeriodSeconds?: number): Promise<void>;
}

/** Starts an image from the catalog; with `serve`, on a free port, waiting until it answers `serve` (a path). */
export async function startCatalogApp(
  container: Partial<ContainerStartSpec> & Pick<ContainerStartSpec, 'image'>,
  options: { serve?: string } = {},
): Promise<StartedApp> {
  const sandbox = createPodSandbox();
  const port = options.serve === undefined ? undefined : await findFreePort(sandbox.podIP);
  const running = await new CatalogRuntime().start(
    sandbox.spec({ ...container, ports: port === undefined ? [] : [{ containerPort: port, protocol: 'TCP' }] }),
  );
  const baseUrl = port === undefined ? '' : `http://${sandbox.podIP}:${port}`;
  if (options.serve !== undefined) await waitForHttp(`${baseUrl}${options.serve}`);
  return {
    sandbox,
    container: running,
    baseUrl,
    logLines: () => readCriLog(sandbox.logPath).map((entry) => entry.content),
    dispose: async (gracePeriodSeconds = 0) => {
      await running.stop(gracePeriodSeconds);
      sandbox.cleanup();
    },
  };
}

/** Runs a run-to-completion image and returns its exit code and log lines. */
export async function runCatalogApp(
  container: Partial<ContainerStartSpec> & Pick<ContainerStartSpec, 'image'>,
): Promise<{ exitCode: number; lines: string[] }> {
  const app = await startCatalogApp(container);
  try {
    const exit = await app.container.exited;
    return { exitCode: exit.exitCode, lines: app.logLines() };
  } finally {
    await app.dispose();
  }
}
