// NodeStatusReporter: registers the Node, posts its status with heartbeats, and renews its Lease in kube-node-lease.
//
// Like the upstream kubelet with the NodeLease feature: the Lease is renewed every 10 s (the signal of
// life), the Node status is posted at start and then every minute (upstream: on change or every 5 min).
import { isAlreadyExists, isNotFound, Resources, type Clock, type KubeClient, type Lease, type Node, type Timer } from '@aviary/kube';
import { formatKubeTime } from '../runtime/index.js';
import { buildNodeLabels, buildNodeStatus } from './node-description.js';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
export const LEASE_DURATION_SECONDS = 40;

export interface NodeStatusReporterOptions {
  readonly client: KubeClient;
  readonly clock: Clock;
  readonly nodeName: string;
  readonly dataDir: string;
  readonly leaseRenewMs?: number;
  readonly statusUpdateMs?: number;
  readonly log: (message: string, error?: unknown) => void;
}

/** RFC 3339 with microseconds, as Lease MicroTime fields are written. */
function formatMicroTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/Z$/, '000Z');
}

export class NodeStatusReporter {
  private readonly options: NodeStatusReporterOptions;
  private leaseTimer: Timer | undefined;
  private statusTimer: Timer | undefined;
  private stopped = false;
  private node: Node | undefined;

  constructor(options: NodeStatusReporterOptions) {
    this.options = options;
  }

  /** The labels the node carries (the scheduler matches nodeSelector against them). */
  get labels(): Record<string, string> {
    return buildNodeLabels(this.options.nodeName);
  }

  /** The node's allocatable resources once registered. */
  get allocatable(): Record<string, string> {
    return { ...this.node?.status?.allocatable };
  }

  /** Registers the node and its lease, then keeps both fresh. */
  async start(): Promise<void> {
    await this.registerNode();
    await this.postStatus();
    await this.renewLease().catch((error: unknown) => this.options.log('creating the node lease', error));
    this.scheduleLease();
    this.scheduleStatus();
  }

  stop(): void {
    this.stopped = true;
    this.leaseTimer?.cancel();
    this.statusTimer?.cancel();
  }

  private async registerNode(): Promise<void> {
    const { client, nodeName } = this.options;
    const labels = this.labels;
    try {
      this.node = await client.create<Node>(Resources.nodes, { apiVersion: 'v1', kind: 'Node', metadata: { name: nodeName, labels }, spec: {} });
    } catch (error: unknown) {
      if (!isAlreadyExists(error)) throw error;
      const existing = await client.get<Node>(Resources.nodes, nodeName);
      const merged = { ...existing, metadata: { ...existing.metadata, labels: { ...existing.metadata?.labels, ...labels } } };
      this.node = await client.update<Node>(Resources.nodes, merged);
    }
  }

  private async postStatus(): Promise<void> {
    const { client, clock, nodeName, dataDir } = this.options;
    const current = this.node ?? (await client.get<Node>(Resources.nodes, nodeName));
    const status = buildNodeStatus({ nodeName, previous: current, dataDir, nowIso: formatKubeTime(clock.now()) });
    try {
      this.node = await client.updateStatus<Node>(Resources.nodes, { ...current, status });
    } catch (error: unknown) {
      // A stale copy (someone else wrote the node): read it again next time.
      this.node = undefined;
      if (isNotFound(error)) await this.registerNode();
      throw error;
    }
  }

  private async renewLease(): Promise<void> {
    const { client, clock, nodeName } = this.options;
    const now = formatMicroTime(clock.now());
    const spec = { holderIdentity: nodeName, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: now };
    try {
      const lease = await client.get<Lease>(Resources.leases, nodeName, NODE_LEASE_NAMESPACE);
      await client.update<Lease>(Resources.leases, { ...lease, spec: { ...lease.spec, ...spec } });
    } catch (error: unknown) {
      if (!isNotFound(error)) throw error;
      const ownerReferences = this.node?.metadata?.uid
        ? [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: this.node.metadata.uid }]
        : undefined;
      await this.ensureLeaseNamespace();
      await client.create<Lease>(Resources.leases, {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: nodeName, namespace: NODE_LEASE_NAMESPACE, ...(ownerReferences ? { ownerReferences } : {}) },
        spec: { ...spec, acquireTime: now },
      });
    }
  }

  /** kube-node-lease is a system namespace; create it when the cluster has not yet. */
  private async ensureLeaseNamespace(): Promise<void> {
    try {
      await this.options.client.create(Resources.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NODE_LEASE_NAMESPACE } });
    } catch (error: unknown) {
      if (!isAlreadyExists(error)) throw error;
    }
  }

  private scheduleLease(): void {
    if (this.stopped) return;
    this.leaseTimer = this.options.clock.setTimer(() => {
      void this.renewLease()
        .catch((error: unknown) => this.options.log('renewing the node lease', error))
        .finally(() => this.scheduleLease());
    }, this.options.leaseRenewMs ?? 10_000);
  }

  private scheduleStatus(): void {
    if (this.stopped) return;
    this.statusTimer = this.options.clock.setTimer(() => {
      void this.postStatus()
        .catch((error: unknown) => this.options.log('posting node status', error))
        .finally(() => this.scheduleStatus());
    }, this.options.statusUpdateMs ?? 60_000);
  }
}
