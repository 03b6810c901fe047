// pods/log: streams a container's log text from the node running the pod (the podLogs plugin), as kubectl logs reads it.
import { badRequestError, notFoundError, statusOf } from '../server/api-errors.js';
import type { PodLogsInput } from '../server/plugins.js';
import { sendStatus } from '../server/response-writer.js';
import type { ObjectService } from './object-service.js';
import type { Reply } from './reply.js';
import type { ResourceCall } from './resource-call.js';

function optionalInteger(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  if (!/^-?\d+$/.test(text)) throw badRequestError(`${name}: Invalid value: "${text}": must be an integer`);
  return Number(text);
}

const isTrue = (value: string | null): boolean => value === 'true' || value === '1';

/** Reads the query the way the kubelet's log endpoint does; the pod must exist (404 otherwise). */
export function podLogsInput(service: ObjectService, call: ResourceCall): PodLogsInput {
  const namespace = call.request.namespace ?? 'default';
  const pod = call.request.name ?? '';
  service.get(call.info, namespace, pod);
  const container = call.query.get('container');
  const tailLines = optionalInteger(call.query, 'tailLines');
  const sinceSeconds = optionalInteger(call.query, 'sinceSeconds');
  const limitBytes = optionalInteger(call.query, 'limitBytes');
  return {
    namespace,
    pod,
    ...(container ? { container } : {}),
    follow: isTrue(call.query.get('follow')),
    previous: isTrue(call.query.get('previous')),
    timestamps: isTrue(call.query.get('timestamps')),
    ...(tailLines !== undefined ? { tailLines } : {}),
    ...(sinceSeconds !== undefined ? { sinceSeconds } : {}),
    ...(limitBytes !== undefined ? { limitBytes } : {}),
  };
}

/** Answers GET pods/{name}/log with a chunked text/plain stream; failures before the first byte are Status errors. */
export function servePodLogs(service: ObjectService, call: ResourceCall): Reply {
  const logs = service.context.plugins.podLogs;
  if (logs === undefined) throw notFoundError(call.info, `${call.request.name ?? ''}/log`);
  const input = podLogsInput(service, call);
  const { res } = call;
  logs(input, service.context.pluginContext).then(
    (stream) => {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
      res.flushHeaders();
      stream.pipe(res);
      const stop = () => (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      res.on('close', stop);
      stream.on('error', () => res.end());
    },
    (err: unknown) => sendStatus(res, statusOf(err)),
  );
  return { kind: 'streaming' };
}
