// IPv4 arithmetic and the two ranges the embedded cluster hands out: Service virtual IPs and node ports.

/**
 * Service virtual IPs come from 127.96.0.0/16. On Linux the whole of 127.0.0.0/8 is routed to the
 * loopback interface, so a process can bind 127.96.x.y and any local client can reach it with no
 * iptables rules, no extra interface and no root: the service proxy simply listens on the virtual IP.
 * (Upstream's default is 10.96.0.0/12, which would need kube-proxy's iptables DNAT to be reachable.)
 */
export const SERVICE_CIDR = '127.96.0.0/16';

/** The default `--service-node-port-range` of kube-apiserver. */
export const NODE_PORT_RANGE = { first: 30000, last: 32767 } as const;

/** An inclusive range of integers (addresses as 32-bit numbers, or ports). */
export interface NumberRange {
  readonly first: number;
  readonly last: number;
}

/** `127.96.0.5` → 2136998149; undefined for anything that is not a canonical dotted quad. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** The usable addresses of a CIDR: network and broadcast addresses excluded, as upstream's bitmap allocator does. */
export function usableRangeOf(cidr: string): NumberRange {
  const [address = '', bitsText = ''] = cidr.split('/');
  const base = parseIPv4(address);
  const bits = Number(bitsText);
  if (base === undefined || !Number.isInteger(bits) || bits < 8 || bits > 30) throw new RangeError(`unsupported IPv4 CIDR ${cidr}`);
  const size = 2 ** (32 - bits);
  const network = base - (base % size);
  return { first: network + 1, last: network + size - 2 };
}

/**
 * Where dynamic allocation starts: upstream reserves a low band of each range for addresses and ports
 * that users pick themselves (KEP-3070 for ClusterIPs, KEP-3668 for NodePorts) and allocates dynamically
 * from above it first, so a static choice rarely collides with an earlier automatic one.
 * ClusterIPs: min(max(16, size/16), 256); NodePorts: min(max(16, size/32), 128).
 */
export function dynamicBandStart(range: NumberRange, options: { step: number; max: number }): number {
  const size = range.last - range.first + 1;
  if (size <= 16) return range.first;
  const offset = Math.min(Math.max(16, Math.floor(size / options.step)), options.max);
  return range.first + offset;
}

/**
 * The lowest free value in the dynamic band (from `bandStart` up), then in the static band below it:
 * deterministic for a given `used` set, so allocation needs no state beyond the stored Services.
 */
export function lowestFree(range: NumberRange, bandStart: number, used: ReadonlySet<number>): number | undefined {
  for (let value = bandStart; value <= range.last; value++) if (!used.has(value)) return value;
  for (let value = range.first; value < bandStart; value++) if (!used.has(value)) return value;
  return undefined;
}

export function inRange(range: NumberRange, value: number): boolean {
  return value >= range.first && value <= range.last;
}
