// The one ContainerRuntime conformance suite: every runtime runs it; cases it cannot support are skipped by name with a reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContainerRuntime, ContainerStartSpec, RunningContainer } from './container-runtime.js';
import type { ContainerImageSpec } from './runtime-registry.js';
import {
  createPodSandbox,
  findFreePort,
  isProcessAlive,
  readCriLog,
  waitForHttp,
  waitForLogLine,
  waitForProcessGone,
  type PodSandbox,
} from './runtime-test-kit.js';

/** Containers that make each case happen on the runtime under test. */
export interface RuntimeFixtures {
  /** Exits with `code` without being asked. */
  exiting(code: number): ContainerImageSpec;
  /** Prints `line` on stdout, then exits 0. */
  echoing(line: string): ContainerImageSpec;
  /** Runs until stopped and ends on SIGTERM. */
  longRunning(): ContainerImageSpec;
  /** Ignores SIGTERM; prints a line saying `ready` once it does. */
  ignoringSigterm(): ContainerImageSpec;
  /** Prints the value of env var `name`, then exits 0. */
  printingEnv(name: string): ContainerImageSpec;
  /** Starts a child process, prints `child <pid>`, and runs until stopped. */
  spawningChild(): ContainerImageSpec;
  /** Serves HTTP on `podIP:port`; GET `path` answers a body matching `body`. */
  serving(address: { podIP: string; port: number }): { container: ContainerImageSpec; path: string; body: RegExp };
}

export interface RuntimeUnderTest {
  readonly runtime: ContainerRuntime;
  readonly fixtures: RuntimeFixtures;
  /** Does the runtime report its containers as simulated? */
  readonly simulated: boolean;
}

export const RuntimeCase = {
  Start: 'start reports startedAt, pid and simulated',
  ExitZero: 'a container that exits 0 is Completed',
  ExitNonZero: 'a container that exits non-zero is Error with its code',
  StopTerm: 'stop sends SIGTERM and resolves once the container is gone',
  StopKill: 'stop kills a container that ignores SIGTERM after the grace period',
  StopTwice: 'stop after the container ended resolves at once',
  Env: 'the container gets its env',
  Logs: 'output is logged in the CRI format',
  Http: 'a started HTTP app answers on podIP:port',
  NoLeftovers: 'no process of the container remains after stop',
  Exec: 'exec runs a command with the container env',
} as const;
export type RuntimeCase = (typeof RuntimeCase)[keyof typeof RuntimeCase];

export interface RuntimeConformanceOptions {
  /** Case name → why this runtime skips it. */
  readonly skip?: Partial<Record<RuntimeCase, string>>;
}

const STARTED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export function describeRuntimeConformance(
  name: string,
  makeRuntime: () => RuntimeUnderTest | Promise<RuntimeUnderTest>,
  options: RuntimeConformanceOptions = {},
): void {
  describe(`ContainerRuntime conformance: ${name}`, () => {
    let subject: RuntimeUnderTest;
    let sandbox: PodSandbox;
    const started: RunningContainer[] = [];

    beforeEach(async () => {
      subject = await makeRuntime();
      sandbox = createPodSandbox();
    });

    afterEach(async () => {
      await Promise.all(started.splice(0).map((container) => container.stop(0)));
      sandbox.cleanup();
    });

    async function start(container: ContainerImageSpec, extra: Partial<ContainerStartSpec> = {}): Promise<RunningContainer> {
      const running = await subject.runtime.start(sandbox.spec({ ...container, ...extra }));
      started.push(running);
      return running;
    }

    function test(caseName: RuntimeCase, body: () => Promise<void>): void {
      const reason = options.skip?.[caseName];
      if (reason !== undefined) it.skip(`${caseName} (skipped: ${reason})`, body);
      else it(caseName, body);
    }

    test(RuntimeCase.Start, async () => {
      const running = await start(subject.fixtures.longRunning());
      expect(running.startedAt).toMatch(STARTED_AT);
      expect(Math.abs(Date.parse(running.startedAt) - Date.now())).toBeLessThan(10_000);
      expect(running.simulated).toBe(subject.simulated);
      if (subject.simulated) expect(running.pid).toBeUndefined();
      else expect(isProcessAlive(running.pid ?? -1)).toBe(true);
    });

    test(RuntimeCase.ExitZero, async () => {
      const exit = await (await start(subject.fixtures.exiting(0))).exited;
      expect(exit).toMatchObject({ exitCode: 0, reason: 'Completed' });
      expect(exit.finishedAt).toMatch(STARTED_AT);
    });

    test(RuntimeCase.ExitNonZero, async () => {
      const exit = await (await start(subject.fixtures.exiting(3))).exited;
      expect(exit).toMatchObject({ exitCode: 3, reason: 'Error' });
    });

    test(RuntimeCase.StopTerm, async () => {
      const running = await start(subject.fixtures.longRunning());
      const before = Date.now();
      await running.stop(20);
      expect(Date.now() - before).toBeLessThan(8_000);
      if (!subject.simulated) {
        expect(await running.exited).toMatchObject({ exitCode: 143, signal: 'SIGTERM', reason: 'Error' });
        expect(isProcessAlive(running.pid ?? -1)).toBe(false);
      }
    });

    test(RuntimeCase.StopKill, async () => {
      const running = await start(subject.fixtures.ignoringSigterm());
      await waitForLogLine(sandbox.logPath, /ready/);
      const before = Date.now();
      await running.stop(1);
      const elapsed = Date.now() - before;
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(6_000);
      expect(await running.exited).toMatchObject({ exitCode: 137, signal: 'SIGKILL' });
      expect(isProcessAlive(running.pid ?? -1)).toBe(false);
    });

    test(RuntimeCase.StopTwice, async () => {
      const running = await start(subject.fixtures.exiting(0));
      await running.stop(30);
      const before = Date.now();
      await running.stop(30);
      expect(Date.now() - before).toBeLessThan(500);
    });

    test(RuntimeCase.Env, async () => {
      const running = await start(subject.fixtures.printingEnv('GREETING'), { env: { GREETING: 'hello from env' } });
      await running.exited;
      expect(readCriLog(sandbox.logPath).map((entry) => entry.content)).toContain('hello from env');
    });

    test(RuntimeCase.Logs, async () => {
      const running = await start(subject.fixtures.echoing('hello logs'));
      if (subject.simulated) await running.stop(0);
      await running.exited;
      const entries = readCriLog(sandbox.logPath); // throws on any line not in CRI format
      expect(entries.length).toBeGreaterThan(0);
      if (!subject.simulated) {
        expect(entries).toContainEqual(expect.objectContaining({ stream: 'stdout', tag: 'F', content: 'hello logs' }));
      }
    });

    test(RuntimeCase.Http, async () => {
      const port = await findFreePort(sandbox.podIP);
      const serving = subject.fixtures.serving({ podIP: sandbox.podIP, port });
      await start(serving.container, { ports: [{ containerPort: port, protocol: 'TCP' }] });
      const answer = await waitForHttp(`http://${sandbox.podIP}:${port}${serving.path}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatch(serving.body);
    });

    test(RuntimeCase.NoLeftovers, async () => {
      const running = await start(subject.fixtures.spawningChild());
      const child = Number((await waitForLogLine(sandbox.logPath, /^child (\d+)$/))[1]);
      expect(isProcessAlive(child)).toBe(true);
      await running.stop(5);
      expect(isProcessAlive(running.pid ?? -1)).toBe(false);
      expect(await waitForProcessGone(child)).toBe(true);
    });

    test(RuntimeCase.Exec, async () => {
      const running = await start(subject.fixtures.longRunning(), { env: { PROBE_VALUE: 'probe-ok' } });
      expect(running.exec).toBeDefined();
      const ok = await running.exec?.(['sh', '-c', 'echo "$PROBE_VALUE"; pwd'], 5_000);
      expect(ok?.exitCode).toBe(0);
      expect(ok?.output).toContain('probe-ok');
      expect(ok?.output).toContain(sandbox.podDir);
      const failing = await running.exec?.(['sh', '-c', 'exit 4'], 5_000);
      expect(failing?.exitCode).toBe(4);
      const slow = await running.exec?.(['sleep', '5'], 200);
      expect(slow).toMatchObject({ timedOut: true });
    });
  });
}
