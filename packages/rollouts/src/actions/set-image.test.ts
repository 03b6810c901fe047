// Tests for setRolloutImage: one container, `*` across init containers, workloadRef Deployments, conflicts, errors.
import { describe, expect, it } from 'vitest';
import { isNotFound, Resources, type Deployment, type Rollout } from '@aviary/kube';
import { conflictError } from '@aviary/kube/testing';
import { ContainerNotFoundError } from './action-errors.js';
import { setRolloutImage } from './set-image.js';
import { canaryRollout, fakeClient, namespace } from './testdata/action-fixtures.js';

const images = (rollout: Rollout | Deployment): Record<string, string | undefined> => {
  const spec = rollout.spec?.template?.spec;
  return Object.fromEntries([...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => [c.name, c.image]));
};

describe('setRolloutImage', () => {
  it.each([
    {
      name: 'set image of one container changes only that container',
      container: 'demo',
      expected: { init: 'busybox:1', demo: 'argoproj/rollouts-demo:red', sidecar: 'envoy:1' },
    },
    {
      name: 'set image * changes every container, init containers too',
      container: '*',
      expected: { init: 'argoproj/rollouts-demo:red', demo: 'argoproj/rollouts-demo:red', sidecar: 'argoproj/rollouts-demo:red' },
    },
    {
      name: 'set image of an init container changes it',
      container: 'init',
      expected: { init: 'argoproj/rollouts-demo:red', demo: 'argoproj/rollouts-demo:yellow', sidecar: 'envoy:1' },
    },
  ])('$name with a get and an update of the rollout', async ({ container, expected }) => {
    const client = fakeClient(canaryRollout());
    const result = await setRolloutImage({ client, namespace, name: 'demo', container, image: 'argoproj/rollouts-demo:red' });
    expect(client.actions().map((a) => `${a.verb} ${a.resource}`)).toEqual(['get rollouts', 'update rollouts']);
    expect(images(result.object)).toEqual(expected);
    expect(images(await client.get<Rollout>(Resources.rollouts, 'demo', namespace))).toEqual(expected);
    expect(result.message).toBe('rollout "demo" image updated');
  });

  it('updates the Deployment a workloadRef rollout points at', async () => {
    const rollout = canaryRollout((r) => {
      delete r.spec.template;
      r.spec.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'demo-deploy' };
    });
    const deployment: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'demo-deploy', namespace },
      spec: { selector: { matchLabels: { app: 'demo' } }, template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'demo', image: 'old' }] } } },
    };
    const client = fakeClient(rollout, deployment);
    const result = await setRolloutImage({ client, namespace, name: 'demo', container: 'demo', image: 'new' });
    expect(client.actions().map((a) => `${a.verb} ${a.resource}`)).toEqual(['get rollouts', 'get deployments', 'update deployments']);
    expect(images(result.object)).toEqual({ demo: 'new' });
    expect(result.message).toBe('deployment "demo-deploy" image updated');
  });

  it('reads and updates again after a conflict', async () => {
    const client = fakeClient(canaryRollout());
    let conflicts = 1;
    client.prependReactor('update', 'rollouts', () => (conflicts-- > 0 ? { handled: true, error: conflictError(Resources.rollouts, 'demo') } : { handled: false }));
    const result = await setRolloutImage({ client, namespace, name: 'demo', container: 'demo', image: 'v2' });
    expect(client.actions().map((a) => `${a.verb} ${a.resource}`)).toEqual(['get rollouts', 'update rollouts', 'get rollouts', 'update rollouts']);
    expect(images(result.object).demo).toBe('v2');
  });

  it('gives up after five conflicts', async () => {
    const client = fakeClient(canaryRollout());
    client.prependReactor('update', 'rollouts', () => ({ handled: true, error: conflictError(Resources.rollouts, 'demo') }));
    await expect(setRolloutImage({ client, namespace, name: 'demo', container: 'demo', image: 'v2' })).rejects.toMatchObject({ reason: 'Conflict' });
    expect(client.actions().filter((a) => a.verb === 'update')).toHaveLength(5);
  });

  it('rejects a container the template does not have, writing nothing', async () => {
    const client = fakeClient(canaryRollout());
    await expect(setRolloutImage({ client, namespace, name: 'demo', container: 'web', image: 'v2' })).rejects.toThrow(new ContainerNotFoundError('web'));
    expect(client.writeActions()).toEqual([]);
    expect(new ContainerNotFoundError('web').message).toBe('unable to find container named "web"');
  });

  it('passes the NotFound of a missing rollout through', async () => {
    const error: unknown = await setRolloutImage({ client: fakeClient(), namespace, name: 'x', container: 'demo', image: 'v2' }).catch((err: unknown) => err);
    expect(isNotFound(error)).toBe(true);
  });
});
