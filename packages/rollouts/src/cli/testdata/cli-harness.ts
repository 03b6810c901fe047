// Test helper: runs a command line in-process over a fake client and captures what it printed.
import { FakeClock, type Clock, type KubeClient } from '@aviary/kube';
import { FakeKubeClient } from '@aviary/kube/testing';
import { runCli } from '../main.js';
import { StringOutput } from '../io.js';
import type { KubeSettings } from '../kube-flags.js';
import { fixtureNow, loadFixture } from '../get/testdata/fixture.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The settings the command connected with (undefined when it never connected). */
  settings?: KubeSettings;
}

export interface RunOptions {
  clock?: Clock;
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  stdout?: StringOutput;
}

/** Runs `argv` against `client`; the namespace is -n's, else `default`. */
export async function runWithClient(client: KubeClient, argv: string[], options: RunOptions = {}): Promise<CliRun> {
  const stdout = options.stdout ?? new StringOutput();
  const stderr = new StringOutput();
  let settings: KubeSettings | undefined;
  const code = await runCli({
    argv,
    stdout,
    stderr,
    env: options.env ?? {},
    clock: options.clock ?? new FakeClock({ startMs: fixtureNow }),
    ...(options.signal ? { signal: options.signal } : {}),
    connect: (given) => {
      settings = given;
      return { client, namespace: given.namespace ?? 'default', close: () => Promise.resolve() };
    },
  });
  return { code, stdout: stdout.text, stderr: stderr.text, ...(settings ? { settings } : {}) };
}

/** A fake client holding every object of a golden-test fixture (cli/get/testdata/<file>). */
export function clientWithFixture(file: string): FakeKubeClient {
  const objects = loadFixture(file);
  return new FakeKubeClient({ objects: [...objects.rollouts, ...objects.replicaSets, ...objects.pods, ...objects.analysisRuns, ...objects.experiments] });
}

/** Resolves once `predicate` holds for the captured text, polling every 5 ms; rejects after `timeoutMs`. */
export async function waitForOutput(output: StringOutput, predicate: (text: string) => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate(output.text)) {
    if (performance.now() > deadline) throw new Error(`output never matched; got:\n${output.text.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
