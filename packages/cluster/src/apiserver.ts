// startApiServer: the embedded Kubernetes API server — storage, registry, REST, watch, garbage collection and
// CRDs behind HTTPS with a bearer token, and a kubeconfig in the data directory for kubectl and clients.
import { HttpKubeClient, realClock, type Clock, type KubeClient, type KubeObject } from '@aviary/kube';
import { GarbageCollector } from './gc/garbage-collector.js';
import { ensureSystemNamespaces } from './gc/system-namespaces.js';
import { builtinResources, ResourceRegistry } from './registry/index.js';
import { startCrdRegistration } from './rest/crd-registration.js';
import { ObjectService } from './rest/object-service.js';
import type { RestContext } from './rest/rest-context.js';
import type { WatchServerOptions } from './rest/watch-stream.js';
import { SqliteStore, stateDbPath } from './storage/sqlite-store.js';
import type { Store } from './storage/store.js';
import { ensureBearerToken } from './server/bearer-token.js';
import { applyHook, trackManagedFieldsHook } from './apply/index.js';
import { argoprojCrds, resourceInfosFromCrd } from './crds/index.js';
import { discoveryPathHandler } from './discovery/index.js';
import { openApiPathHandler, validateWithSchemas } from './openapi/index.js';
import { convertToTable } from './tables/index.js';
import { listenHttps } from './server/https-server.js';
import { LoopbackTransport } from './server/loopback-transport.js';
import { writeKubeconfig } from './server/kubeconfig-writer.js';
import type { ApiServerPlugins, PluginContext, ResolvedPlugins } from './server/plugins.js';
import { defaultMaxBodyBytes } from './server/request-body.js';
import { createRequestHandler } from './server/router.js';
import { ensureTlsMaterial } from './server/tls-material.js';
import { serverVersion } from './server/version-info.js';

export interface ApiServerOptions {
  /** Holds pki/, token, kubeconfig and (with the default store) state.db. */
  dataDir: string;
  /** Default 6443; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: SQLite in `<dataDir>/state.db` (closed by close()). A given store is left open. */
  store?: Store;
  /** Default: the built-in resources. CRDs add and remove entries at run time. */
  registry?: ResourceRegistry;
  clock?: Clock;
  plugins?: ApiServerPlugins;
  /** Objects created at start when absent, in order. Cluster-scoped or with metadata.namespace. */
  seedObjects?: readonly KubeObject[];
  /** Service cluster IPs come from this range; default 127.96.0.0/16 (two clusters on one machine need distinct ones). */
  serviceCidr?: string;
  /** Install the Argo Rollouts CRDs at start (default true), as `aviary up` and `aviary apiserver` need. */
  installArgoprojCrds?: boolean;
  /** Default 3 MiB. */
  maxBodyBytes?: number;
  watch?: Partial<Omit<WatchServerOptions, 'active'>>;
  /** Garbage collector failures retries did not fix (default: console.error). */
  onBackgroundError?: (error: unknown, item: string) => void;
}

export interface ApiServer {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly kubeconfigPath: string;
  readonly token: string;
  readonly caCertPem: string;
  readonly store: Store;
  readonly registry: ResourceRegistry;
  /** The object semantics the REST handlers use, for in-process callers (seeding, tests). */
  readonly objects: ObjectService;
  readonly gc: GarbageCollector;
  /**
   * A KubeClient for code in this process (the embedded cluster's controllers and kubelet): the same request
   * pipeline as HTTPS clients, token included, without TLS or sockets. Calls fail once the server is closed.
   */
  loopbackClient(options?: { userAgent?: string; fieldManager?: string }): KubeClient;
  close(): Promise<void>;
}

/** The server's plugins: the real discovery, OpenAPI, schema validation, tables and CRD support unless replaced. */
export function resolvePlugins(plugins: ApiServerPlugins = {}): ResolvedPlugins {
  return {
    discovery: plugins.discovery ?? discoveryPathHandler,
    openapi: plugins.openapi ?? openApiPathHandler,
    validate: plugins.validate ?? validateWithSchemas,
    toTable: plugins.toTable ?? ((input) => convertToTable(input.info, input.objects, { now: input.now, ...(input.listMeta ? { listMeta: input.listMeta } : {}) })),
    serverSideApply: plugins.serverSideApply ?? applyHook,
    trackManagedFields: plugins.trackManagedFields ?? trackManagedFieldsHook,
    crdResourceInfos: plugins.crdResourceInfos ?? ((crd) => resourceInfosFromCrd(crd as never)),
    ...(plugins.podLogs !== undefined ? { podLogs: plugins.podLogs } : {}),
  };
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  const ownStore = options.store === undefined;
  const store = options.store ?? SqliteStore.open({ path: stateDbPath(options.dataDir), compactKeep: 50_000, backgroundCheckpoint: true });
  const registry = options.registry ?? new ResourceRegistry(builtinResources);
  const clock = options.clock ?? realClock;
  const plugins = resolvePlugins(options.plugins);
  const pluginContext: PluginContext = { registry, store, clock };
  const context: RestContext = { store, registry, clock, plugins, pluginContext, ...(options.serviceCidr ? { serviceCidr: options.serviceCidr } : {}) };
  const objects = new ObjectService(context);
  const crdWatch = startCrdRegistration(context);
  const gc = new GarbageCollector({ service: objects, ...(options.onBackgroundError ? { onError: options.onBackgroundError } : {}) });
  try {
    ensureSystemNamespaces(objects);
    seedObjects(objects, registry, [...(options.installArgoprojCrds === false ? [] : argoprojCrds()), ...(options.seedObjects ?? [])]);
    gc.start();
    const tls = ensureTlsMaterial({ dataDir: options.dataDir, extraHosts: [host] });
    const token = ensureBearerToken(options.dataDir);
    const watch: WatchServerOptions = {
      bookmarkIntervalMs: options.watch?.bookmarkIntervalMs ?? 60_000,
      maxBufferedBytes: options.watch?.maxBufferedBytes ?? 16 * 1024 * 1024,
      minRequestTimeoutMs: options.watch?.minRequestTimeoutMs ?? 30 * 60_000,
      active: new Set(),
    };
    const handler = createRequestHandler({ token, service: objects, plugins, maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes, watch, version: serverVersion() });
    const listener = await listenHttps({
      tls,
      host,
      port: options.port ?? 6443,
      handler,
      beforeClose: () => {
        for (const end of [...watch.active]) end();
      },
    });
    const loopbacks: LoopbackTransport[] = [];
    const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    const url = `https://${urlHost}:${listener.port}`;
    const kubeconfigPath = writeKubeconfig({ dataDir: options.dataDir, server: url, caCertPem: tls.caCertPem, token });
    return {
      url,
      port: listener.port,
      kubeconfigPath,
      token,
      caCertPem: tls.caCertPem,
      store,
      registry,
      objects,
      gc,
      loopbackClient(clientOptions = {}) {
        const transport = new LoopbackTransport({ handler, token, ...(clientOptions.userAgent !== undefined ? { userAgent: clientOptions.userAgent } : {}) });
        loopbacks.push(transport);
        return new HttpKubeClient({ transport, ...(clientOptions.fieldManager !== undefined ? { fieldManager: clientOptions.fieldManager } : {}) });
      },
      async close() {
        gc.stop();
        for (const transport of loopbacks) transport.shutdown();
        await listener.close();
        crdWatch.stop();
        if (ownStore) store.close();
      },
    };
  } catch (err: unknown) {
    gc.stop();
    crdWatch.stop();
    if (ownStore) store.close();
    throw err;
  }
}

function seedObjects(objects: ObjectService, registry: ResourceRegistry, seeds: readonly KubeObject[]): void {
  for (const seed of seeds) {
    const [group, version] = (seed.apiVersion ?? '').includes('/') ? (seed.apiVersion ?? '').split('/') : ['', seed.apiVersion ?? ''];
    const info = registry.lookupKind(group ?? '', version ?? '', seed.kind ?? '');
    if (info === undefined) throw new Error(`seed object ${seed.apiVersion}/${seed.kind} ${seed.metadata?.name}: kind not served`);
    const namespace = info.namespaced ? (seed.metadata?.namespace ?? 'default') : undefined;
    if (objects.find(info, namespace, seed.metadata?.name ?? '') !== undefined) continue;
    objects.create(info, namespace, structuredClone(seed));
  }
}
