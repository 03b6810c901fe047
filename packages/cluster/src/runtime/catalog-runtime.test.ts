// CatalogRuntime: the shared conformance suite over built-in apps (argosay, rollouts-demo) and shells in catalog images.
import { describe, expect, it } from 'vitest';
import { CatalogRuntime, choosePort } from './catalog-runtime.js';
import { isContainerStartError } from './container-runtime.js';
import { findCatalogImage } from './image-catalog.js';
import { describeRuntimeConformance } from './runtime-conformance.js';
import { createPodSandbox, readCriLog } from './runtime-test-kit.js';

const argosay = (...args: string[]) => ({ image: 'argoproj/argosay:v2', args });
const shellInArgosay = (script: string) => ({ image: 'argoproj/argosay:v2', command: ['sh', '-c', script] });

describeRuntimeConformance('catalog', () => ({
  runtime: new CatalogRuntime(),
  simulated: false,
  fixtures: {
    exiting: (code) => argosay('exit', String(code)),
    echoing: (line) => argosay('echo', line),
    longRunning: () => argosay('sleep', '30'),
    ignoringSigterm: () => shellInArgosay('trap "" TERM; echo ready; sleep 30'),
    printingEnv: (name) => shellInArgosay(`echo "$${name}"`),
    spawningChild: () => shellInArgosay('argosay sleep 30 & echo "child $!"; wait'),
    serving: () => ({
      container: { image: 'docker.io/argoproj/rollouts-demo:blue', args: ['--termination-delay=0'] },
      path: '/color',
      body: /^"blue"$/,
    }),
  },
}));

describe('CatalogRuntime specifics', () => {
  it('refuses an image that is not in the catalog', async () => {
    const sandbox = createPodSandbox();
    try {
      const error: unknown = await new CatalogRuntime()
        .start(sandbox.spec({ image: 'example.com/unknown:1' }))
        .catch((caught: unknown) => caught);
      expect(isContainerStartError(error)).toBe(true);
    } finally {
      sandbox.cleanup();
    }
  });

  it("puts the image's programs on PATH for shell commands (whalesay's `cowsay … | tee`)", async () => {
    const sandbox = createPodSandbox();
    try {
      const running = await new CatalogRuntime().start(
        sandbox.spec({ image: 'docker/whalesay:latest', command: ['sh', '-c'], args: ['cowsay hello shim | tee out.txt'] }),
      );
      expect(await running.exited).toMatchObject({ exitCode: 0 });
      expect(readCriLog(sandbox.logPath).map((entry) => entry.content)).toContain('< hello shim >');
    } finally {
      sandbox.cleanup();
    }
  });

  it.each([
    ['the first TCP port the container declares', [{ containerPort: 9000, protocol: 'UDP' }, { containerPort: 9001, protocol: 'TCP' }], 9001],
    ["the image's own port when none is declared", [], 80],
  ])('binds %s', (_name, ports, expected) => {
    const nginx = findCatalogImage('nginx:1.27')?.image;
    expect(nginx).toBeDefined();
    if (nginx !== undefined) expect(choosePort({ ports }, nginx)).toBe(expected);
  });
});
