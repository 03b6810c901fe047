// KubeletContext: the node-wide services every pod worker shares (client, clock, runtimes, network, back-off, events).
import type { Clock, DeepReadonly, EventRecorder, KubeClient, Pod } from '@aviary/kube';
import type { RuntimeRegistry } from '../runtime/index.js';
import type { EnvObjectSource } from './container-env.js';
import type { PodNetwork } from './pod-network.js';
import type { RestartBackoff } from './restart-backoff.js';

export interface KubeletContext {
  readonly client: KubeClient;
  readonly clock: Clock;
  readonly nodeName: string;
  readonly hostIP: string;
  readonly runtimes: RuntimeRegistry;
  readonly network: PodNetwork;
  readonly backoff: RestartBackoff;
  readonly envSources: EnvObjectSource;
  /** Where pod folders live: `<dataDir>/pods/<uid>/`. */
  readonly podsDir: string;
  readonly recorder: EventRecorder | undefined;
  /** Record routine Pulled/Created/Started/Killing events (off under --simulate-pods, to keep scale cheap). */
  readonly routineEvents: boolean;
  /** The node's allocatable resources (resourceFieldRef fallbacks). */
  readonly nodeAllocatable: Readonly<Record<string, string>>;
  /** A pod's status may have changed: the status writer re-computes and writes it when it did. */
  readonly markStatusDirty: (podUid: string) => void;
  /** Deletes a pod whose containers have stopped (grace period 0, UID precondition). */
  readonly deletePod: (pod: DeepReadonly<Pod>) => Promise<void>;
  /** Where unexpected failures are reported. */
  readonly log: (message: string, error?: unknown) => void;
}
