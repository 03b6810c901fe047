// Putting the rollouts demo on a cluster for `aviary demo`: the manifests of demo/rollouts-demo.yaml, optionally with
// shorter timed pauses, created fresh (the walkthrough starts from blue, so an existing rollout is refused).
import { isAlreadyExists, isNotFound, Resources, type KubeClient, type KubeObject, type Rollout } from '@aviary/kube';
import { demoObjects } from './demo-manifests.js';
import { DemoNames } from './demo-state.js';

/** The rollout is already on the cluster: the walkthrough would start from its state instead of blue. */
export class DemoAlreadyPresentError extends Error {
  override readonly name = 'DemoAlreadyPresentError';
  constructor(readonly namespace: string) {
    super(
      `rollout "${DemoNames.rollout}" already exists in namespace "${namespace}"; the walkthrough starts from a fresh rollout. ` +
        `Delete it first (kubectl delete rollout ${DemoNames.rollout} -n ${namespace}), or choose another namespace or data directory.`,
    );
  }
}

/** The demo's objects with every timed pause (`pause: {duration}`) set to `pauseSeconds`; untimed pauses stay. */
export function demoObjectsWithPauses(pauseSeconds: number): KubeObject[] {
  return demoObjects().map((object) => {
    if (object.kind !== 'Rollout') return object;
    const rollout = structuredClone(object) as Rollout;
    for (const step of rollout.spec.strategy.canary?.steps ?? []) {
      if (step.pause?.duration !== undefined) step.pause.duration = pauseSeconds;
    }
    return rollout;
  });
}

/** Creates the Service (kept if it exists) and the Rollout in `namespace`. */
export async function createDemo(options: { client: KubeClient; namespace: string; pauseSeconds: number }): Promise<void> {
  const { client, namespace } = options;
  try {
    await client.get(Resources.rollouts, DemoNames.rollout, namespace);
    throw new DemoAlreadyPresentError(namespace);
  } catch (err: unknown) {
    if (!isNotFound(err)) throw err;
  }
  // The Service first, so its endpoints follow the pods from the first one on.
  const objects = demoObjectsWithPauses(options.pauseSeconds).sort((a, b) => Number(a.kind === 'Rollout') - Number(b.kind === 'Rollout'));
  for (const object of objects) {
    const type = object.kind === 'Rollout' ? Resources.rollouts : Resources.services;
    try {
      await client.create(type, { ...object, metadata: { ...object.metadata, namespace } });
    } catch (err: unknown) {
      if (!(object.kind === 'Service' && isAlreadyExists(err))) throw err;
    }
  }
}
