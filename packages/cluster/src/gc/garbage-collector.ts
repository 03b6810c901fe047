// The in-process garbage collector: owner-reference cascading (background, foreground, orphan), namespace
// deletion and CRD cleanup, driven by the store's watch and worked off a de-duplicating queue.
// Behaviour follows k8s.io/kubernetes/pkg/controller/garbagecollector and pkg/controller/namespace.
import { ApiError, isNotFound, type KubeObject } from '@aviary/kube';
import type { ObjectService } from '../rest/object-service.js';
import { parseObjectKey } from '../storage/keys.js';
import { StoreEventType, type StoreEvent, type StoreKey, type StoreWatch } from '../storage/store.js';
import { cleanUpCrd, crdOfResource } from './crd-cleanup.js';
import { processDependent, processOwner } from './owner-cascade.js';
import { OwnerIndex } from './owner-index.js';
import { cleanUpNamespace } from './namespace-cleanup.js';
import { FinalizerName } from '../rest/object-deletion.js';

export interface GarbageCollectorOptions {
  readonly service: ObjectService;
  /** Failures that retries did not fix (default: console.error). */
  readonly onError?: (error: unknown, item: string) => void;
}

const maxAttempts = 5;

export class GarbageCollector {
  readonly index = new OwnerIndex();
  private readonly service: ObjectService;
  private readonly onError: (error: unknown, item: string) => void;
  private readonly queue = new Set<string>();
  private readonly attempts = new Map<string, number>();
  private readonly terminatingNamespaces = new Set<string>();
  private readonly idleWaiters: (() => void)[] = [];
  private watch: StoreWatch | undefined;
  private scheduled = false;
  private stopped = false;

  constructor(options: GarbageCollectorOptions) {
    this.service = options.service;
    this.onError = options.onError ?? ((error, item) => console.error(`garbage collector: ${item}:`, error));
  }

  /** Indexes every stored object, queues what already needs work, and follows the store from there. */
  start(): void {
    const { store } = this.service.context;
    const all = store.list('/');
    for (const item of all.items) this.observe(item.key, item.object);
    this.watch = store.watch('/', all.revision, (event) => this.onStoreEvent(event));
  }

  stop(): void {
    this.stopped = true;
    this.watch?.stop();
    this.queue.clear();
    this.notifyIdle();
  }

  /** Resolves once the queue is empty (tests await this after a delete). */
  whenIdle(): Promise<void> {
    if (this.queue.size === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  isNamespaceTerminating(namespace: string): boolean {
    return this.terminatingNamespaces.has(namespace);
  }

  enqueue(item: string): void {
    if (this.stopped) return;
    this.queue.add(item);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  private onStoreEvent(event: StoreEvent): void {
    if (event.type === StoreEventType.Deleted) this.forget(event.key, event.object);
    else this.observe(event.key, event.written ?? event.object);
  }

  private observe(key: StoreKey, object: KubeObject): void {
    this.index.upsert(key, object);
    const meta = object.metadata ?? {};
    const parts = parseObjectKey(key);
    if (meta.deletionTimestamp) {
      const finalizers = meta.finalizers ?? [];
      if (finalizers.includes(FinalizerName.Orphan) || finalizers.includes(FinalizerName.Foreground)) this.enqueue(`o:${meta.uid ?? ''}`);
      if (parts.group === '' && parts.resource === 'namespaces') {
        this.terminatingNamespaces.add(parts.name);
        this.enqueue(`n:${parts.name}`);
      }
      if (parts.group === 'apiextensions.k8s.io' && parts.resource === 'customresourcedefinitions') this.enqueue(`c:${parts.name}`);
    }
    for (const ref of meta.ownerReferences ?? []) {
      const owner = this.index.byUidOf(ref.uid);
      if (owner === undefined || owner.deleting) {
        this.enqueue(`d:${key}`);
        break;
      }
    }
  }

  private forget(key: StoreKey, object: KubeObject): void {
    const entry = this.index.remove(key);
    const uid = entry?.uid ?? object.metadata?.uid;
    if (uid !== undefined) for (const dependent of this.index.dependentsOf(uid)) this.enqueue(`d:${dependent}`);
    for (const ref of object.metadata?.ownerReferences ?? []) {
      if (this.index.byUidOf(ref.uid)?.deleting) this.enqueue(`o:${ref.uid}`);
    }
    const parts = parseObjectKey(key);
    if (parts.group === '' && parts.resource === 'namespaces') this.terminatingNamespaces.delete(parts.name);
    if (parts.namespace !== undefined && this.terminatingNamespaces.has(parts.namespace)) this.enqueue(`n:${parts.namespace}`);
    const crd = crdOfResource(this.service, parts.group, parts.resource);
    if (crd !== undefined) this.enqueue(`c:${crd}`);
  }

  private drain(): void {
    this.scheduled = false;
    const items = [...this.queue];
    this.queue.clear();
    for (const item of items) {
      if (this.stopped) return;
      try {
        this.process(item);
        this.attempts.delete(item);
      } catch (err: unknown) {
        if (isNotFound(err)) continue;
        const attempt = (this.attempts.get(item) ?? 0) + 1;
        if (attempt < maxAttempts && (!(err instanceof ApiError) || err.code === 409 || err.code >= 500)) {
          this.attempts.set(item, attempt);
          this.enqueue(item);
        } else {
          this.attempts.delete(item);
          this.onError(err, item);
        }
      }
    }
    if (this.queue.size === 0) this.notifyIdle();
  }

  private process(item: string): void {
    const kind = item.slice(0, 2);
    const value = item.slice(2);
    if (kind === 'd:') processDependent(this.service, this.index, value);
    else if (kind === 'o:') processOwner(this.service, this.index, value, (key) => this.enqueue(`d:${key}`));
    else if (kind === 'n:') cleanUpNamespace(this.service, value);
    else if (kind === 'c:') cleanUpCrd(this.service, value);
  }

  private notifyIdle(): void {
    if (this.queue.size > 0 || this.scheduled) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

