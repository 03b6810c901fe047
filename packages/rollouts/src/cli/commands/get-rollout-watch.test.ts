// `get rollout --watch` on a terminal-like stream: redraws in place, and a step change shows within a second.
import { describe, expect, it } from 'vitest';
import { PatchType, realClock, Resources } from '@aviary/kube';
import { FakeKubeClient } from '@aviary/kube/testing';
import { clearScreen } from '../get/index.js';
import { StringOutput } from '../io.js';
import { clientWithFixture, runWithClient, waitForOutput } from '../testdata/cli-harness.js';

/** The last frame drawn: the text after the last clear-screen sequence. */
const lastFrame = (text: string): string => text.slice(text.lastIndexOf(clearScreen) + clearScreen.length);

describe('get rollout --watch', () => {
  it('shows a step change within 1 s of it happening, then stops on Ctrl-C with exit 0', async () => {
    const client = clientWithFixture('canary-paused.yaml');
    const stdout = new StringOutput({ isTTY: true });
    const interrupt = new AbortController();
    const running = runWithClient(client, ['get', 'rollout', 'rollouts-demo', '--watch', '--no-color'], { stdout, clock: realClock, signal: interrupt.signal });
    await waitForOutput(stdout, (text) => lastFrame(text).includes('  Step:          1/8\n'));
    const changedAt = performance.now();
    await client.patch(Resources.rollouts, 'rollouts-demo', 'default', { status: { currentStepIndex: 2, pauseConditions: null, controllerPause: false } }, PatchType.Merge, { subresource: 'status' });
    await waitForOutput(stdout, (text) => lastFrame(text).includes('  Step:          2/8\n'), 2000);
    const latency = performance.now() - changedAt;
    expect(latency).toBeLessThan(1000);
    interrupt.abort();
    const run = await running;
    expect(run.code).toBe(0);
    // Every frame starts by clearing the screen, as upstream redraws in place.
    expect(stdout.text.startsWith(clearScreen)).toBe(true);
    expect(lastFrame(stdout.text)).toMatch(/^Name: {12}rollouts-demo\n/);
  });

  it('--timeout-seconds ends the watch with exit 0', async () => {
    const client = clientWithFixture('canary-paused.yaml');
    const started = performance.now();
    const run = await runWithClient(client, ['get', 'rollout', 'rollouts-demo', '-w', '--timeout-seconds', '1'], { clock: realClock });
    expect(run.code).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(run.stdout).toContain(clearScreen);
  });

  it('an unknown rollout fails before drawing anything', async () => {
    const run = await runWithClient(new FakeKubeClient(), ['get', 'rollout', 'ghost', '-w']);
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: 'Error: rollouts.argoproj.io "ghost" not found\n' });
  });
});
