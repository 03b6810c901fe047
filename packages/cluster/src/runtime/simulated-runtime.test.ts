// SimulatedRuntime: the shared conformance suite with the process-only cases skipped, plus its log notice.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeRuntimeConformance } from './runtime-conformance.js';
import { createPodSandbox, readCriLog } from './runtime-test-kit.js';
import { MemoryLogs } from './memory-logs.js';
import { SimulatedRuntime } from './simulated-runtime.js';

const anything = { image: 'example.com/some/app:1.0' };
const NO_PROCESS = 'a simulated container has no process';

describeRuntimeConformance(
  'simulated',
  () => ({
    runtime: new SimulatedRuntime(),
    simulated: true,
    fixtures: {
      exiting: () => anything,
      echoing: () => anything,
      longRunning: () => anything,
      ignoringSigterm: () => anything,
      printingEnv: () => anything,
      spawningChild: () => anything,
      serving: () => ({ container: anything, path: '/', body: /./ }),
    },
  }),
  {
    skip: {
      'a container that exits 0 is Completed': 'a simulated container runs until stopped',
      'a container that exits non-zero is Error with its code': 'a simulated container runs until stopped',
      'stop kills a container that ignores SIGTERM after the grace period': NO_PROCESS,
      'stop after the container ended resolves at once': 'a simulated container never ends on its own',
      'the container gets its env': NO_PROCESS,
      'a started HTTP app answers on podIP:port': 'a simulated container serves nothing',
      'no process of the container remains after stop': NO_PROCESS,
      'exec runs a command with the container env': 'exec always succeeds without running anything',
    },
  },
);

describe('SimulatedRuntime specifics', () => {
  it('says in the log that it is simulated, and stays running until stopped', async () => {
    const sandbox = createPodSandbox();
    try {
      const running = await new SimulatedRuntime().start(sandbox.spec({ image: 'example.com/app:2' }));
      expect(readCriLog(sandbox.logPath).map((entry) => entry.content)).toEqual([
        'aviary: simulated container for image example.com/app:2: no process runs; it stays Running until stopped',
      ]);
      const state = await Promise.race([running.exited.then(() => 'exited'), Promise.resolve('running')]);
      expect(state).toBe('running');
      await running.stop(30);
      expect(await running.exited).toMatchObject({ exitCode: 0, reason: 'Completed' });
      expect(await running.exec?.(['cat', '/tmp/healthy'], 1000)).toMatchObject({ exitCode: 0 });
    } finally {
      sandbox.cleanup();
    }
  });

  it('keeps its log in the memory logs it is given, and writes no file', async () => {
    const sandbox = createPodSandbox();
    try {
      const logs = new MemoryLogs();
      const running = await new SimulatedRuntime({ logs }).start(sandbox.spec({ image: 'example.com/app:3' }));
      expect(logs.read(sandbox.podDir, sandbox.logPath)).toMatch(/^\S+ stdout F aviary: simulated container for image example.com\/app:3: no process runs; it stays Running until stopped\n$/);
      expect(existsSync(sandbox.logPath)).toBe(false);
      expect(existsSync(sandbox.podDir)).toBe(false);
      await running.stop(0);
      logs.removePod(sandbox.podDir);
      expect(logs.read(sandbox.podDir, sandbox.logPath)).toBeUndefined();
    } finally {
      sandbox.cleanup();
    }
  });
});
