// set image: change a container's image in the Rollout's pod template, or in the Deployment a workloadRef points at.
// Upstream: pkg/kubectl-argo-rollouts/cmd/set/set_image.go (SetImage, newRolloutSetImage).
import { isConflict, Resources, type Container, type Deployment, type KubeObject, type PodSpec, type ResourceType, type Rollout } from '@aviary/kube';
import { ContainerNotFoundError, WorkloadRefNameError } from './action-errors.js';
import { ActionMessage, type ActionTarget } from './action-types.js';

export interface SetImageOptions extends ActionTarget {
  /** A container name, or `*` for every container (init and ephemeral ones too). */
  container: string;
  image: string;
}

export interface SetImageResult {
  /** The updated object: the Rollout, or the Deployment of its workloadRef. */
  object: Rollout | Deployment;
  message: string;
}

/** Upstream retries an update that lost a race this many times in all. */
const maxAttempts = 5;

/**
 * A copy of `object` whose pod template has `image` in every container named `container` (or all, for `*`),
 * across initContainers, containers and ephemeralContainers. Throws ContainerNotFoundError when none matched.
 */
export function withContainerImage<T extends { spec?: { template?: { spec?: PodSpec } } }>(object: T, container: string, image: string): T {
  const copy = structuredClone(object);
  const podSpec = copy.spec?.template?.spec;
  let found = false;
  const lists: (Container[] | undefined)[] = [podSpec?.initContainers, podSpec?.containers, podSpec?.ephemeralContainers];
  for (const list of lists) {
    for (const entry of list ?? []) {
      if (entry.name === container || container === '*') {
        entry.image = image;
        found = true;
      }
    }
  }
  if (!found) throw new ContainerNotFoundError(container);
  return copy;
}

/** Reads, changes and updates the Rollout (or its workloadRef Deployment) once. */
async function setImageOnce(options: SetImageOptions): Promise<{ object: KubeObject; type: ResourceType }> {
  const { client, namespace, name, container, image } = options;
  const rollout = await client.get<Rollout>(Resources.rollouts, name, namespace);
  const workloadRef = rollout.spec.workloadRef;
  if (workloadRef !== undefined && workloadRef !== null) {
    // Upstream always reads a Deployment here, whatever workloadRef.kind says.
    if (typeof workloadRef.name !== 'string') throw new WorkloadRefNameError(`spec.workloadRef.name is not a string: ${String(workloadRef.name)}`);
    const deployment = await client.get<Deployment>(Resources.deployments, workloadRef.name, namespace);
    const updated = await client.update(Resources.deployments, withContainerImage(deployment, container, image));
    return { object: updated, type: Resources.deployments };
  }
  return { object: await client.update(Resources.rollouts, withContainerImage(rollout, container, image)), type: Resources.rollouts };
}

/** `set image ROLLOUT CONTAINER=IMAGE`: a full update (not a patch), retried on conflict up to 5 times. */
export async function setRolloutImage(options: SetImageOptions): Promise<SetImageResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { object, type } = await setImageOnce(options);
      return {
        object: object as Rollout | Deployment,
        message: ActionMessage.imageUpdated(object.kind ?? type.kind, object.metadata?.name ?? ''),
      };
    } catch (err: unknown) {
      if (!isConflict(err) || attempt >= maxAttempts) throw err;
    }
  }
}
