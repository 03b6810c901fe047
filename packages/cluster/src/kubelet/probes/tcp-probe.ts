// tcpSocket probes: a TCP connection that opens passes (pkg/probe/tcp/tcp.go).
import { connect } from 'node:net';
import type { Clock } from '@aviary/kube';
import { describeDialError, failed, succeeded, type ProbeOutcome } from './probe-outcome.js';

export interface TcpProbeTarget {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
  readonly clock: Clock;
}

/** Runs one TCP probe; never rejects. */
export function runTcpProbe(target: TcpProbeTarget): Promise<ProbeOutcome> {
  const address = `${target.host}:${target.port}`;
  return new Promise((resolve) => {
    let settled = false;
    const socket = connect({ host: target.host, port: target.port });
    const finish = (outcome: ProbeOutcome): void => {
      if (settled) return;
      settled = true;
      timer.cancel();
      socket.destroy();
      resolve(outcome);
    };
    const timer = target.clock.setTimer(() => finish(failed(`dial tcp ${address}: i/o timeout`)), target.timeoutMs);
    socket.once('connect', () => finish(succeeded()));
    socket.once('error', (error: unknown) => finish(failed(describeDialError(error, address))));
  });
}
