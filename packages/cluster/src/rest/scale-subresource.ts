// The scale subresource: an autoscaling/v1 Scale view of an object with replicas, and writing one back.
import { copyJson, labelSelectorFromObject, type KubeObject, type LabelSelector } from '@aviary/kube';
import type { ResourceInfo, ScalePaths } from '../registry/index.js';
import { badRequestError, conflictError, fieldErrors, invalidError, notFoundError, optimisticLockMessage } from '../server/api-errors.js';
import { getJsonPath, setJsonPath } from './json-path.js';
import { requireObjectBody } from './object-validation.js';

export interface Scale {
  apiVersion: 'autoscaling/v1';
  kind: 'Scale';
  metadata: NonNullable<KubeObject['metadata']>;
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

const scaleNames = { group: 'autoscaling', resource: 'scale', kind: 'Scale' };

export function scalePathsOf(info: ResourceInfo, name: string): ScalePaths {
  if (info.scale === undefined) throw notFoundError(info, name);
  return info.scale;
}

/** The Scale of an object. Built-in kinds derive the selector from spec.selector; CRDs read labelSelectorPath. */
export function toScale(info: ResourceInfo, object: KubeObject): Scale {
  const paths = scalePathsOf(info, object.metadata?.name ?? '');
  const meta = object.metadata ?? {};
  const specReplicas = getJsonPath(object, paths.specReplicasPath);
  const statusReplicas = getJsonPath(object, paths.statusReplicasPath);
  const scale: Scale = {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: {
      name: meta.name,
      ...(meta.namespace !== undefined ? { namespace: meta.namespace } : {}),
      uid: meta.uid,
      resourceVersion: meta.resourceVersion,
      creationTimestamp: meta.creationTimestamp,
    },
    spec: typeof specReplicas === 'number' ? { replicas: specReplicas } : {},
    status: { replicas: typeof statusReplicas === 'number' ? statusReplicas : 0 },
  };
  const selector = selectorOf(info, object, paths);
  if (selector !== undefined) scale.status.selector = selector;
  return scale;
}

function selectorOf(info: ResourceInfo, object: KubeObject, paths: ScalePaths): string | undefined {
  if (paths.labelSelectorPath !== undefined) {
    const value = getJsonPath(object, paths.labelSelectorPath);
    if (typeof value === 'string') return value;
  }
  if (info.source === 'builtin') {
    const spec = (object as { spec?: { selector?: LabelSelector } }).spec;
    if (spec?.selector) {
      try {
        return labelSelectorFromObject(spec.selector).toString();
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The object with the replicas a Scale body asks for. Checks the Scale's resourceVersion (409 when stale)
 * and the replica count (422 when not a non-negative integer).
 */
export function applyScale(info: ResourceInfo, live: KubeObject, body: unknown): KubeObject {
  const name = live.metadata?.name ?? '';
  const scale = requireObjectBody(body) as Partial<Scale>;
  if (scale.kind !== undefined && scale.kind !== 'Scale') throw badRequestError(`the kind in the data (${String(scale.kind)}) does not match the expected kind (Scale)`);
  if (scale.metadata?.name !== undefined && scale.metadata.name !== name) {
    throw badRequestError(`the name of the object (${scale.metadata.name}) does not match the name on the URL (${name})`);
  }
  const version = scale.metadata?.resourceVersion;
  if (version !== undefined && version !== '' && version !== live.metadata?.resourceVersion) {
    throw conflictError(info, name, optimisticLockMessage);
  }
  const replicas = scale.spec?.replicas ?? 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    throw invalidError(scaleNames, name, [fieldErrors.invalid('spec.replicas', replicas, 'must be an integer')]);
  }
  if (replicas < 0) throw invalidError(scaleNames, name, [fieldErrors.invalid('spec.replicas', replicas, 'must be greater than or equal to 0')]);
  const next = copyJson(live) as Record<string, unknown>;
  setJsonPath(next, scalePathsOf(info, name).specReplicasPath, replicas);
  return next as KubeObject;
}
