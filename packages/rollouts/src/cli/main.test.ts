// The plugin's commands run in-process over a fake client: what they print, what they change, and their exit codes.
import { describe, expect, it } from 'vitest';
import { Resources, type Experiment, type Rollout } from '@aviary/kube';
import { describeAction, FakeKubeClient } from '@aviary/kube/testing';
import { readGolden } from './get/testdata/fixture.js';
import { clientWithFixture, runWithClient } from './testdata/cli-harness.js';

describe('get rollout', () => {
  it.each([
    ['canary-paused.yaml', 'canary-paused.txt', 'rollouts-demo'],
    ['canary-healthy.yaml', 'canary-healthy.txt', 'rollouts-demo'],
    ['bluegreen-preview.yaml', 'bluegreen-preview.txt', 'bluegreen-demo'],
  ])('prints %s exactly as the golden tree', async (fixture, golden, name) => {
    const client = clientWithFixture(fixture);
    const run = await runWithClient(client, ['get', 'rollout', name, '--no-color']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(readGolden(golden, run.stdout));
  });

  it('reads the rollout and lists its owned kinds, and nothing else', async () => {
    const client = clientWithFixture('canary-paused.yaml');
    await runWithClient(client, ['get', 'ro', 'rollouts-demo']);
    expect(client.actions().map((a) => describeAction(a)).sort()).toEqual(['get rollouts', 'list analysisruns', 'list experiments', 'list pods', 'list replicasets']);
  });

  it('colours by default and not with TERM=dumb', async () => {
    const client = clientWithFixture('canary-paused.yaml');
    expect((await runWithClient(client, ['get', 'rollout', 'rollouts-demo'])).stdout).toContain('\x1b[');
    expect((await runWithClient(client, ['get', 'rollout', 'rollouts-demo'], { env: { TERM: 'dumb' } })).stdout).not.toContain('\x1b[');
  });

  it('fails on an unknown rollout with the API message, exit 1 and no stack trace', async () => {
    const run = await runWithClient(new FakeKubeClient(), ['get', 'rollout', 'x']);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'Error: rollouts.argoproj.io "x" not found\n', settings: {} });
  });

  it('prints the usage on stderr and exits 1 without a name', async () => {
    const run = await runWithClient(new FakeKubeClient(), ['get', 'rollout']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage:\n {2}kubectl-argo-rollouts get rollout ROLLOUT_NAME \[flags\]\n/);
  });
});

describe('actions print upstream messages', () => {
  it.each([
    [['promote', 'rollouts-demo'], "rollout 'rollouts-demo' promoted\n"],
    [['promote', 'rollouts-demo', '--full'], "rollout 'rollouts-demo' fully promoted\n"],
    [['abort', 'rollouts-demo'], "rollout 'rollouts-demo' aborted\n"],
    [['retry', 'rollout', 'rollouts-demo'], "rollout 'rollouts-demo' retried\n"],
    [['pause', 'rollouts-demo'], "rollout 'rollouts-demo' paused\n"],
    [['restart', 'rollouts-demo', '--in', '10s'], "rollout 'rollouts-demo' restarts in 10s\n"],
    [['restart', 'rollouts-demo'], "rollout 'rollouts-demo' restarts in 0s\n"],
    [['set', 'image', 'rollouts-demo', 'rollouts-demo=argoproj/rollouts-demo:red'], 'rollout "rollouts-demo" image updated\n'],
  ])('%j', async (argv, expected) => {
    const run = await runWithClient(clientWithFixture('canary-paused.yaml'), argv);
    expect(run).toMatchObject({ code: 0, stdout: expected, stderr: '' });
  });

  it('abort changes status.abort through the status subresource', async () => {
    const client = clientWithFixture('canary-paused.yaml');
    await runWithClient(client, ['abort', 'rollouts-demo']);
    expect(client.writeActions().map((a) => [describeAction(a), a.patch])).toEqual([['patch rollouts/status', { status: { abort: true } }]]);
  });

  it('set image writes the new image into the pod template', async () => {
    const client = clientWithFixture('canary-paused.yaml');
    await runWithClient(client, ['set', 'image', 'rollouts-demo', 'rollouts-demo=argoproj/rollouts-demo:red']);
    const updated = await client.get<Rollout>(Resources.rollouts, 'rollouts-demo', 'default');
    expect(updated.spec.template?.spec?.containers[0]?.image).toBe('argoproj/rollouts-demo:red');
  });

  it('set image without CONTAINER=IMAGE is a usage error', async () => {
    const run = await runWithClient(clientWithFixture('canary-paused.yaml'), ['set', 'image', 'rollouts-demo', 'red']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Usage:\n  kubectl-argo-rollouts set image ROLLOUT_NAME CONTAINER=IMAGE [flags]');
  });

  it('set image of an unknown container gives upstream error', async () => {
    const run = await runWithClient(clientWithFixture('canary-paused.yaml'), ['set', 'image', 'rollouts-demo', 'nope=x:1']);
    expect(run).toMatchObject({ code: 1, stderr: 'Error: unable to find container named "nope"\n' });
  });

  it('promote warns about deprecated flags and refuses both skip flags together', async () => {
    const run = await runWithClient(clientWithFixture('canary-paused.yaml'), ['promote', 'rollouts-demo', '-c', '-a']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'Flag --skip-current-step has been deprecated, use without the flag instead ex: promote ROLLOUT_NAME\n' +
        'Flag shorthand -c has been deprecated, use without the flag instead ex: promote ROLLOUT_NAME\n' +
        'Flag --skip-all-steps has been deprecated, use --full instead\n' +
        'Flag shorthand -a has been deprecated, use --full instead\n' +
        'Error: Cannot use skip-current-step and skip-all-steps flags at the same time\n',
    );
  });

  it('abort and pause take several rollouts and stop at the first missing one', async () => {
    const run = await runWithClient(clientWithFixture('canary-paused.yaml'), ['pause', 'rollouts-demo', 'ghost', 'rollouts-demo']);
    expect(run).toMatchObject({ code: 1, stdout: "rollout 'rollouts-demo' paused\n", stderr: 'Error: rollouts.argoproj.io "ghost" not found\n' });
  });

  it('undo --to-revision with no such revision fails with upstream message', async () => {
    const run = await runWithClient(clientWithFixture('canary-paused.yaml'), ['undo', 'rollouts-demo', '--to-revision', '9']);
    expect(run).toMatchObject({ code: 1, stderr: 'Error: unable to find specified revision 9 in history\n' });
  });

  it('a bad integer flag value is reported as pflag reports it', async () => {
    const run = await runWithClient(new FakeKubeClient(), ['undo', 'x', '--to-revision', 'two']);
    expect(run).toMatchObject({ code: 1, stderr: 'Error: invalid argument "two" for "--to-revision" flag: strconv.ParseInt: parsing "two": invalid syntax\n' });
  });

  it('retry experiment clears the experiment status', async () => {
    const client = clientWithFixture('rollout-experiment.yaml');
    const [experiment] = (await client.list<Experiment>(Resources.experiments, { namespace: 'default' })).items;
    const name = experiment?.metadata?.name ?? '';
    const run = await runWithClient(client, ['retry', 'experiment', name]);
    expect(run).toMatchObject({ code: 0, stdout: `experiment '${name}' retried\n` });
    expect((await client.get<Experiment>(Resources.experiments, name, 'default')).status).toBeUndefined();
  });
});

describe('list', () => {
  it('lists the rollouts of the namespace, or of all namespaces with -A', async () => {
    const client = clientWithFixture('list.yaml');
    // The API server lists by namespace and name; the goldens keep the fixture's order, so compare line sets.
    const lines = (text: string): string[] => text.split('\n').sort();
    const one = await runWithClient(client, ['list', 'rollouts']);
    expect(lines(one.stdout)).toEqual(lines(readGolden('list-rollouts.txt', '')));
    const all = await runWithClient(client, ['list', 'rollouts', '-A']);
    expect(lines(all.stdout)).toEqual(lines(readGolden('list-rollouts-all-namespaces.txt', '')));
  });

  it('says "No resources found." on stderr for an empty namespace', async () => {
    expect(await runWithClient(new FakeKubeClient(), ['list', 'experiments', '-n', 'empty'])).toMatchObject({ code: 0, stdout: '', stderr: 'No resources found.\n' });
  });

  it('lists experiments of all namespaces', async () => {
    const run = await runWithClient(clientWithFixture('list.yaml'), ['list', 'exp', '--all-namespaces']);
    expect(run.stdout.split('\n').sort()).toEqual(readGolden('list-experiments.txt', '').split('\n').sort());
  });
});

describe('help, usage, version and the rest', () => {
  it('--help prints the command help on stdout and exits 0', async () => {
    const run = await runWithClient(new FakeKubeClient(), ['get', 'rollout', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Get details about and visual representation of a rollout\./);
    expect(run.stdout).toContain('Aliases:\n  rollout, ro, rollouts\n');
    expect(run.stdout).toContain('Flags:\n  -h, --help                  help for rollout\n      --no-color              Do not colorize output\n');
    expect(run.stdout).toContain('  -n, --namespace string         If present, the namespace scope for this CLI request\n');
  });

  it('the root help lists every command', async () => {
    const run = await runWithClient(new FakeKubeClient(), ['--help']);
    for (const name of ['abort', 'completion', 'create', 'dashboard', 'get', 'lint', 'list', 'pause', 'promote', 'restart', 'retry', 'set', 'status', 'undo', 'version']) {
      expect(run.stdout).toMatch(new RegExp(`\\n  ${name} +\\S`));
    }
    expect(run.stdout).not.toContain('__complete');
  });

  it('an unknown command is an error naming it', async () => {
    const run = await runWithClient(new FakeKubeClient(), ['frobnicate']);
    expect(run).toMatchObject({ code: 1, stderr: 'Error: unknown command "frobnicate" for "kubectl-argo-rollouts"\nRun \'kubectl-argo-rollouts --help\' for usage.\n' });
  });

  it('an unknown flag is an error naming it', async () => {
    expect(await runWithClient(new FakeKubeClient(), ['get', 'rollout', 'x', '--frob'])).toMatchObject({ code: 1, stderr: 'Error: unknown flag: --frob\n' });
  });

  it('version prints the plugin line and the build lines; --short only the first', async () => {
    const run = await runWithClient(new FakeKubeClient(), ['version']);
    expect(run.stdout).toMatch(/^kubectl-argo-rollouts: v\d+\.\d+\.\d+\+aviary\n {2}BuildDate: \S+\n {2}GitCommit: \S+\n {2}GitTreeState: \S+\n {2}NodeVersion: v\d+/);
    expect(run.stdout).toContain('\n  Platform: ');
    expect((await runWithClient(new FakeKubeClient(), ['version', '--short'])).stdout).toMatch(/^kubectl-argo-rollouts: v\S+\+aviary\n$/);
  });

  it('dashboard says it is not built yet and exits 1', async () => {
    const run = await runWithClient(new FakeKubeClient(), ['dashboard']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: the Aviary dashboard is not built yet/);
  });

  it('completion prints bash and zsh scripts that ask the binary for candidates', async () => {
    const bash = await runWithClient(new FakeKubeClient(), ['completion', 'bash']);
    expect(bash.stdout).toContain('complete -o default -F _kubectl_argo_rollouts kubectl-argo-rollouts');
    const zsh = await runWithClient(new FakeKubeClient(), ['completion', 'zsh']);
    expect(zsh.stdout).toMatch(/^#compdef kubectl-argo-rollouts\n/);
    expect((await runWithClient(new FakeKubeClient(), ['completion', 'fish'])).code).toBe(1);
  });

  it('__complete offers commands, flags and rollout names', async () => {
    const client = clientWithFixture('list.yaml');
    expect((await runWithClient(client, ['__complete', 'pro'])).stdout).toBe('promote\n');
    expect((await runWithClient(client, ['__complete', 'get', 'rollout', '--no'])).stdout).toBe('--no-color\n');
    expect((await runWithClient(client, ['__complete', 'get', 'rollout', ''])).stdout).toBe('bluegreen-demo\nrollouts-demo\n');
  });
});
