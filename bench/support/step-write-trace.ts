// A KubeClient wrapper that times the controller's status writes that move a rollout's currentStepIndex, so
// a pause-expiry wave can be split into the wait before the write and the write itself (wave-trace.ts).
import type { KubeClient } from '../../packages/kube/src/index.js';
import { traceFile } from './trace-file.js';

/** Wraps `client`: every `patch rollouts/status` that sets `status.currentStepIndex` adds `<name> <index> <sentMs> <answeredMs>` (wall clock) to `file`. */
export function traceStepWrites(client: KubeClient, file: string): KubeClient {
  const trace = traceFile(file);
  const patch: KubeClient['patch'] = async (type, name, namespace, body, patchType, options) => {
    const index = type.resource === 'rollouts' && options?.subresource === 'status' ? (body as { status?: { currentStepIndex?: unknown } }).status?.currentStepIndex : undefined;
    const sent = Date.now();
    const result = await client.patch(type, name, namespace, body, patchType, options);
    if (typeof index === 'number') trace(`${name} ${index} ${sent} ${Date.now()}`);
    return result as never;
  };
  return new Proxy(client, { get: (target, property, receiver) => (property === 'patch' ? patch : Reflect.get(target, property, receiver)) });
}
