// `lint -f FILE`: offline validation; every error is printed with its field, and any error means exit 1.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FakeKubeClient } from '@aviary/kube/testing';
import { runWithClient } from '../testdata/cli-harness.js';

const testdata = (file: string): string => fileURLToPath(new URL(`../testdata/${file}`, import.meta.url));

describe('lint', () => {
  it('prints every error of every Rollout in the file, each naming its field, and exits 1', async () => {
    const run = await runWithClient(new FakeKubeClient(), ['lint', '-f', testdata('lint-invalid.yaml')]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(':')[0])).toEqual([
      'spec.strategy.steps[0].setWeight',
      'spec.template.metadata.labels',
      'spec.strategy.maxSurge',
      'spec.strategy.activeService',
    ]);
    expect(lines[0]).toBe('spec.strategy.steps[0].setWeight: Invalid value: 120: SetWeight needs to be between 0 and 100');
    expect(run.stderr).toBe(`Error: ${lines[0]}\n`);
  });

  it('prints nothing and exits 0 for a valid manifest', async () => {
    expect(await runWithClient(new FakeKubeClient(), ['lint', '-f', testdata('lint-valid.yaml')])).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('never contacts the cluster', async () => {
    const run = await runWithClient(new FakeKubeClient(), ['lint', '--filename', testdata('lint-invalid.yaml')]);
    expect(run.settings).toBeUndefined();
  });

  it('reports a missing file as Go does', async () => {
    expect(await runWithClient(new FakeKubeClient(), ['lint', '-f', '/nonexistent/x.yaml'])).toMatchObject({ code: 1, stderr: 'Error: open /nonexistent/x.yaml: no such file or directory\n' });
  });

  it('without -f prints the usage and exits 1', async () => {
    const run = await runWithClient(new FakeKubeClient(), ['lint']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Usage:\n {2}kubectl-argo-rollouts lint \[flags\]/);
  });
});

describe('create', () => {
  it('creates every object of the file and names each as kubectl does', async () => {
    const client = new FakeKubeClient();
    const run = await runWithClient(client, ['create', '-f', testdata('lint-valid.yaml'), '-n', 'team-a']);
    expect(run).toMatchObject({ code: 0, stdout: 'rollout.argoproj.io/rollouts-demo created\nservice/rollouts-demo created\n', stderr: '' });
    expect(client.writeActions().map((a) => `${a.verb} ${a.resource} ${a.namespace ?? ''}`)).toEqual(['create rollouts team-a', 'create services team-a']);
  });

  it('fails on an existing object with the API message', async () => {
    const client = new FakeKubeClient();
    await runWithClient(client, ['create', '-f', testdata('lint-valid.yaml')]);
    const again = await runWithClient(client, ['create', '-f', testdata('lint-valid.yaml')]);
    expect(again).toMatchObject({ code: 1, stderr: 'Error: rollouts.argoproj.io "rollouts-demo" already exists\n' });
  });

  it('refuses to watch several files', async () => {
    const run = await runWithClient(new FakeKubeClient(), ['create', '-f', 'a.yaml', '-f', 'b.yaml', '-w']);
    expect(run).toMatchObject({ code: 1, stderr: 'Error: Cannot watch multiple resources\n' });
  });
});
