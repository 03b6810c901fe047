// `aviary demo` end to end, in-process: the whole walkthrough on a fresh embedded cluster with real pods and real
// Service traffic, then nothing left running; and Ctrl-C in the middle of a stage.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDemo } from './demo-command.js';
import { processesUnder, workerNetwork } from './e2e/processes.js';

const linux = process.platform === 'linux';
if (!linux) console.warn('skipping aviary demo end to end: its pods are real local processes, each on its own loopback address, which needs Linux');

/** Captures what the command writes; `onWrite` sees the text so far. */
function capture(onWrite: (text: string) => void = () => undefined): { text: string; write(chunk: string): boolean } {
  const out = {
    text: '',
    write(chunk: string): boolean {
      out.text += chunk;
      onWrite(out.text);
      return true;
    },
  };
  return out;
}

/** The temporary data directory the command announced. */
function dataDirIn(text: string): string {
  const match = /Running against the embedded cluster in (\S+?)\./.exec(text);
  if (!match?.[1]) throw new Error(`no data directory in the output:\n${text}`);
  return match[1];
}

const headings = ['1/7 Deploy rollouts-demo:blue', '2/7 Update to yellow', '3/7 Pause at 20%', '4/7 Promote', '5/7 Update to red', '6/7 Abort', '7/7 Recover'];


/** This test worker's own address ranges: test files run in parallel, each with a cluster. */
function networkFlags(): string[] {
  const { podSubnet, serviceCidr } = workerNetwork();
  return ['--pod-subnet', podSubnet, '--service-cidr', serviceCidr];
}

describe.skipIf(!linux)('aviary demo', () => {
  it('walks from blue through the yellow canary, promote, the red abort and the recovery, then leaves nothing behind', async () => {
    const stdout = capture();
    const stderr = capture();
    const code = await runDemo(['--fast', '--no-color', ...networkFlags()], { stdout, stderr, env: {} });
    expect(code, `${stdout.text}\n${stderr.text}`).toBe(0);

    // Every stage heading, in order, each followed by the command a user would type.
    const positions = headings.map((heading) => stdout.text.indexOf(`\n${heading}\n`));
    expect(positions.every((p) => p >= 0), stdout.text).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(stdout.text).toContain('  $ kubectl argo rollouts set image rollouts-demo rollouts-demo=argoproj/rollouts-demo:yellow\n');
    expect(stdout.text).toContain('  $ kubectl argo rollouts promote rollouts-demo\n');
    expect(stdout.text).toContain("  rollout 'rollouts-demo' aborted\n");
    expect(stdout.text).toMatch(/\nDone: every stage of the walkthrough reached its state\.\nStopping the embedded cluster…\n$/);
    expect(stdout.text).not.toContain('\x1b[');

    // One traffic line per shown stage, measured through the Service's cluster IP; the majority colour follows the walkthrough.
    const traffic = [...stdout.text.matchAll(/^traffic {2}(.+?) {2}\(200 requests to http:\/\/127\.\d+\.\d+\.\d+\/color; ready pods: .+\)$/gm)].map((m) => m[1] ?? '');
    expect(traffic, stdout.text).toHaveLength(6);
    for (const split of traffic) expect(split).toMatch(/^[a-z]+ \d+%( · \S+ (\d+|<1)%)*$/);
    expect(traffic.map((split) => split.split(' ')[0])).toEqual(['blue', 'blue', 'yellow', 'yellow', 'yellow', 'yellow']);
    expect(traffic[0]).toBe('blue 100%');
    expect(traffic[1]).toMatch(/^blue \d+% · yellow \d+%$/);
    expect(traffic[5]).toBe('yellow 100%');

    // The cluster is stopped, its temporary folder removed, and no container process survives.
    const dataDir = dataDirIn(stdout.text);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(processesUnder(dataDir)).toEqual([]);
  }, 150_000);

  it('stops the cluster and every pod on Ctrl-C in the middle of a stage, with exit code 130', async () => {
    const controller = new AbortController();
    const stdout = capture((text) => {
      if (text.includes('\n2/7 Update to yellow\n') && !controller.signal.aborted) controller.abort(new Error('SIGINT received'));
    });
    const stderr = capture();
    const code = await runDemo(['--fast', ...networkFlags()], { stdout, stderr, env: {}, signal: controller.signal });
    expect(code, `${stdout.text}\n${stderr.text}`).toBe(130);
    expect(stderr.text).toBe('aviary demo: interrupted, stopping\n');
    expect(stdout.text).not.toContain('3/7');
    const dataDir = dataDirIn(stdout.text);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(processesUnder(dataDir)).toEqual([]);
  }, 60_000);
});
