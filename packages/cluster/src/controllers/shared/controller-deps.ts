// What every built-in controller is built from, and the small surface each one offers to the starter and to tests.
import type { Clock, EventRecorder, InformerFactory, KubeClient } from '@aviary/kube';

export interface ControllerDeps {
  client: KubeClient;
  /** Shared by every built-in controller so each resource is listed and watched once. */
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  /** Concurrent syncs per controller; default 1 (never the same key twice). */
  workers?: number;
  /** Told about failed syncs that are being retried; default console.warn. */
  onError?: (key: string, err: unknown) => void;
}

export interface BuiltinController {
  readonly name: string;
  /** Reconciles one `namespace/name` key; throws to be retried with backoff. Tests call it directly. */
  sync(key: string): Promise<void>;
  /** Starts the workers; informers must have been started by the caller. */
  run(): void;
  stop(): Promise<void>;
}
