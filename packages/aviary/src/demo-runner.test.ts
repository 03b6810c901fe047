// The demo runner over a fake cluster with no controllers: what it prints, how a stage times out, and what it refuses.
import { Resources, realClock, type Rollout } from '@aviary/kube';
import { FakeKubeClient } from '@aviary/kube/testing';
import { describe, expect, it } from 'vitest';
import { runDemoStages, StageTimeoutError, type DemoRunOptions } from './demo-runner.js';
import { DemoAlreadyPresentError, demoObjectsWithPauses } from './demo-setup.js';

function options(client: FakeKubeClient, out: { text: string }): DemoRunOptions {
  return {
    client,
    namespace: 'default',
    out: { write: (chunk: string) => (out.text += chunk) },
    color: false,
    clock: realClock,
    pauseSeconds: 2,
    manifestLabel: 'demo/rollouts-demo.yaml',
    trafficRequests: 10,
    pollMs: 10,
    stageTimeoutMs: 200,
  };
}

describe('runDemoStages', () => {
  it('creates the demo, narrates the first stage, and times out with the last state seen when nothing acts on it', async () => {
    const client = new FakeKubeClient();
    const out = { text: '' };
    const run = runDemoStages(options(client, out));
    await expect(run).rejects.toBeInstanceOf(StageTimeoutError);
    await expect(run).rejects.toThrow('stage "Deploy rollouts-demo:blue" did not reach its state within 0.2s (last seen: Pending · pods none · 0 behind the Service)');
    expect(out.text).toContain('1/7 Deploy rollouts-demo:blue\n');
    expect(out.text).toContain('  $ kubectl apply -f demo/rollouts-demo.yaml\n');
    // The progress line is printed once, not on every poll.
    expect(out.text.match(/Pending · pods none/g)).toHaveLength(1);
    const rollout = await client.get<Rollout>(Resources.rollouts, 'rollouts-demo', 'default');
    expect(rollout.spec.strategy.canary?.steps?.filter((step) => step.pause?.duration !== undefined).map((step) => step.pause?.duration)).toEqual([2, 2, 2]);
    await client.get(Resources.services, 'rollouts-demo', 'default');
  });

  it('refuses to start over an existing rollout, naming it and the way out', async () => {
    const existing = demoObjectsWithPauses(10).find((object) => object.kind === 'Rollout');
    const client = new FakeKubeClient({ objects: [{ ...existing, metadata: { ...existing?.metadata, namespace: 'default' } }] });
    const out = { text: '' };
    const run = runDemoStages(options(client, out));
    await expect(run).rejects.toBeInstanceOf(DemoAlreadyPresentError);
    await expect(run).rejects.toThrow(/rollout "rollouts-demo" already exists in namespace "default".*kubectl delete rollout rollouts-demo -n default/);
  });

  it('stops waiting as soon as it is interrupted', async () => {
    const client = new FakeKubeClient();
    const controller = new AbortController();
    const out = { text: '' };
    const run = runDemoStages({ ...options(client, out), stageTimeoutMs: 60_000, pollMs: 5_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('SIGINT received')), 50);
    const started = Date.now();
    await expect(run).rejects.toThrow('SIGINT received');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('demoObjectsWithPauses', () => {
  it('shortens the timed pauses and keeps the pause until promoted', () => {
    const rollout = demoObjectsWithPauses(3).find((object) => object.kind === 'Rollout') as Rollout;
    expect(rollout.spec.strategy.canary?.steps?.map((step) => step.pause)).toEqual([undefined, {}, undefined, { duration: 3 }, undefined, { duration: 3 }, undefined, { duration: 3 }]);
  });
});
