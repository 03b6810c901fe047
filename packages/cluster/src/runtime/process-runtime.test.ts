// ProcessRuntime: the shared conformance suite, plus argv resolution and start errors.
import { describe, expect, it } from 'vitest';
import { isContainerStartError } from './container-runtime.js';
import { ProcessRuntime, resolveProcessArgv } from './process-runtime.js';
import { describeRuntimeConformance } from './runtime-conformance.js';
import { createPodSandbox, readCriLog } from './runtime-test-kit.js';

const sh = (script: string) => ({ image: 'busybox', command: ['sh', '-c', script] });

describeRuntimeConformance('process', () => ({
  runtime: new ProcessRuntime(),
  simulated: false,
  fixtures: {
    exiting: (code) => sh(`exit ${code}`),
    echoing: (line) => ({ image: 'alpine:3.20', command: ['echo'], args: [line] }),
    longRunning: () => ({ image: 'busybox', command: ['sleep', '30'] }),
    ignoringSigterm: () => sh('trap "" TERM; echo ready; sleep 30'),
    printingEnv: (name) => sh(`echo "$${name}"`),
    spawningChild: () => sh('sleep 30 & echo "child $!"; wait'),
    serving: ({ podIP, port }) => ({
      container: {
        image: 'node:20',
        command: [process.execPath, '-e', `require('http').createServer((q, s) => s.end('hi from process')).listen(${port}, '${podIP}')`],
      },
      path: '/',
      body: /hi from process/,
    }),
  },
}));

describe('resolveProcessArgv', () => {
  it.each([
    ['command and args join', { image: 'busybox', command: ['sh', '-c'], args: ['echo hi'] }, ['sh', '-c', 'echo hi']],
    ['args alone replace the default command', { image: 'busybox', args: ['echo', 'hi'] }, ['echo', 'hi']],
    ['neither runs the image default', { image: 'docker.io/library/busybox:1.36' }, ['sh']],
    ['python images default to python3', { image: 'python:alpine3.6' }, ['python3']],
  ])('%s', (_name, spec, argv) => {
    expect(resolveProcessArgv(spec)).toEqual(argv);
  });

  it('refuses an unknown image with nothing to run', () => {
    expect(() => resolveProcessArgv({ image: 'my-image:latest' })).toThrow(/no command/);
  });
});

describe('ProcessRuntime specifics', () => {
  it('rejects a missing executable with a StartError', async () => {
    const sandbox = createPodSandbox();
    try {
      const error: unknown = await new ProcessRuntime()
        .start(sandbox.spec({ image: 'busybox', command: ['no-such-binary-aviary'] }))
        .catch((caught: unknown) => caught);
      expect(isContainerStartError(error)).toBe(true);
      expect(String(error)).toContain('executable file not found in $PATH');
    } finally {
      sandbox.cleanup();
    }
  });

  it('runs in workingDir, creating it under the pod folder when the host lacks it', async () => {
    const sandbox = createPodSandbox();
    try {
      const running = await new ProcessRuntime().start(
        sandbox.spec({ image: 'busybox', command: ['pwd'], workingDir: '/no/such/app-dir' }),
      );
      await running.exited;
      expect(readCriLog(sandbox.logPath)[0]?.content).toBe(`${sandbox.podDir}/rootfs/no/such/app-dir`);
    } finally {
      sandbox.cleanup();
    }
  });

  it('logs stderr as its own stream and sets HOSTNAME to the pod name', async () => {
    const sandbox = createPodSandbox();
    try {
      const running = await new ProcessRuntime().start(
        sandbox.spec({ image: 'busybox', command: ['sh', '-c', 'echo "$HOSTNAME" >&2; printf tail'] }),
      );
      await running.exited;
      const entries = readCriLog(sandbox.logPath);
      expect(entries).toContainEqual(expect.objectContaining({ stream: 'stderr', tag: 'F', content: 'pod-1' }));
      expect(entries).toContainEqual(expect.objectContaining({ stream: 'stdout', tag: 'F', content: 'tail' }));
    } finally {
      sandbox.cleanup();
    }
  });
});
