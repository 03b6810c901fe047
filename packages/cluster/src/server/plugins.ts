// The API server's hook points: discovery, OpenAPI, validation, tables, server-side apply, managed fields and CRD
// conversion. Each has a simple default here, so the server works before the real implementations are wired in.
import type { IncomingHttpHeaders } from 'node:http';
import type { Clock, KubeObject, ListMeta, Table } from '@aviary/kube';
import type { ResourceInfo, ResourceRegistry } from '../registry/index.js';
import type { Store } from '../storage/store.js';
import type { FieldError } from './api-errors.js';

/** What every hook can read: the live registry (CRDs come and go) and the store. */
export interface PluginContext {
  readonly registry: ResourceRegistry;
  readonly store: Store;
  readonly clock: Clock;
}

/** A non-resource request a path handler may answer (`/api`, `/apis/apps/v1`, `/openapi/v3/...`). */
export interface PathRequest {
  readonly method: string;
  /** The URL path without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
}

export interface PathResponse {
  /** Default 200. */
  readonly statusCode?: number;
  /** Default `application/json`. */
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A string or Buffer is sent as is; anything else is sent as JSON. */
  readonly body: unknown;
}

/** Answers the paths it owns and returns undefined for every other path. May throw an ApiError. */
export type PathHandler = (request: PathRequest, context: PluginContext) => PathResponse | undefined;

export const FieldValidation = { Strict: 'Strict', Warn: 'Warn', Ignore: 'Ignore' } as const;
export type FieldValidation = (typeof FieldValidation)[keyof typeof FieldValidation];

export interface ValidateInput {
  readonly info: ResourceInfo;
  readonly operation: 'create' | 'update';
  /** `status` or `scale` for subresource writes. */
  readonly subresource?: string;
  /** The object to be stored: apiVersion, kind and metadata already filled in. */
  readonly object: KubeObject;
  readonly oldObject?: KubeObject;
  readonly fieldValidation: FieldValidation;
}

export interface ValidateResult {
  /** The object after defaulting and pruning unknown fields (`input.object` itself when nothing changed). */
  readonly object: KubeObject;
  /** Unknown fields, as paths (`spec.foo`): Strict answers 400, Warn adds Warning headers, Ignore is silent. */
  readonly unknownFields?: readonly string[];
  /** Schema violations: answered 422 Invalid with one cause each. */
  readonly errors?: readonly FieldError[];
  /** Sent as `Warning: 299 - "…"` headers. */
  readonly warnings?: readonly string[];
}

export interface TableInput {
  readonly info: ResourceInfo;
  readonly objects: readonly KubeObject[];
  /** The list metadata for list responses; undefined for a single object or a watch event. */
  readonly listMeta?: ListMeta;
  /** Milliseconds since the epoch, for AGE cells. */
  readonly now: number;
}

export interface ApplyInput {
  readonly info: ResourceInfo;
  /** The live object, or undefined when absent (apply then creates it). */
  readonly live: KubeObject | undefined;
  /** The applied configuration: the decoded YAML/JSON body. */
  readonly patch: KubeObject;
  readonly fieldManager: string;
  readonly force: boolean;
  readonly subresource?: string;
  /** RFC 3339 time for managedFields entries. */
  readonly now: string;
}

export interface ManagedFieldsInput {
  readonly info: ResourceInfo;
  readonly live: KubeObject | undefined;
  /** The object about to be stored. */
  readonly object: KubeObject;
  readonly fieldManager: string;
  readonly subresource?: string;
  readonly now: string;
}

/** What `kubectl logs` asks for (the pods/log subresource's query parameters). */
export interface PodLogsInput {
  readonly namespace: string;
  readonly pod: string;
  readonly container?: string;
  readonly follow: boolean;
  readonly previous: boolean;
  readonly timestamps: boolean;
  readonly tailLines?: number;
  readonly sinceSeconds?: number;
  readonly limitBytes?: number;
}

export interface ApiServerPlugins {
  /** Discovery documents (`/api`, `/api/v1`, `/apis`, `/apis/<g>`, `/apis/<g>/<v>`). Default: legacy discovery only. */
  discovery?: PathHandler;
  /** `/openapi/v2`, `/openapi/v3`, `/openapi/v3/<gv>`. Default: none (404). */
  openapi?: PathHandler;
  /** Validation, defaulting and pruning of every object written. Default: pass-through. */
  validate?: (input: ValidateInput, context: PluginContext) => ValidateResult;
  /** Table conversion: one row per input object, in order (the server fills `rows[].object`). Default: NAME, AGE. */
  toTable?: (input: TableInput, context: PluginContext) => Table;
  /**
   * Server-side apply: returns the object to store, with managedFields updated. Throw an ApiError
   * (409 Conflict with causes) on conflicts when `force` is false. Default: create if absent, else merge patch.
   */
  serverSideApply?: (input: ApplyInput, context: PluginContext) => KubeObject;
  /** managedFields bookkeeping for non-apply writes (operation Update). Default: leaves managedFields as they are. */
  trackManagedFields?: (input: ManagedFieldsInput, context: PluginContext) => KubeObject;
  /** The ResourceInfos a CustomResourceDefinition serves (one per served version). Default: a minimal conversion. */
  crdResourceInfos?: (crd: KubeObject) => ResourceInfo[];
  /**
   * The text of a container's log (pods/log), from the node that runs the pod. Reject with an ApiError for
   * a bad request (unknown container, no previous instance). Default: none, so pods/log answers 404.
   */
  podLogs?: (input: PodLogsInput, context: PluginContext) => Promise<NodeJS.ReadableStream>;
}

/** Every hook present: the given ones, defaults for the rest. */
export type ResolvedPlugins = Required<Omit<ApiServerPlugins, 'openapi' | 'podLogs'>> & Pick<ApiServerPlugins, 'openapi' | 'podLogs'>;
