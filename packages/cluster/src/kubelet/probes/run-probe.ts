// Runs one attempt of a probe spec (httpGet, tcpSocket or exec) against a running container.
import type { Clock, Container, DeepReadonly, Probe } from '@aviary/kube';
import type { RunningContainer } from '../../runtime/index.js';
import { runExecProbe } from './exec-probe.js';
import { runHttpProbe } from './http-probe.js';
import { failed, succeeded, type ProbeOutcome } from './probe-outcome.js';
import { ProbePortError, resolveProbePort } from './probe-port.js';
import { runTcpProbe } from './tcp-probe.js';

export interface ProbeTarget {
  readonly probe: DeepReadonly<Probe>;
  readonly container: DeepReadonly<Container>;
  readonly running: RunningContainer;
  readonly podIP: string;
  readonly clock: Clock;
}

/** Default probe timeout: 1 s. */
export function probeTimeoutMs(probe: DeepReadonly<Probe>): number {
  return Math.max(1, probe.timeoutSeconds ?? 1) * 1000;
}

/** One attempt; never rejects. A probe with no handler (or grpc) passes, noted in the output. */
export async function runProbe(target: ProbeTarget): Promise<ProbeOutcome> {
  const { probe, clock } = target;
  const timeoutMs = probeTimeoutMs(probe);
  try {
    if (probe.httpGet !== undefined) {
      if (probe.httpGet.scheme === 'HTTPS') return succeeded('HTTPS probes are not checked by the aviary kubelet; treated as success');
      const port = resolveProbePort(probe.httpGet.port, target.container);
      return await runHttpProbe({
        host: probe.httpGet.host || target.podIP,
        port,
        timeoutMs,
        clock,
        ...(probe.httpGet.path === undefined ? {} : { path: probe.httpGet.path }),
        ...(probe.httpGet.httpHeaders === undefined ? {} : { headers: probe.httpGet.httpHeaders }),
      });
    }
    if (probe.tcpSocket !== undefined) {
      const port = resolveProbePort(probe.tcpSocket.port, target.container);
      return await runTcpProbe({ host: probe.tcpSocket.host || target.podIP, port, timeoutMs, clock });
    }
    if (probe.exec !== undefined) return await runExecProbe({ container: target.running, command: probe.exec.command ?? [], timeoutMs });
    return succeeded('probe has no httpGet, tcpSocket or exec handler; treated as success');
  } catch (error: unknown) {
    if (error instanceof ProbePortError) return failed(error.message);
    return failed(error instanceof Error ? error.message : String(error));
  }
}
