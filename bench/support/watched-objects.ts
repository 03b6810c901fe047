// A benchmark's view of one resource: list, then watch, keeping the latest object per key; counts the objects a
// predicate accepts (incrementally) and resolves waits at the moment the count is reached.
import { performance } from 'node:perf_hooks';
import type { KubeClient, KubeObject, ResourceType, WatchHandle } from '../../packages/kube/src/index.js';

export interface WatchedChange<T> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  previous: T | undefined;
  object: T;
  /** performance.now() when the event was received. */
  receivedAt: number;
}

function keyOf(object: KubeObject): string {
  return `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

export class WatchedObjects<T extends KubeObject> {
  readonly objects = new Map<string, T>();
  private predicate: (object: T) => boolean = () => false;
  private matching = 0;
  private waiter: { count: number; resolve: (at: number) => void } | undefined;
  private handle: WatchHandle | undefined;
  private resourceVersion = '';
  private stopped = false;

  private constructor(
    private readonly options: { client: KubeClient; type: ResourceType; namespace?: string; onChange?: (change: WatchedChange<T>) => void },
  ) {}

  static async start<T extends KubeObject>(options: { client: KubeClient; type: ResourceType; namespace?: string; onChange?: (change: WatchedChange<T>) => void }): Promise<WatchedObjects<T>> {
    const watched = new WatchedObjects<T>(options);
    const list = await options.client.list<T>(options.type, options.namespace === undefined ? {} : { namespace: options.namespace });
    for (const item of list.items) watched.objects.set(keyOf(item), item);
    watched.resourceVersion = list.metadata.resourceVersion ?? '';
    await watched.openWatch();
    return watched;
  }

  /** Counts from now on the objects `predicate` accepts. */
  countWhere(predicate: (object: T) => boolean): number {
    this.predicate = predicate;
    this.matching = 0;
    for (const object of this.objects.values()) if (predicate(object)) this.matching++;
    return this.matching;
  }

  get count(): number {
    return this.matching;
  }

  /** Resolves with performance.now() of the event that brought the count to `count` (at once if already there). */
  waitForCount(count: number, timeoutMs: number): Promise<number> {
    if (this.matching >= count) return Promise.resolve(performance.now());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${this.matching} of ${count} ${this.options.type.resource}`)), timeoutMs);
      this.waiter = { count, resolve: (at) => (clearTimeout(timer), resolve(at)) };
    });
  }

  stop(): void {
    this.stopped = true;
    this.handle?.stop();
  }

  private async openWatch(): Promise<void> {
    this.handle = await this.options.client.watch<T>(
      this.options.type,
      { ...(this.options.namespace === undefined ? {} : { namespace: this.options.namespace }), resourceVersion: this.resourceVersion, allowWatchBookmarks: true },
      {
        onEvent: (event) => this.apply(event.type, event.object),
        onClose: (err) => {
          if (this.stopped) return;
          if (err) process.stderr.write(`watch ${this.options.type.resource} closed: ${String(err)}; reopening\n`);
          void this.openWatch();
        },
      },
    );
  }

  private apply(type: string, object: T): void {
    const receivedAt = performance.now();
    if (object.metadata?.resourceVersion) this.resourceVersion = object.metadata.resourceVersion;
    if (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'DELETED') return;
    const key = keyOf(object);
    const previous = this.objects.get(key);
    if (previous && this.predicate(previous)) this.matching--;
    if (type === 'DELETED') this.objects.delete(key);
    else {
      this.objects.set(key, object);
      if (this.predicate(object)) this.matching++;
    }
    this.options.onChange?.({ type, previous, object, receivedAt });
    if (this.waiter && this.matching >= this.waiter.count) {
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter.resolve(receivedAt);
    }
  }
}
