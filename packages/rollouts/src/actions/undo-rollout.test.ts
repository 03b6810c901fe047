// Tests for undoRollout: which revision it picks, the JSON patch it sends, skipping, workloadRef, and its errors.
import { describe, expect, it } from 'vitest';
import { isNotFound, Resources, type Deployment, type Rollout } from '@aviary/kube';
import { RevisionNotFoundError } from './action-errors.js';
import { undoRollout } from './undo-rollout.js';
import { canaryRollout, fakeClient, namespace, replicaSet } from './testdata/action-fixtures.js';

/** The rollout at revision 3 (yellow), with ReplicaSets for blue (1), red (2) and yellow (3). */
function history() {
  const rollout = canaryRollout((r) => {
    if (r.spec.template?.spec) r.spec.template.spec = { containers: [{ name: 'demo', image: 'yellow' }] };
  });
  return [rollout, replicaSet(1, 'blue'), replicaSet(2, 'red'), replicaSet(3, 'yellow'), replicaSet(4, 'foreign', { hash: 'other', owner: 'someone-else' })];
}

const imageOf = (rollout: Rollout): string | undefined => rollout.spec.template?.spec?.containers[0]?.image;

describe('undoRollout', () => {
  it.each([
    { name: 'undo goes back to the revision before the newest', toRevision: undefined, image: 'red' },
    { name: 'undo --to-revision 1 restores revision 1', toRevision: 1, image: 'blue' },
  ])('$name with a JSON patch of spec.template without the hash label', async ({ toRevision, image }) => {
    const client = fakeClient(...history());
    const result = await undoRollout({ client, namespace, name: 'demo', ...(toRevision ? { toRevision } : {}) });
    expect(result).toEqual({ skipped: false, message: "rollout 'demo' undo" });
    const actions = client.actions();
    expect(actions.map((a) => `${a.verb} ${a.resource}`)).toEqual(['get rollouts', 'list replicasets', 'patch rollouts']);
    expect(actions[1]?.labelSelector).toBe('app=demo');
    expect(actions[2]?.patchType).toBe('application/json-patch+json');
    expect(actions[2]?.patch).toEqual([
      { op: 'replace', path: '/spec/template', value: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'demo', image }] } } },
    ]);
    expect(imageOf(await client.get<Rollout>(Resources.rollouts, 'demo', namespace))).toBe(image);
  });

  it('skips the rollback when the template already matches the revision', async () => {
    const client = fakeClient(...history());
    const result = await undoRollout({ client, namespace, name: 'demo', toRevision: 3 });
    expect(result).toEqual({ skipped: true, message: 'skipped rollback (current template already matches revision 3)' });
    expect(client.writeActions()).toEqual([]);
  });

  it('patches the Deployment of a workloadRef rollout', async () => {
    const [rollout, ...replicaSets] = history();
    const deployment: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'demo-deploy', namespace },
      spec: { selector: { matchLabels: { app: 'demo' } }, template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'demo', image: 'yellow' }] } } },
    };
    const refRollout = structuredClone(rollout as Rollout);
    delete refRollout.spec.template;
    refRollout.spec.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'demo-deploy' };
    const client = fakeClient(refRollout, deployment, ...replicaSets);
    await undoRollout({ client, namespace, name: 'demo' });
    expect(client.writeActions().map((a) => `${a.verb} ${a.resource} ${a.name}`)).toEqual(['patch deployments demo-deploy']);
    const updated = await client.get<Deployment>(Resources.deployments, 'demo-deploy', namespace);
    expect(updated.spec?.template?.spec?.containers[0]?.image).toBe('red');
  });

  it.each([
    { name: 'a revision that is not in the history', objects: history(), toRevision: 7, message: 'unable to find specified revision 7 in history' },
    { name: 'a rollout with only one revision', objects: history().slice(0, 2), toRevision: 0, message: 'no revision found for rollout "demo"' },
    { name: 'a revision owned by another object', objects: history(), toRevision: 4, message: 'unable to find specified revision 4 in history' },
  ])('rejects $name with upstream\'s message', async ({ objects, toRevision, message }) => {
    const client = fakeClient(...objects);
    const undo = undoRollout({ client, namespace, name: 'demo', toRevision });
    await expect(undo).rejects.toThrow(RevisionNotFoundError);
    await expect(undoRollout({ client, namespace, name: 'demo', toRevision })).rejects.toThrow(message);
    expect(client.writeActions()).toEqual([]);
  });

  it('passes the NotFound of a missing rollout through', async () => {
    const error: unknown = await undoRollout({ client: fakeClient(), namespace, name: 'x' }).catch((err: unknown) => err);
    expect(isNotFound(error)).toBe(true);
  });
});
