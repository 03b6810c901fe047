// PodNetwork: hands each pod its own loopback address from a /16 (Linux), or 127.0.0.1 everywhere else.
//
// Linux routes all of 127.0.0.0/8 to the loopback interface, so a server in a pod can bind 127.10.x.y
// and several pods can each listen on port 8080. macOS and Windows only answer on 127.0.0.1: there
// every pod shares that address, and two pods whose containers listen on the same port collide.

/** The node's own address: hostIP of every pod, and the Node's InternalIP. */
export const NODE_IP = '127.0.0.1';

/** The default pod range; Services and tests use other 127.x ranges. */
export const DEFAULT_POD_SUBNET = '127.10.0.0/16';

/** The /16 is used up (65,024 usable addresses). */
export class PodAddressExhaustedError extends Error {
  override readonly name = 'PodAddressExhaustedError';
  constructor(readonly subnet: string) {
    super(`no free pod address left in ${subnet}`);
  }
}

/** The subnet is not a 127.x.0.0/16 block. */
export class InvalidPodSubnetError extends Error {
  override readonly name = 'InvalidPodSubnetError';
  constructor(readonly subnet: string) {
    super(`pod subnet ${JSON.stringify(subnet)} must be a loopback /16 such as ${DEFAULT_POD_SUBNET}`);
  }
}

export interface PodNetworkOptions {
  /** A loopback /16, default 127.10.0.0/16. */
  readonly subnet?: string;
  /** Whether pods get distinct addresses; default: on Linux only. */
  readonly perPodAddresses?: boolean;
}

/** Host numbers inside the /16: x.y with y in 1..254, so no address ends in .0 or .255. */
const HOSTS_PER_BLOCK = 254;
const BLOCKS = 256;

function parseSubnet(subnet: string): string {
  const match = /^127\.(\d{1,3})\.0\.0\/16$/.exec(subnet);
  const second = match?.[1];
  if (second === undefined || Number(second) > 255) throw new InvalidPodSubnetError(subnet);
  return `127.${Number(second)}`;
}

export class PodNetwork {
  readonly perPodAddresses: boolean;
  private readonly subnet: string;
  private readonly prefix: string;
  /** Next never-used host index (0 … BLOCKS*HOSTS_PER_BLOCK-1). */
  private nextFresh = 0;
  /** Released addresses, reused oldest first. */
  private readonly released: string[] = [];
  private readonly releasedSet = new Set<string>();
  private readonly inUse = new Map<string, string>();
  /** The addresses in `inUse`, for constant-time checks. */
  private readonly taken = new Set<string>();

  constructor(options: PodNetworkOptions = {}) {
    this.subnet = options.subnet ?? DEFAULT_POD_SUBNET;
    this.prefix = parseSubnet(this.subnet);
    this.perPodAddresses = options.perPodAddresses ?? process.platform === 'linux';
  }

  /** The pod's address: `preferred` when it is free and in range (a pod restarted from a previous run), else the next free one. */
  allocate(podUid: string, preferred?: string): string {
    const held = this.inUse.get(podUid);
    if (held !== undefined) return held;
    if (!this.perPodAddresses) {
      this.inUse.set(podUid, NODE_IP);
      return NODE_IP;
    }
    const address = this.takePreferred(preferred) ?? this.takeReleased() ?? this.takeFresh();
    this.inUse.set(podUid, address);
    this.taken.add(address);
    return address;
  }

  /** Gives a pod's address back; a pod without one is fine. */
  release(podUid: string): void {
    const address = this.inUse.get(podUid);
    if (address === undefined) return;
    this.inUse.delete(podUid);
    this.taken.delete(address);
    if (!this.perPodAddresses) return;
    this.released.push(address);
    this.releasedSet.add(address);
  }

  /** The address a pod holds, if any. */
  addressOf(podUid: string): string | undefined {
    return this.inUse.get(podUid);
  }

  private takePreferred(preferred: string | undefined): string | undefined {
    if (preferred === undefined || !this.contains(preferred) || this.isTaken(preferred)) return undefined;
    const index = this.indexOf(preferred);
    if (this.releasedSet.delete(preferred)) this.released.splice(this.released.indexOf(preferred), 1);
    else if (index >= this.nextFresh) {
      // Addresses skipped over stay free: remember them as released so they are used later.
      for (let skipped = this.nextFresh; skipped < index; skipped++) this.markReleased(this.addressAt(skipped));
      this.nextFresh = index + 1;
    }
    return preferred;
  }

  private takeReleased(): string | undefined {
    for (;;) {
      const address = this.released.shift();
      if (address === undefined) return undefined;
      this.releasedSet.delete(address);
      if (!this.isTaken(address)) return address;
    }
  }

  private takeFresh(): string {
    while (this.nextFresh < BLOCKS * HOSTS_PER_BLOCK) {
      const address = this.addressAt(this.nextFresh++);
      if (!this.isTaken(address)) return address;
    }
    throw new PodAddressExhaustedError(this.subnet);
  }

  private markReleased(address: string): void {
    if (this.releasedSet.has(address) || this.isTaken(address)) return;
    this.released.push(address);
    this.releasedSet.add(address);
  }

  private isTaken(address: string): boolean {
    return this.taken.has(address);
  }

  private contains(address: string): boolean {
    const parts = address.split('.');
    if (parts.length !== 4 || `${parts[0]}.${parts[1]}` !== this.prefix) return false;
    const third = Number(parts[2]);
    const fourth = Number(parts[3]);
    return Number.isInteger(third) && third >= 0 && third < BLOCKS && Number.isInteger(fourth) && fourth >= 1 && fourth <= HOSTS_PER_BLOCK;
  }

  private indexOf(address: string): number {
    const [, , third, fourth] = address.split('.').map(Number);
    return (third ?? 0) * HOSTS_PER_BLOCK + ((fourth ?? 1) - 1);
  }

  private addressAt(index: number): string {
    return `${this.prefix}.${Math.floor(index / HOSTS_PER_BLOCK)}.${(index % HOSTS_PER_BLOCK) + 1}`;
  }
}
