// The narrow client interface every controller uses; the real facade and the fake client both implement it.
import type { DeleteOptions, KubeObject, ObjectList, WatchEvent } from '../types/meta.js';
import type { ResourceType } from './resource-type.js';

/** The patch content types the API server accepts. */
export const PatchType = {
  Json: 'application/json-patch+json',
  Merge: 'application/merge-patch+json',
  StrategicMerge: 'application/strategic-merge-patch+json',
  Apply: 'application/apply-patch+yaml',
} as const;
export type PatchType = (typeof PatchType)[keyof typeof PatchType];

export interface ListOptions {
  /** Omit for all namespaces (or for cluster-scoped resources). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
}

export interface WatchOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Start after this resourceVersion; the server replays what came since, or answers 410 Gone. */
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
}

export interface WriteOptions {
  fieldManager?: string;
  dryRun?: boolean;
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
}

export interface PatchOptions extends WriteOptions {
  /** `status` or `scale`; omit for the main resource. */
  subresource?: string;
  /** Server-side apply: take ownership of conflicting fields. */
  force?: boolean;
}

export interface WatchHandlers<T extends KubeObject> {
  /** Called for every event, ERROR events included (their object is a Status). */
  onEvent(event: WatchEvent<T>): void;
  /** Called once when the stream ends: `err` undefined for a clean close by the server or by `stop()`. */
  onClose(err?: unknown): void;
}

/** A running watch; `stop()` closes it and then `onClose` fires with no error. */
export interface WatchHandle {
  stop(): void;
}

/**
 * Typed access to any group, version and kind, CRDs included.
 * Every failure is an `ApiError` (see errors/api-error.ts) carrying the server's Status.
 */
export interface KubeClient {
  get<T extends KubeObject>(type: ResourceType, name: string, namespace?: string): Promise<T>;
  list<T extends KubeObject>(type: ResourceType, options?: ListOptions): Promise<ObjectList<T>>;
  /** Resolves once the stream is open (response headers received); a non-2xx status rejects with an ApiError. */
  watch<T extends KubeObject>(type: ResourceType, options: WatchOptions, handlers: WatchHandlers<T>): Promise<WatchHandle>;
  create<T extends KubeObject>(type: ResourceType, object: T, options?: WriteOptions): Promise<T>;
  update<T extends KubeObject>(type: ResourceType, object: T, options?: WriteOptions): Promise<T>;
  updateStatus<T extends KubeObject>(type: ResourceType, object: T, options?: WriteOptions): Promise<T>;
  /** `patch` is an object (merge, strategic, apply) or an array of operations (JSON patch). */
  patch<T extends KubeObject>(
    type: ResourceType,
    name: string,
    namespace: string | undefined,
    patch: unknown,
    patchType: PatchType,
    options?: PatchOptions,
  ): Promise<T>;
  delete(type: ResourceType, name: string, namespace?: string, options?: DeleteOptions): Promise<void>;
}
