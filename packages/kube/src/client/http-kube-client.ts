// HttpKubeClient: the real KubeClient, speaking the Kubernetes REST API over keep-alive HTTP(S) or a given transport.
import type { KubeConfig } from '@kubernetes/client-node';
import { ApiError } from '../errors/api-error.js';
import type { DeleteOptions, KubeObject, ObjectList } from '../types/meta.js';
import { HttpTransport, type HttpTransportOptions } from './http-transport.js';
import type { KubeTransport, TransportRequest } from './kube-transport.js';
import type {
  KubeClient,
  ListOptions,
  PatchOptions,
  PatchType,
  WatchHandle,
  WatchHandlers,
  WatchOptions,
  WriteOptions,
} from './kube-client.js';
import { loadKubeConfig, SERVICE_ACCOUNT_DIR, type LoadKubeConfigOptions } from './kubeconfig.js';
import { isLiteCapable, liteKubeConfigAdapter, readLiteInClusterConfig, readLiteKubeconfig } from './kubeconfig-lite.js';
import { buildListQuery, buildPatchQuery, buildWatchQuery, buildWriteQuery } from './query-string.js';
import { collectionPath, itemPath, type ResourceType } from './resource-type.js';
import { consumeWatchStream } from './watch-stream.js';

export interface HttpKubeClientOptions extends Omit<HttpTransportOptions, 'kubeConfig'> {
  kubeConfig: KubeConfig;
  /** The field manager for server-side apply when a patch names none; default 'aviary'. */
  fieldManager?: string;
}

/** A client over a transport built elsewhere (the embedded API server's in-process one). */
export interface TransportKubeClientOptions {
  transport: KubeTransport;
  /** The field manager for server-side apply when a patch names none; default 'aviary'. */
  fieldManager?: string;
}

export class HttpKubeClient implements KubeClient {
  private readonly options: HttpKubeClientOptions | TransportKubeClientOptions;
  private transport: Promise<KubeTransport> | undefined;

  constructor(options: HttpKubeClientOptions | TransportKubeClientOptions) {
    this.options = options;
  }

  get<T extends KubeObject>(type: ResourceType, name: string, namespace?: string): Promise<T> {
    return this.send<T>({ method: 'GET', path: itemPath(type, name, namespace) });
  }

  list<T extends KubeObject>(type: ResourceType, options: ListOptions = {}): Promise<ObjectList<T>> {
    return this.send<ObjectList<T>>({ method: 'GET', path: collectionPath(type, options.namespace) + buildListQuery(options) });
  }

  async watch<T extends KubeObject>(type: ResourceType, options: WatchOptions, handlers: WatchHandlers<T>): Promise<WatchHandle> {
    const transport = await this.getTransport();
    const path = collectionPath(type, options.namespace) + buildWatchQuery(options);
    const { request, response } = await transport.openStream(path);
    const code = response.statusCode ?? 0;
    if (code < 200 || code >= 300) {
      const body = await readBody(response);
      throw ApiError.fromResponse(code, body);
    }
    return consumeWatchStream({ request, response, handlers });
  }

  create<T extends KubeObject>(type: ResourceType, object: T, options: WriteOptions = {}): Promise<T> {
    const path = collectionPath(type, object.metadata?.namespace) + buildWriteQuery(options);
    return this.send<T>({ method: 'POST', path, body: JSON.stringify(object) });
  }

  update<T extends KubeObject>(type: ResourceType, object: T, options: WriteOptions = {}): Promise<T> {
    return this.put(type, object, options, undefined);
  }

  updateStatus<T extends KubeObject>(type: ResourceType, object: T, options: WriteOptions = {}): Promise<T> {
    return this.put(type, object, options, 'status');
  }

  patch<T extends KubeObject>(
    type: ResourceType,
    name: string,
    namespace: string | undefined,
    patch: unknown,
    patchType: PatchType,
    options: PatchOptions = {},
  ): Promise<T> {
    const query = buildPatchQuery({ patch: options, patchType, defaultFieldManager: this.options.fieldManager ?? 'aviary' });
    const path = itemPath(type, name, namespace, options.subresource) + query;
    return this.send<T>({ method: 'PATCH', path, body: JSON.stringify(patch), contentType: patchType });
  }

  async delete(type: ResourceType, name: string, namespace?: string, options?: DeleteOptions): Promise<void> {
    const body = options ? JSON.stringify({ apiVersion: 'v1', kind: 'DeleteOptions', ...options }) : undefined;
    await this.send<unknown>({ method: 'DELETE', path: itemPath(type, name, namespace), ...(body ? { body } : {}) });
  }

  /** Releases the transport's connections so a process can exit; stop open watches first (they would end as dropped). */
  async close(): Promise<void> {
    if ('transport' in this.options) this.options.transport.close();
    else if (this.transport) (await this.transport).close();
  }

  private put<T extends KubeObject>(type: ResourceType, object: T, options: WriteOptions, subresource: string | undefined): Promise<T> {
    const name = object.metadata?.name;
    if (!name) return Promise.reject(missingNameError(type));
    const path = itemPath(type, name, object.metadata?.namespace, subresource) + buildWriteQuery(options);
    return this.send<T>({ method: 'PUT', path, body: JSON.stringify(object) });
  }

  private async send<R>(request: TransportRequest): Promise<R> {
    const transport = await this.getTransport();
    const response = await transport.request(request);
    if (response.statusCode < 200 || response.statusCode >= 300) throw ApiError.fromResponse(response.statusCode, response.body);
    return (response.body === '' ? undefined : JSON.parse(response.body)) as R;
  }

  private getTransport(): Promise<KubeTransport> {
    if ('transport' in this.options) return Promise.resolve(this.options.transport);
    if (!this.transport) {
      const { fieldManager: _fieldManager, ...transportOptions } = this.options;
      this.transport = HttpTransport.create(transportOptions);
      // A failed setup (unreadable CA file, …) is retried by the next call rather than cached.
      this.transport.catch(() => {
        this.transport = undefined;
      });
    }
    return this.transport;
  }
}

function missingNameError(type: ResourceType): ApiError {
  return new ApiError({
    apiVersion: 'v1',
    kind: 'Status',
    status: 'Failure',
    code: 422,
    reason: 'Invalid',
    message: `${type.kind}: metadata.name is required to update an object`,
    details: { kind: type.kind, causes: [{ field: 'metadata.name', reason: 'FieldValueRequired', message: 'Required value' }] },
  });
}

function readBody(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

export interface CreateKubeClientOptions extends LoadKubeConfigOptions, Omit<HttpKubeClientOptions, 'kubeConfig'> {}

/** Loads the kubeconfig (see loadKubeConfig) and builds a client for it, with the namespace to work in. */
export function createKubeClient(options: CreateKubeClientOptions = {}): { client: HttpKubeClient; kubeConfig: KubeConfig; namespace: string } {
  const { kubeconfig, context, namespace: namespaceFlag, env, homeDir, serviceAccountDir, ...clientOptions } = options;
  const { kubeConfig, namespace } = loadKubeConfig({ kubeconfig, context, namespace: namespaceFlag, env, homeDir, serviceAccountDir });
  return { client: new HttpKubeClient({ ...clientOptions, kubeConfig }), kubeConfig, namespace };
}

/**
 * Like createKubeClient, but without loading @kubernetes/client-node (about 48 MiB of memory and half a second of
 * start-up) when the kubeconfig is a plain one — tokens, client certificates or basic auth, no exec or
 * auth-provider credentials and no proxy — or the in-cluster service account; otherwise createKubeClient's loader.
 */
export function createLeanKubeClient(options: CreateKubeClientOptions = {}): { client: HttpKubeClient; namespace: string } {
  const { kubeconfig, context, namespace, env = process.env, homeDir, serviceAccountDir, ...clientOptions } = options;
  const lite = readLiteKubeconfig({ kubeconfig, context, namespace }, env, homeDir) ?? (context === undefined ? readLiteInClusterConfig(serviceAccountDir ?? SERVICE_ACCOUNT_DIR, env) : undefined);
  if (lite === undefined || !isLiteCapable(lite)) {
    const created = createKubeClient(options);
    return { client: created.client, namespace: created.namespace };
  }
  // The transport asks its KubeConfig only for the current cluster, user and HTTPS options; the adapter answers.
  const kubeConfig = liteKubeConfigAdapter(lite) as unknown as KubeConfig;
  return { client: new HttpKubeClient({ ...clientOptions, kubeConfig }), namespace: namespace || lite.namespace };
}
