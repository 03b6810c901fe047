// InformerFactory: hands every controller the same SharedInformer per (resource, namespace), and starts and stops them together.
import type { Clock } from '../clock/clock.js';
import type { KubeClient } from '../client/kube-client.js';
import type { ResourceType } from '../client/resource-type.js';
import type { KubeObject } from '../types/meta.js';
import type { BackoffOptions } from './backoff.js';
import { SharedInformer } from './shared-informer.js';
import type { InformerTransform } from './transforms.js';

export interface InformerFactoryOptions {
  client: KubeClient;
  /** Default namespace for every informer; omit to watch all namespaces. */
  namespace?: string;
  resyncPeriodMs?: number;
  clock?: Clock;
  backoff?: BackoffOptions;
  onError?: (err: unknown) => void;
  /** Applied by every informer to each object before caching it, e.g. stripManagedFields; default none. */
  transform?: InformerTransform;
}

export interface ForResourceOptions {
  /** Overrides the factory's namespace for this informer; ignored for cluster-scoped resources. */
  namespace?: string;
}

/** (client-go informers/factory.go) Informers created after start() are started by the next start() call. */
export class InformerFactory {
  private readonly options: InformerFactoryOptions;
  private readonly informers = new Map<string, SharedInformer<KubeObject>>();
  private readonly started = new Set<SharedInformer<KubeObject>>();

  constructor(options: InformerFactoryOptions) {
    this.options = options;
  }

  /** The shared informer for `type` in the namespace; created on first request. */
  forResource<T extends KubeObject>(type: ResourceType, options: ForResourceOptions = {}): SharedInformer<T> {
    const namespace = type.namespaced ? (options.namespace ?? this.options.namespace) : undefined;
    const key = `${type.group}/${type.version}/${type.resource}@${namespace ?? '*'}`;
    let informer = this.informers.get(key);
    if (!informer) {
      const { client, resyncPeriodMs, clock, backoff, onError, transform } = this.options;
      informer = new SharedInformer<KubeObject>({ client, type, namespace, resyncPeriodMs, clock, backoff, onError, transform });
      this.informers.set(key, informer);
    }
    return informer as unknown as SharedInformer<T>;
  }

  /** Starts every informer not started yet. */
  start(): void {
    for (const informer of this.informers.values()) {
      if (this.started.has(informer)) continue;
      this.started.add(informer);
      informer.start();
    }
  }

  /** Resolves when every started informer has synced. */
  async waitForSync(): Promise<void> {
    await Promise.all([...this.started].map((informer) => informer.waitForSync()));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.informers.values()].map((informer) => informer.stop()));
  }
}
