// The Store interface: durable, revisioned object storage with watch, as etcd/kine give the real API server.
import type { KubeObject } from '@aviary/kube';

/**
 * Keys are `/<group or "core">/<resource>/<namespace>/<name>`, or `/<group>/<resource>/<name>` for
 * cluster-scoped resources (see storage/keys.ts). A prefix ending in `/` selects a collection.
 */
export type StoreKey = string;

/** An object as stored: `object.metadata.resourceVersion` always equals `String(revision)`. */
export interface StoredObject {
  readonly key: StoreKey;
  /** The revision of the write that produced this value (the Kubernetes resourceVersion). */
  readonly revision: number;
  readonly object: KubeObject;
  /**
   * `JSON.stringify(object)` as the store keeps it, when the store keeps JSON (both built-in stores do): lets a
   * caller send the object without encoding it again. Non-enumerable where present.
   */
  readonly json?: string;
}

export const StoreEventType = { Added: 'ADDED', Modified: 'MODIFIED', Deleted: 'DELETED' } as const;
export type StoreEventType = (typeof StoreEventType)[keyof typeof StoreEventType];

/** One committed change. For DELETED, `object` is the last value with resourceVersion set to the delete's revision. */
export interface StoreEvent {
  readonly type: StoreEventType;
  readonly key: StoreKey;
  readonly revision: number;
  readonly object: KubeObject;
  /** The value before this change (undefined for ADDED). */
  readonly previous?: KubeObject;
  /** `JSON.stringify(object)` as stored, when the store keeps JSON (non-enumerable where present). */
  readonly json?: string;
  /**
   * For live ADDED and MODIFIED events: the object exactly as given to the write (without its new
   * resourceVersion), so in-process listeners that only look (the garbage collector, selector matching)
   * need not decode `json`. Read-only, and only during delivery: copy what you keep. Absent in replays.
   */
  readonly written?: KubeObject;
}

export interface ListResult {
  readonly items: StoredObject[];
  /** The store revision the list reflects (the list's resourceVersion). */
  readonly revision: number;
  /** Set when `limit` cut the list: pass it back as `continueAfter` for the next page. */
  readonly continueAfter?: StoreKey;
}

export interface ListParams {
  limit?: number;
  /** Return only keys strictly greater than this one (paging). */
  continueAfter?: StoreKey;
  /** Keep only objects this predicate accepts; `limit` counts accepted objects. */
  filter?: (object: KubeObject) => boolean;
}

export type StoreListener = (event: StoreEvent) => void;

export interface StoreWatch {
  /** Stops delivery; safe to call more than once. */
  stop(): void;
}

/**
 * Revisioned storage. All methods are synchronous: a write is visible to reads and in-process watchers when
 * the method returns. It is durable once `durableRevision()` reaches its revision: at once for the memory
 * store, after the group commit at the end of the event-loop turn for SQLite. Whoever reports a write to
 * the outside world (an HTTP response, a watch line) waits for `whenDurable` first.
 * Every write takes the next global revision and sets metadata.resourceVersion to it.
 */
export interface Store {
  /** The revision of the newest write (0 when empty); survives restarts once durable. */
  currentRevision(): number;
  /** Every write up to this revision survives the process being killed. */
  durableRevision(): number;
  /**
   * Resolves once `durableRevision() >= revision`; rejects with StoreFailedError if the writes could not be
   * committed (the store then refuses every further call).
   */
  whenDurable(revision: number): Promise<void>;
  get(key: StoreKey): StoredObject | undefined;
  /** Every live object whose key starts with `prefix`, in key order. */
  list(prefix: StoreKey, params?: ListParams): ListResult;
  /** Throws KeyExistsError if the key is live. */
  create(key: StoreKey, object: KubeObject): StoredObject;
  /**
   * Replaces the value. Throws KeyNotFoundError if absent, and RevisionConflictError if
   * `expectedRevision` is given and is not the current revision of the key.
   */
  update(key: StoreKey, object: KubeObject, expectedRevision?: number): StoredObject;
  /** Removes the key; returns the last value. Throws KeyNotFoundError / RevisionConflictError as update does. */
  delete(key: StoreKey, expectedRevision?: number): StoredObject;
  /**
   * Delivers, in revision order, every event under `prefix` with revision > `afterRevision`
   * (replayed from history first, then live), synchronously after each commit.
   * Throws CompactedError when `afterRevision` is older than the retained history.
   */
  watch(prefix: StoreKey, afterRevision: number, listener: StoreListener): StoreWatch;
  /** The oldest revision a watch can still start after. */
  oldestWatchableRevision(): number;
  /** Drops history older than the newest `keepRevisions` revisions. */
  compact(keepRevisions: number): void;
  close(): void;
}

export class KeyExistsError extends Error {
  override readonly name = 'KeyExistsError';
  constructor(readonly key: StoreKey) {
    super(`key ${key} already exists`);
  }
}

export class KeyNotFoundError extends Error {
  override readonly name = 'KeyNotFoundError';
  constructor(readonly key: StoreKey) {
    super(`key ${key} not found`);
  }
}

export class RevisionConflictError extends Error {
  override readonly name = 'RevisionConflictError';
  constructor(
    readonly key: StoreKey,
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(`key ${key} is at revision ${actualRevision}, not ${expectedRevision}`);
  }
}

/** The requested revision is older than the retained history (the API server answers 410 Gone). */
export class CompactedError extends Error {
  override readonly name = 'CompactedError';
  constructor(
    readonly requestedRevision: number,
    readonly oldestRevision: number,
  ) {
    super(`too old resource version: ${requestedRevision} (${oldestRevision})`);
  }
}
