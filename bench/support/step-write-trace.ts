// A KubeClient wrapper that times the controller's status writes that move a rollout's currentStepIndex, so
// a pause-expiry wave can be split into the wait before the write and the write itself (wave-trace.ts).
import { appendFileSync } from 'node:fs';
import type { KubeClient } from '../../packages/kube/src/index.js';

/**
 * Wraps `client`: every `patch rollouts/status` that sets `status.currentStepIndex` adds a line
 * `<name> <index> <sentMs> <answeredMs>` (wall clock) to `file`, written out once a second.
 */
export function traceStepWrites(client: KubeClient, file: string): KubeClient {
  const lines: string[] = [];
  setInterval(() => {
    if (lines.length > 0) appendFileSync(file, lines.splice(0).join(''));
  }, 1_000).unref();
  const patch: KubeClient['patch'] = async (type, name, namespace, body, patchType, options) => {
    const index = type.resource === 'rollouts' && options?.subresource === 'status' ? (body as { status?: { currentStepIndex?: unknown } }).status?.currentStepIndex : undefined;
    const sent = Date.now();
    const result = await client.patch(type, name, namespace, body, patchType, options);
    if (typeof index === 'number') lines.push(`${name} ${index} ${sent} ${Date.now()}\n`);
    return result as never;
  };
  return new Proxy(client, { get: (target, property, receiver) => (property === 'patch' ? patch : Reflect.get(target, property, receiver)) });
}
