// SharedInformer: one list/watch per resource feeding a frozen, indexed cache and any number of event handlers
// (client-go tools/cache/shared_informer.go semantics, without the goroutines).
import { realClock, type Clock, type Timer } from '../clock/clock.js';
import type { KubeClient } from '../client/kube-client.js';
import { apiVersionOf, type ResourceType } from '../client/resource-type.js';
import type { DeepReadonly, KubeObject, WatchEvent } from '../types/meta.js';
import type { BackoffOptions } from './backoff.js';
import { deepFreeze } from './deep-freeze.js';
import { builtInIndexers, IndexName, type IndexFunc } from './index-functions.js';
import { IndexedStore } from './indexed-store.js';
import { Reflector } from './reflector.js';
import { shareUnchanged } from './share-unchanged.js';
import type { InformerTransform } from './transforms.js';

/** Callbacks for cache changes; objects are the cached, frozen ones — clone before changing. */
export interface EventHandler<T extends KubeObject> {
  onAdd?(obj: DeepReadonly<T>): void;
  /** Also called with the same object twice on each periodic resync. */
  onUpdate?(oldObj: DeepReadonly<T>, newObj: DeepReadonly<T>): void;
  /** The final state: from the DELETED event, or the last cached state when a re-list finds it gone. */
  onDelete?(obj: DeepReadonly<T>): void;
}

export interface SharedInformerOptions {
  client: KubeClient;
  type: ResourceType;
  /** Omit to watch every namespace (and for cluster-scoped resources). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** When above 0, every handler gets onUpdate(obj, obj) for every cached object this often. */
  resyncPeriodMs?: number;
  clock?: Clock;
  backoff?: BackoffOptions;
  pageSize?: number;
  watchTimeoutSeconds?: number;
  /** Told about list/watch failures (before each retry) and handler exceptions; default: console.warn. */
  onError?: (err: unknown) => void;
  /** Rewrites each object before it is cached (e.g. stripManagedFields); default none. */
  transform?: InformerTransform;
}

/** The informer was stopped (before it synced, or start() was called after stop()). */
export class InformerStoppedError extends Error {
  override readonly name = 'InformerStoppedError';
}

export class SharedInformer<T extends KubeObject> {
  readonly type: ResourceType;
  readonly namespace: string | undefined;
  private readonly options: SharedInformerOptions;
  private readonly clock: Clock;
  private readonly store = new IndexedStore<DeepReadonly<T>>();
  private readonly handlers = new Set<EventHandler<T>>();
  private readonly reflector: Reflector<T>;
  private readonly syncWaiters: { resolve: () => void; reject: (err: unknown) => void }[] = [];
  private synced = false;
  private started = false;
  private stopped = false;
  private resyncTimer: Timer | undefined;

  constructor(options: SharedInformerOptions) {
    this.options = options;
    this.type = options.type;
    this.namespace = options.type.namespaced ? options.namespace : undefined;
    this.clock = options.clock ?? realClock;
    for (const [name, fn] of Object.entries(builtInIndexers())) this.store.addIndexer(name, fn as IndexFunc<T>);
    this.reflector = new Reflector<T>({
      client: options.client,
      type: options.type,
      namespace: this.namespace,
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
      clock: this.clock,
      backoff: options.backoff,
      pageSize: options.pageSize,
      watchTimeoutSeconds: options.watchTimeoutSeconds,
      onError: (err) => this.reportError(err),
      sink: { replace: (items) => this.replaceAll(items), apply: (event) => this.applyEvent(event) },
    });
  }

  /** Starts listing and watching; a second call does nothing. */
  start(): void {
    if (this.stopped) throw new InformerStoppedError(`the ${this.type.resource} informer was stopped and cannot be restarted`);
    if (this.started) return;
    this.started = true;
    this.reflector.start();
    this.scheduleResync();
  }

  /** Stops the watch and the resync timer; pending waitForSync() calls reject. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.resyncTimer?.cancel();
    const waiters = this.syncWaiters.splice(0);
    for (const waiter of waiters) waiter.reject(new InformerStoppedError(`the ${this.type.resource} informer stopped before it synced`));
    await this.reflector.stop();
  }

  /** True once the first list is in the cache and its onAdd calls were made. */
  hasSynced(): boolean {
    return this.synced;
  }

  waitForSync(): Promise<void> {
    if (this.synced) return Promise.resolve();
    if (this.stopped) return Promise.reject(new InformerStoppedError(`the ${this.type.resource} informer is stopped`));
    return new Promise((resolve, reject) => this.syncWaiters.push({ resolve, reject }));
  }

  /** The resourceVersion of the last list, event or bookmark seen. */
  get lastSyncResourceVersion(): string {
    return this.reflector.lastSyncResourceVersion;
  }

  /** Adds a handler and replays onAdd for everything already cached; returns the unsubscribe function. */
  addEventHandler(handler: EventHandler<T>): () => void {
    this.handlers.add(handler);
    for (const obj of this.store.values()) this.call(() => handler.onAdd?.(obj));
    return () => {
      this.handlers.delete(handler);
    };
  }

  get(namespace: string | undefined, name: string): DeepReadonly<T> | undefined {
    return this.store.get(namespace ? `${namespace}/${name}` : name);
  }

  /** By `namespace/name` (or `name` for cluster-scoped objects). */
  getByKey(key: string): DeepReadonly<T> | undefined {
    return this.store.get(key);
  }

  /** Every cached object, or those in one namespace. */
  list(namespace?: string): DeepReadonly<T>[] {
    return namespace === undefined ? this.store.values() : this.store.byIndex(IndexName.Namespace, namespace);
  }

  listKeys(): string[] {
    return this.store.keys();
  }

  /** Objects filed under `value` in an index: `byIndex('label', 'app=demo')`, `byIndex('controller', ownerUid)`. */
  byIndex(indexName: string, value: string): DeepReadonly<T>[] {
    return this.store.byIndex(indexName, value);
  }

  addIndexer(name: string, fn: IndexFunc<T>): void {
    this.store.addIndexer(name, fn);
  }

  /** True when an index of that name is registered (several controllers may share one informer and one index). */
  hasIndexer(name: string): boolean {
    return this.store.hasIndexer(name);
  }

  private replaceAll(items: T[]): void {
    const seen = new Set<string>();
    for (const item of items) {
      const key = keyOf(item);
      const old = this.store.get(key);
      const obj = this.prepare(item, old);
      seen.add(key);
      // Unchanged objects keep their cached identity and raise no event (client-go treats them as a sync).
      if (old !== undefined && old.metadata?.resourceVersion === obj.metadata?.resourceVersion) continue;
      this.store.set(key, obj);
      this.notify(old === undefined ? { kind: 'add', obj } : { kind: 'update', old, obj });
    }
    for (const [key, old] of [...this.store.entries()]) {
      if (seen.has(key)) continue;
      this.store.delete(key);
      this.notify({ kind: 'delete', obj: old });
    }
    if (!this.synced) {
      this.synced = true;
      for (const waiter of this.syncWaiters.splice(0)) waiter.resolve();
    }
  }

  private applyEvent(event: WatchEvent<T>): void {
    const key = keyOf(event.object);
    const old = this.store.get(key);
    const obj = this.prepare(event.object, event.type === 'DELETED' ? undefined : old);
    if (event.type === 'DELETED') {
      this.store.delete(key);
      this.notify({ kind: 'delete', obj });
    } else {
      this.store.set(key, obj);
      this.notify(old === undefined ? { kind: 'add', obj } : { kind: 'update', old, obj });
    }
  }

  /**
   * The object as cached: kind and apiVersion filled in (list items come without them, and owner references are
   * built from cached objects), transformed, sharing what did not change with the cached version `old`, frozen.
   */
  private prepare(item: T, old: DeepReadonly<T> | undefined): DeepReadonly<T> {
    const typed = item.kind !== undefined && item.apiVersion !== undefined;
    const complete = typed ? item : { ...item, kind: item.kind ?? this.type.kind, apiVersion: item.apiVersion ?? apiVersionOf(this.type) };
    const transform = this.options.transform as InformerTransform<T> | undefined;
    const transformed = transform ? transform(complete) : complete;
    return deepFreeze(old === undefined ? transformed : shareUnchanged(old, transformed));
  }

  private notify(change: { kind: 'add'; obj: DeepReadonly<T> } | { kind: 'update'; old: DeepReadonly<T>; obj: DeepReadonly<T> } | { kind: 'delete'; obj: DeepReadonly<T> }): void {
    for (const handler of [...this.handlers]) {
      if (change.kind === 'add') this.call(() => handler.onAdd?.(change.obj));
      else if (change.kind === 'update') this.call(() => handler.onUpdate?.(change.old, change.obj));
      else this.call(() => handler.onDelete?.(change.obj));
    }
  }

  private scheduleResync(): void {
    const period = this.options.resyncPeriodMs ?? 0;
    if (period <= 0 || this.stopped) return;
    this.resyncTimer = this.clock.setTimer(() => {
      if (this.stopped) return;
      if (this.synced) {
        for (const obj of this.store.values()) {
          for (const handler of [...this.handlers]) this.call(() => handler.onUpdate?.(obj, obj));
        }
      }
      this.scheduleResync();
    }, period);
  }

  /** A throwing handler must not break the others or the watch. */
  private call(fn: () => void): void {
    try {
      fn();
    } catch (err: unknown) {
      this.reportError(err);
    }
  }

  private reportError(err: unknown): void {
    if (this.options.onError) this.options.onError(err);
    else console.warn(`informer ${apiVersionOf(this.type)} ${this.type.resource}:`, err instanceof Error ? err.message : err);
  }
}

function keyOf(obj: DeepReadonly<KubeObject>): string {
  const namespace = obj.metadata?.namespace;
  const name = obj.metadata?.name ?? '';
  return namespace ? `${namespace}/${name}` : name;
}
