// A KubeClient wrapper for traced benchmark runs: it times the controller's status writes that move a rollout's
// currentStepIndex (step-writes.txt), so a pause-expiry wave can be split into the wait before the write and the
// write itself (wave-trace.ts), and every other request it makes (requests.txt), so a wave shows what else was in
// flight; `traceEventLoopLag` records how late the controller's own timers ran (lag.txt).
import type { KubeClient } from '../../packages/kube/src/index.js';
import { PerformanceObserver } from 'node:perf_hooks';
import { traceFile } from './trace-file.js';

const tracedMethods = ['get', 'list', 'create', 'update', 'updateStatus', 'patch', 'delete'] as const;

/**
 * Wraps `client`: every `patch rollouts/status` that sets `status.currentStepIndex` adds `<name> <index> <sentMs>
 * <answeredMs>` (wall clock) to `<dir>/step-writes.txt`; every call adds `<verb> <resource>[/<subresource>] <name>
 * <sentMs> <answeredMs>` to `<dir>/requests.txt`.
 */
export function traceStepWrites(client: KubeClient, dir: string, requestsFile = 'requests.txt'): KubeClient {
  const steps = traceFile(`${dir}/step-writes.txt`);
  const requests = traceFile(`${dir}/${requestsFile}`);
  const traced = new Map<string, unknown>();
  for (const method of tracedMethods) {
    const original = (client[method] as (...args: unknown[]) => Promise<unknown>).bind(client);
    traced.set(method, async (...args: unknown[]) => {
      const [type, name, , body, , options] = args as [{ resource: string }, unknown, unknown, unknown, unknown, { subresource?: string } | undefined];
      const subresource = method === 'patch' ? options?.subresource : undefined;
      const index = method === 'patch' && type.resource === 'rollouts' && subresource === 'status' ? (body as { status?: { currentStepIndex?: unknown } }).status?.currentStepIndex : undefined;
      const sent = Date.now();
      try {
        return await original(...args);
      } finally {
        const answered = Date.now();
        const what = `${type.resource}${subresource ? `/${subresource}` : ''}`;
        requests(`${method} ${what} ${typeof name === 'string' ? name : '-'} ${sent} ${answered}`);
        if (typeof index === 'number') steps(`${name as string} ${index} ${sent} ${answered}`);
      }
    });
  }
  return new Proxy(client, { get: (target, property, receiver) => traced.get(property as string) ?? Reflect.get(target, property, receiver) });
}

/**
 * Adds `<wallMs> <lateMs>` to `<dir>/<file>` whenever a 5 ms timer ran more than 5 ms late, and `<wallMs> gc <kind>
 * <durationMs>` for every garbage collection of 5 ms or more.
 */
export function traceEventLoopLag(dir: string, file = 'lag.txt'): void {
  const lag = traceFile(`${dir}/${file}`);
  let expected = performance.now() + 5;
  setInterval(() => {
    const now = performance.now();
    if (now - expected > 5) lag(`${Date.now()} ${Math.round(now - expected)}`);
    expected = now + 5;
  }, 5).unref();
  const gcKinds: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weakcb' };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind ?? 0;
      if (entry.duration >= 5) lag(`${Math.round(performance.timeOrigin + entry.startTime)} gc ${gcKinds[kind] ?? kind} ${Math.round(entry.duration)}`);
    }
  }).observe({ entryTypes: ['gc'] });
}
