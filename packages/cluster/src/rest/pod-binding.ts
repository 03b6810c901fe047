// pods/binding: assigns a pod to a node (what a scheduler does), setting spec.nodeName and the PodScheduled condition.
import { copyJson, type KubeObject } from '@aviary/kube';
import type { ResourceInfo } from '../registry/index.js';
import { badRequestError, conflictError, fieldErrors, invalidError } from '../server/api-errors.js';
import type { ObjectService } from './object-service.js';
import { requireObjectBody } from './object-validation.js';
import type { Reply } from './reply.js';
import { successStatus } from './reply.js';
import { formatTimestamp } from './timestamps.js';

interface Binding extends KubeObject {
  target?: { kind?: string; name?: string };
}

interface PodShape extends KubeObject {
  spec?: { nodeName?: string };
  status?: { conditions?: { type: string; status: string; lastTransitionTime?: string; lastProbeTime?: string | null }[] };
}

export function bindPod(
  service: ObjectService,
  input: { info: ResourceInfo; namespace: string | undefined; name: string; body: unknown; dryRun: boolean },
): Reply {
  const binding = requireObjectBody(input.body) as Binding;
  if (binding.kind !== undefined && binding.kind !== 'Binding') {
    throw badRequestError(`the kind in the data (${String(binding.kind)}) does not match the expected kind (Binding)`);
  }
  if (binding.metadata?.name !== undefined && binding.metadata.name !== input.name) {
    throw badRequestError(`the name of the object (${binding.metadata.name}) does not match the name on the URL (${input.name})`);
  }
  const nodeName = binding.target?.name ?? '';
  if (nodeName === '') throw invalidError({ group: '', resource: 'bindings', kind: 'Binding' }, input.name, [fieldErrors.required('target.name', '')]);
  const key = service.keyOf(input.info, input.namespace, input.name);
  const stored = service.context.store.get(key);
  const pod = (stored?.object ?? service.get(input.info, input.namespace, input.name)) as PodShape;
  const names = { group: '', resource: 'pods/binding', kind: 'Binding' };
  if (pod.metadata?.deletionTimestamp) throw conflictError(names, input.name, `pod ${input.name} is being deleted, cannot be assigned to a host`);
  if (pod.spec?.nodeName) throw conflictError(names, input.name, `pod ${input.name} is already assigned to node "${pod.spec.nodeName}"`);
  const next = copyJson(pod);
  next.spec = { ...next.spec, nodeName };
  const conditions = (next.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: formatTimestamp(service.context.clock.now()) });
  next.status = { ...next.status, conditions };
  if (!input.dryRun) service.context.store.update(key, next, stored?.revision);
  return { kind: 'raw', code: 201, body: successStatus(201) };
}
