// Golden tests of `get rollout`, `get experiment` and the list tables, from fixed objects in testdata/.
import { describe, expect, it } from 'vitest';
import { experimentInfo, experimentListRow, rolloutInfo, rolloutListRow } from '../../info/index.js';
import { renderExperimentList, renderExperimentTree, renderRolloutList, renderRolloutTree } from './index.js';
import { fixtureNow, loadFixture, readGolden, showEscapes } from './testdata/fixture.js';

function renderRolloutFixture(file: string, color = false): string {
  const objects = loadFixture(file);
  const rollout = objects.rollouts[0];
  if (!rollout) throw new Error(`${file} has no Rollout`);
  return renderRolloutTree(rolloutInfo({ ...objects, rollout, now: fixtureNow }), { color });
}

describe('get rollout', () => {
  it.each([
    ['a canary paused at its indefinite pause step', 'canary-paused'],
    ['a canary in a timed pause shows when it resumes', 'canary-timed-pause'],
    ['a canary that finished its steps is healthy', 'canary-healthy'],
    ['a canary aborted mid-update is degraded', 'canary-degraded'],
    ['a blue-green rollout paused with its preview up', 'bluegreen-preview'],
    ['a promoted blue-green rollout keeps the old stack until its scale-down delay', 'bluegreen-promoted'],
    ['a canary at an experiment step shows the experiment and analysis runs', 'rollout-experiment'],
  ])('%s', (_name, fixture) => {
    const actual = renderRolloutFixture(`${fixture}.yaml`);
    expect(actual).toBe(readGolden(`${fixture}.txt`, actual));
  });

  it('colours icons, tags and running analysis names as upstream does', () => {
    const actual = showEscapes(renderRolloutFixture('rollout-experiment.yaml', true));
    expect(actual).toBe(readGolden('rollout-experiment.color.txt', actual));
  });

  it('aligns coloured output exactly like plain output once the escapes are removed', () => {
    const plain = renderRolloutFixture('bluegreen-preview.yaml');
    const colored = renderRolloutFixture('bluegreen-preview.yaml', true);
    expect(colored).not.toBe(plain);
    expect(colored.replace(/\x1b\[\d+m/g, '')).toBe(plain);
  });
});

describe('get experiment', () => {
  it('shows the experiment, its template ReplicaSets and its analysis run with jobs', () => {
    const objects = loadFixture('rollout-experiment.yaml');
    const experiment = objects.experiments[0];
    if (!experiment) throw new Error('no Experiment');
    const actual = renderExperimentTree(experimentInfo({ ...objects, experiment, now: fixtureNow }), { color: false });
    expect(actual).toBe(readGolden('experiment.txt', actual));
  });
});

describe('list', () => {
  const objects = loadFixture('list.yaml');
  const defaults = objects.rollouts.filter((r) => r.metadata?.namespace === 'default');

  it('lists the rollouts of one namespace', () => {
    const actual = renderRolloutList(defaults.map(rolloutListRow));
    expect(actual).toBe(readGolden('list-rollouts.txt', actual));
  });

  it('lists rollouts of all namespaces with a NAMESPACE column', () => {
    const actual = renderRolloutList(objects.rollouts.map(rolloutListRow), { allNamespaces: true });
    expect(actual).toBe(readGolden('list-rollouts-all-namespaces.txt', actual));
  });

  it('prepends a TIMESTAMP column with --timestamps', () => {
    const actual = renderRolloutList(defaults.slice(0, 1).map(rolloutListRow), { timestamp: fixtureNow + 999 });
    expect(actual.split('\n')[0]).toMatch(/^TIMESTAMP {13}NAME {11}STRATEGY/);
    expect(actual.split('\n')[1]).toMatch(/^2026-08-20T12:00:00Z  rollouts-demo  Canary/);
  });

  it('prints nothing for an empty list (the caller prints "No resources found." on stderr)', () => {
    expect(renderRolloutList([])).toBe('');
    expect(renderExperimentList([])).toBe('');
  });

  it('lists experiments of all namespaces with duration and time remaining', () => {
    const actual = renderExperimentList(
      objects.experiments.map((e) => experimentListRow(e, fixtureNow)),
      { allNamespaces: true },
    );
    expect(actual).toBe(readGolden('list-experiments.txt', actual));
  });
});
