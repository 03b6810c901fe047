// coordination.k8s.io/v1 Lease: the lock object behind leader election.
import type { KubeObject, ObjectList, ObjectMeta } from './meta.js';
import type { MicroTime } from './scalars.js';

export interface LeaseSpec {
  /** Who holds the lease now (the candidate's identity). */
  holderIdentity?: string;
  /** How long a holder may go without renewing before others may take over. */
  leaseDurationSeconds?: number;
  acquireTime?: MicroTime;
  renewTime?: MicroTime;
  /** Incremented every time the holder changes. */
  leaseTransitions?: number;
  strategy?: string;
  preferredHolder?: string;
}

export interface Lease extends KubeObject {
  metadata?: ObjectMeta;
  spec?: LeaseSpec;
}
export type LeaseList = ObjectList<Lease>;
