// The ready endpoints behind one Service port, and the round-robin choice of one of them per connection.
import type { DeepReadonly, Endpoints } from '@aviary/kube';

/** One ready endpoint: a pod address and its numeric target port. */
export interface Backend {
  readonly ip: string;
  readonly port: number;
}

/**
 * The ready addresses (never `notReadyAddresses`) of every subset that has a TCP port named like the
 * Service port ('' for an unnamed one), with that subset port's number; sorted so the order does not
 * depend on how the Endpoints controller packed its subsets.
 */
export function readyBackends(endpoints: DeepReadonly<Endpoints> | undefined, servicePortName: string): Backend[] {
  const backends: Backend[] = [];
  for (const subset of endpoints?.subsets ?? []) {
    const port = subset.ports?.find((candidate) => (candidate.name ?? '') === servicePortName && (candidate.protocol ?? 'TCP') === 'TCP');
    if (port === undefined) continue;
    for (const address of subset.addresses ?? []) if (address.ip) backends.push({ ip: address.ip, port: port.port });
  }
  return backends.sort(compareBackends);
}

/** `10.0.0.2:80` before `10.0.0.10:80`: addresses compared by their numbers. */
function compareBackends(a: Backend, b: Backend): number {
  const left = a.ip.split('.').map(Number);
  const right = b.ip.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.ip.localeCompare(b.ip) || a.port - b.port;
}

export function sameBackends(a: readonly Backend[], b: readonly Backend[]): boolean {
  return a.length === b.length && a.every((backend, i) => backend.ip === b[i]?.ip && backend.port === b[i]?.port);
}

/**
 * Hands out backends in turn, one per connection. kube-proxy's iptables mode picks at random per
 * connection (statistic --mode random), so traffic splits by pod count on average; taking turns gives
 * the same split exactly, which keeps small samples (a demo's first hundred requests, a test) honest.
 * The turn survives endpoint changes, so a new list does not restart at its first address.
 */
export class RoundRobinPicker {
  private backends: readonly Backend[] = [];
  private turn = 0;

  get current(): readonly Backend[] {
    return this.backends;
  }

  /** Replaces the ready backends; returns false when they did not change. */
  update(backends: readonly Backend[]): boolean {
    if (sameBackends(this.backends, backends)) return false;
    this.backends = [...backends];
    return true;
  }

  /** The next backend, or undefined when none is ready. */
  next(): Backend | undefined {
    if (this.backends.length === 0) return undefined;
    const backend = this.backends[this.turn % this.backends.length];
    this.turn = (this.turn + 1) % Number.MAX_SAFE_INTEGER;
    return backend;
  }
}
