// ObjectTracker: the in-memory store behind FakeKubeClient, with the API server's write rules (client-go's testing.ObjectTracker, in spirit).
import type { PatchType } from '../client/kube-client.js';
import { apiVersionOf, Resources, type ResourceType } from '../client/resource-type.js';
import { realClock, type Clock } from '../clock/clock.js';
import type { DeleteOptions, KubeObject, ObjectMeta, WatchEvent } from '../types/meta.js';
import { jsonDeepEqual } from '../patch/json-values.js';
import { alreadyExistsError, badRequestError, conflictError, invalidError, notFoundError } from './object-tracker-errors.js';
import { applyPatchToObject, decodePatchBody } from './object-tracker-patch.js';
import { WatchHub } from './object-tracker-watch.js';

export interface ResourceTypeRegistration {
  readonly type: ResourceType;
  /** Served with a `status` subresource: update ignores status, updateStatus changes only status. */
  readonly statusSubresource?: boolean;
}

export interface ObjectTrackerOptions {
  /** Stamps creationTimestamp and deletionTimestamp; default the real clock. */
  clock?: Clock;
  /** Kinds beyond `Resources` (CRDs under test), or overrides of whether a kind has a status subresource. */
  resourceTypes?: readonly (ResourceType | ResourceTypeRegistration)[];
  /** Picks generateName suffixes; default Math.random. */
  random?: () => number;
  /** How many changes are kept for watches from an old resourceVersion; older ones answer 410. Default 10,000. */
  historyLimit?: number;
}

/** An object whose apiVersion and kind name no registered ResourceType. */
export class UnknownResourceKindError extends Error {
  override readonly name = 'UnknownResourceKindError';
  constructor(
    readonly apiVersion: string | undefined,
    readonly kind: string | undefined,
  ) {
    super(`no resource type registered for apiVersion ${JSON.stringify(apiVersion)} kind ${JSON.stringify(kind)}; register it with registerType`);
  }
}

type Stored = KubeObject & { metadata: ObjectMeta & { name: string } } & Record<string, unknown>;

/** Kinds that Kubernetes and the argoproj CRDs serve with a status subresource (AnalysisRun and Experiment do not). */
const STATUS_SUBRESOURCE_KINDS: readonly ResourceType[] = [
  Resources.pods, Resources.services, Resources.nodes, Resources.namespaces, Resources.replicaSets,
  Resources.deployments, Resources.jobs, Resources.ingresses, Resources.customResourceDefinitions, Resources.rollouts,
];

const GENERATE_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const collectionOf = (type: ResourceType): string => `${type.group}/${type.resource}`;
const kindKeyOf = (apiVersion: string | undefined, kind: string | undefined): string => `${apiVersion ?? ''}|${kind ?? ''}`;
const itemKeyOf = (namespace: string | undefined, name: string): string => (namespace ? `${namespace}/${name}` : name);

/**
 * Everything but metadata: what `metadata.generation` tracks (upstream customResourceStrategy). For a
 * status-subresource kind a main update cannot change status, and a status update never bumps generation.
 */
function contentOf(object: KubeObject): unknown {
  const { metadata: _metadata, ...rest } = object as Record<string, unknown>;
  return rest;
}

/**
 * Holds objects per resource and applies the API server's rules to writes: uid, a global
 * resourceVersion counter, creationTimestamp, generation, generateName, optimistic concurrency,
 * status subresource isolation, finalizers. Every read returns a deep copy.
 */
export class ObjectTracker {
  private readonly clock: Clock;
  private readonly random: () => number;
  private rv = 0;
  private uidCounter = 0;
  private readonly collections = new Map<string, Map<string, Stored>>();
  private readonly typesByKind = new Map<string, ResourceType>();
  private readonly statusSubresources = new Set<string>();
  private readonly hub: WatchHub;

  constructor(options: ObjectTrackerOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
    this.hub = new WatchHub(options.historyLimit ?? 10_000);
    for (const type of Object.values(Resources)) this.registerType(type);
    for (const type of STATUS_SUBRESOURCE_KINDS) this.statusSubresources.add(collectionOf(type));
    for (const entry of options.resourceTypes ?? []) {
      if ('type' in entry) this.registerType(entry.type, entry);
      else this.registerType(entry);
    }
  }

  /** Makes a kind known (for seeding objects by apiVersion/kind); `statusSubresource` defaults to unchanged (false when new). */
  registerType(type: ResourceType, options: { statusSubresource?: boolean } = {}): void {
    this.typesByKind.set(kindKeyOf(apiVersionOf(type), type.kind), type);
    if (options.statusSubresource === true) this.statusSubresources.add(collectionOf(type));
    if (options.statusSubresource === false) this.statusSubresources.delete(collectionOf(type));
  }

  /** The registered ResourceType for an object's apiVersion and kind; throws UnknownResourceKindError. */
  typeOf(object: KubeObject): ResourceType {
    const type = this.typesByKind.get(kindKeyOf(object.apiVersion, object.kind));
    if (type === undefined) throw new UnknownResourceKindError(object.apiVersion, object.kind);
    return type;
  }

  hasStatusSubresource(type: ResourceType): boolean {
    return this.statusSubresources.has(collectionOf(type));
  }

  /** The latest resourceVersion handed out (what a list answers with). */
  resourceVersion(): string {
    return String(this.rv);
  }

  /**
   * Seeds an object without API rules or actions: status, uid, creationTimestamp and generation are kept
   * when given, a missing namespace becomes 'default'; the resourceVersion is always assigned.
   */
  add<T extends KubeObject>(object: T, type: ResourceType = this.typeOf(object)): T {
    const stored = this.prepareNew(type, object, { namespace: object.metadata?.namespace || 'default', seeding: true });
    return this.insert(type, stored) as T;
  }

  /** A deep copy of the stored object, or undefined; records no action (for assertions). A namespaced kind defaults to 'default'. */
  get<T extends KubeObject = KubeObject>(type: ResourceType, namespace: string | undefined, name: string): T | undefined {
    const found = this.collection(type).get(itemKeyOf(this.scopeOf(type, namespace), name));
    return found === undefined ? undefined : (structuredClone(found) as T);
  }

  /** Deep copies of the stored objects of a type (one namespace, or all), in namespace/name order. */
  list<T extends KubeObject = KubeObject>(type: ResourceType, namespace?: string): T[] {
    const scope = type.namespaced ? namespace || undefined : undefined;
    return [...this.collection(type).entries()]
      .filter(([, object]) => scope === undefined || object.metadata.namespace === scope)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, object]) => structuredClone(object) as T);
  }

  /** POST: assigns name (generateName), uid, resourceVersion, creationTimestamp and generation 1; drops status for status-subresource kinds. */
  create<T extends KubeObject>(type: ResourceType, object: T): T {
    const namespace = this.requireNamespace(type, object.metadata?.namespace);
    const stored = this.prepareNew(type, object, { namespace, seeding: false });
    if (this.hasStatusSubresource(type)) delete stored.status;
    return this.insert(type, stored) as T;
  }

  /**
   * PUT (or PUT …/status with `subresource: 'status'`). A resourceVersion that is set must be the current
   * one (else 409 Conflict); an unchanged object is not written again.
   */
  update<T extends KubeObject>(type: ResourceType, object: T, options: { subresource?: string } = {}): T {
    const name = object.metadata?.name;
    if (!name) throw badRequestError('the object to update must have metadata.name');
    const namespace = this.requireNamespace(type, object.metadata?.namespace);
    const existing = this.collection(type).get(itemKeyOf(namespace, name));
    if (existing === undefined) throw notFoundError(type, name);
    const rv = object.metadata?.resourceVersion;
    if (rv && rv !== existing.metadata.resourceVersion) throw conflictError(type, name);
    return this.write(type, existing, this.mergeForUpdate(type, existing, object, options.subresource)) as T;
  }

  /** PATCH of any type; an Apply patch creates the object when it is absent. */
  patch<T extends KubeObject>(
    type: ResourceType,
    name: string,
    namespace: string | undefined,
    body: unknown,
    patchType: PatchType,
    options: { subresource?: string } = {},
  ): T {
    const scope = this.requireNamespace(type, namespace);
    const patch = decodePatchBody(body, patchType);
    const existing = this.collection(type).get(itemKeyOf(scope, name));
    if (existing === undefined) {
      if (patchType !== 'application/apply-patch+yaml') throw notFoundError(type, name);
      const created = { ...(patch as KubeObject), metadata: { ...(patch as KubeObject).metadata, name, namespace: scope } };
      return this.create(type, created) as T;
    }
    const patched = applyPatchToObject({ type, current: structuredClone(existing), patch, patchType });
    const rv = patched.metadata?.resourceVersion;
    if (rv && rv !== existing.metadata.resourceVersion) throw conflictError(type, name);
    const candidate = { ...patched, metadata: { ...patched.metadata, name, namespace: scope } };
    return this.write(type, existing, this.mergeForUpdate(type, existing, candidate, options.subresource)) as T;
  }

  /**
   * DELETE. With finalizers the object only gets a deletionTimestamp (MODIFIED) and goes when an update
   * removes the last finalizer. No garbage collection of dependents: delete them in the test if needed.
   */
  delete(type: ResourceType, name: string, namespace: string | undefined, options: DeleteOptions = {}): void {
    const scope = this.requireNamespace(type, namespace);
    const existing = this.collection(type).get(itemKeyOf(scope, name));
    if (existing === undefined) throw notFoundError(type, name);
    const { uid, resourceVersion } = options.preconditions ?? {};
    if (uid !== undefined && uid !== existing.metadata.uid) {
      throw conflictError(type, name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${existing.metadata.uid ?? ''}`);
    }
    if (resourceVersion !== undefined && resourceVersion !== existing.metadata.resourceVersion) {
      throw conflictError(type, name, `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion ?? ''}`);
    }
    if ((existing.metadata.finalizers ?? []).length > 0) {
      if (existing.metadata.deletionTimestamp !== undefined) return;
      const marked = structuredClone(existing);
      marked.metadata.deletionTimestamp = this.timestamp();
      marked.metadata.deletionGracePeriodSeconds = 0;
      this.write(type, existing, marked);
      return;
    }
    this.remove(type, existing);
  }

  /**
   * Opens a watch on one collection. Without `resourceVersion` (or "0") the current objects arrive first as
   * ADDED; with one, every retained change after it is replayed, so a watch from a list's resourceVersion
   * misses nothing. Events are delivered in order from microtasks, starting after `start()` is called.
   */
  watch(
    type: ResourceType,
    options: { namespace?: string; resourceVersion?: string; matches: (object: KubeObject) => boolean },
    handlers: { onEvent: (event: WatchEvent) => void; onClose: (err?: unknown) => void },
  ): { start: () => void; stop: (err?: unknown) => void } {
    const namespace = type.namespaced ? options.namespace || undefined : undefined;
    const subscription = { collection: collectionOf(type), namespace, matches: options.matches, ...handlers };
    const rv = options.resourceVersion;
    if (!rv || rv === '0') return this.hub.subscribe(subscription, { initial: this.list(type, namespace) });
    if (!/^\d+$/.test(rv)) throw badRequestError(`resourceVersion: Invalid value: ${JSON.stringify(rv)}: must be an integer`);
    return this.hub.subscribe(subscription, { sinceRv: Number(rv) });
  }

  /** Ends every open watch (onClose gets `err`, undefined for a clean close); returns how many. */
  closeWatches(err?: unknown): number {
    return this.hub.closeAll(err);
  }

  openWatchCount(): number {
    return this.hub.openWatchCount();
  }

  private collection(type: ResourceType): Map<string, Stored> {
    const key = collectionOf(type);
    let collection = this.collections.get(key);
    if (collection === undefined) {
      collection = new Map();
      this.collections.set(key, collection);
    }
    return collection;
  }

  private scopeOf(type: ResourceType, namespace: string | undefined): string | undefined {
    return type.namespaced ? namespace || 'default' : undefined;
  }

  /** Namespaced kinds need a namespace on every call, as the URL of a real request does. */
  private requireNamespace(type: ResourceType, namespace: string | undefined): string | undefined {
    if (!type.namespaced) return undefined;
    if (!namespace) throw badRequestError(`a namespace is required for ${type.resource} (a namespaced resource)`);
    return namespace;
  }

  private nextRv(): string {
    this.rv += 1;
    return String(this.rv);
  }

  private timestamp(): string {
    return new Date(this.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** A fresh object with server-assigned metadata (seeding keeps given ones); 422 without a name or generateName. */
  private prepareNew(type: ResourceType, object: KubeObject, scope: { namespace: string | undefined; seeding: boolean }): Stored {
    const copy = structuredClone(object) as Stored;
    const namespace = type.namespaced ? scope.namespace : undefined;
    const metadata: ObjectMeta = { ...copy.metadata };
    delete metadata.namespace;
    delete metadata.deletionTimestamp;
    delete metadata.deletionGracePeriodSeconds;
    let name = metadata.name;
    if (!name && metadata.generateName) name = this.generateName(type, namespace, metadata.generateName);
    if (!name) throw invalidError(type, '', [{ field: 'metadata.name', message: 'Required value: name or generateName is required' }]);
    const stored: Stored = {
      ...copy,
      apiVersion: apiVersionOf(type),
      kind: type.kind,
      metadata: {
        ...metadata,
        name,
        ...(namespace !== undefined ? { namespace } : {}),
        uid: (scope.seeding && metadata.uid) || this.nextUid(),
        creationTimestamp: (scope.seeding && metadata.creationTimestamp) || this.timestamp(),
        generation: (scope.seeding && metadata.generation) || 1,
      },
    };
    return stored;
  }

  private insert(type: ResourceType, stored: Stored): KubeObject {
    const key = itemKeyOf(stored.metadata.namespace, stored.metadata.name);
    const collection = this.collection(type);
    if (collection.has(key)) throw alreadyExistsError(type, stored.metadata.name);
    stored.metadata.resourceVersion = this.nextRv();
    collection.set(key, stored);
    this.hub.publish({ rv: this.rv, collection: collectionOf(type), type: 'ADDED', object: structuredClone(stored) });
    return structuredClone(stored);
  }

  /**
   * The object an update stores: server-owned metadata from the stored object; status kept from it on a
   * main-resource update of a status-subresource kind; only status taken on a status update.
   */
  private mergeForUpdate(type: ResourceType, existing: Stored, incoming: KubeObject, subresource: string | undefined): Stored {
    if (subresource !== undefined && subresource !== 'status') throw notFoundError(type, `${existing.metadata.name}/${subresource}`);
    if (subresource === 'status' && !this.hasStatusSubresource(type)) throw notFoundError(type, `${existing.metadata.name}/status`);
    const source = structuredClone(incoming) as Stored;
    let next: Stored;
    if (subresource === 'status') {
      next = structuredClone(existing);
      if (source.status === undefined) delete next.status;
      else next.status = source.status;
    } else {
      next = { ...source, apiVersion: existing.apiVersion, kind: existing.kind };
      if (this.hasStatusSubresource(type)) {
        if (existing.status === undefined) delete next.status;
        else next.status = structuredClone(existing.status);
      }
      next.metadata = {
        ...source.metadata,
        name: existing.metadata.name,
        uid: existing.metadata.uid,
        creationTimestamp: existing.metadata.creationTimestamp,
        generation: existing.metadata.generation,
        resourceVersion: existing.metadata.resourceVersion,
      } as Stored['metadata'];
      if (existing.metadata.namespace !== undefined) next.metadata.namespace = existing.metadata.namespace;
      else delete next.metadata.namespace;
      this.keepDeletionState(type, existing, next);
    }
    const tracksGeneration = subresource !== 'status';
    if (tracksGeneration && !jsonDeepEqual(contentOf(next), contentOf(existing))) next.metadata.generation = (existing.metadata.generation ?? 0) + 1;
    return next;
  }

  /** deletionTimestamp cannot be set or cleared by an update, and no finalizer can be added while deleting. */
  private keepDeletionState(type: ResourceType, existing: Stored, next: Stored): void {
    const { deletionTimestamp, deletionGracePeriodSeconds } = existing.metadata;
    delete next.metadata.deletionTimestamp;
    delete next.metadata.deletionGracePeriodSeconds;
    if (deletionTimestamp === undefined) return;
    next.metadata.deletionTimestamp = deletionTimestamp;
    if (deletionGracePeriodSeconds !== undefined) next.metadata.deletionGracePeriodSeconds = deletionGracePeriodSeconds;
    const before = new Set(existing.metadata.finalizers ?? []);
    const added = (next.metadata.finalizers ?? []).filter((finalizer) => !before.has(finalizer));
    if (added.length > 0) {
      throw invalidError(type, existing.metadata.name, [
        { field: 'metadata.finalizers', message: `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers ${JSON.stringify(added)}` },
      ]);
    }
  }

  /** Stores `next` (unless nothing changed) and publishes MODIFIED, or DELETED when the last finalizer of a deleting object went. */
  private write(type: ResourceType, existing: Stored, next: Stored): KubeObject {
    if (jsonDeepEqual(next, existing)) return structuredClone(existing);
    if (next.metadata.deletionTimestamp !== undefined && (next.metadata.finalizers ?? []).length === 0) {
      this.remove(type, next);
      return structuredClone(next);
    }
    next.metadata.resourceVersion = this.nextRv();
    this.collection(type).set(itemKeyOf(next.metadata.namespace, next.metadata.name), next);
    this.hub.publish({ rv: this.rv, collection: collectionOf(type), type: 'MODIFIED', object: structuredClone(next), previous: structuredClone(existing) });
    return structuredClone(next);
  }

  private remove(type: ResourceType, object: Stored): void {
    this.collection(type).delete(itemKeyOf(object.metadata.namespace, object.metadata.name));
    const gone = structuredClone(object);
    gone.metadata.resourceVersion = this.nextRv();
    this.hub.publish({ rv: this.rv, collection: collectionOf(type), type: 'DELETED', object: gone });
  }

  private generateName(type: ResourceType, namespace: string | undefined, prefix: string): string {
    for (let attempt = 0; attempt < 100; attempt++) {
      let suffix = '';
      for (let i = 0; i < 5; i++) suffix += GENERATE_NAME_ALPHABET[Math.floor(this.random() * GENERATE_NAME_ALPHABET.length)] ?? 'x';
      const name = `${prefix}${suffix}`;
      if (!this.collection(type).has(itemKeyOf(namespace, name))) return name;
    }
    throw alreadyExistsError(type, `${prefix}*`);
  }

  /** Deterministic UUID-shaped uids, so test output is reproducible. */
  private nextUid(): string {
    this.uidCounter += 1;
    return `00000000-0000-4000-8000-${String(this.uidCounter).padStart(12, '0')}`;
  }
}
