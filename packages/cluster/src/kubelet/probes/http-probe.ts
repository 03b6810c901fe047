// httpGet probes: GET http://<host>:<port><path> with the probe's headers; 200–399 passes (pkg/probe/http/http.go).
import { request } from 'node:http';
import type { Clock } from '@aviary/kube';
import { describeDialError, failed, succeeded, type ProbeOutcome } from './probe-outcome.js';

export interface HttpProbeTarget {
  readonly host: string;
  readonly port: number;
  readonly path?: string;
  readonly headers?: readonly { readonly name: string; readonly value: string }[];
  readonly timeoutMs: number;
  readonly clock: Clock;
}

/** Upstream reads at most this much of a probe response body. */
const MAX_BODY_BYTES = 10 * 1024;

function buildUrl(target: HttpProbeTarget): string {
  const path = target.path === undefined || target.path === '' ? '/' : target.path.startsWith('/') ? target.path : `/${target.path}`;
  return `http://${target.host}:${target.port}${path}`;
}

function buildHeaders(target: HttpProbeTarget): Record<string, string> {
  const headers: Record<string, string> = { 'User-Agent': 'kube-probe/1.32', Accept: '*/*' };
  for (const header of target.headers ?? []) headers[header.name] = header.value;
  return headers;
}

/** Runs one HTTP probe; never rejects. */
export function runHttpProbe(target: HttpProbeTarget): Promise<ProbeOutcome> {
  const url = buildUrl(target);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: ProbeOutcome): void => {
      if (settled) return;
      settled = true;
      timer.cancel();
      resolve(outcome);
    };
    const req = request(url, { method: 'GET', headers: buildHeaders(target), agent: false }, (res) => {
      const code = res.statusCode ?? 0;
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_BODY_BYTES) res.destroy();
      });
      res.on('error', () => undefined);
      res.on('close', () => undefined);
      res.resume();
      if (code >= 200 && code < 400) finish(succeeded());
      else finish(failed(`HTTP probe failed with statuscode: ${code}`));
      res.destroy();
    });
    const timer = target.clock.setTimer(() => {
      finish(failed(`Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`));
      req.destroy();
    }, target.timeoutMs);
    req.on('error', (error: unknown) => finish(failed(`Get "${url}": ${describeDialError(error, `${target.host}:${target.port}`)}`)));
    req.end();
  });
}
