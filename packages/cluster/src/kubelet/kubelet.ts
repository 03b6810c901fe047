// startKubelet: the local node `aviary-local` — registers the Node, schedules pods to it, runs them, reports status.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  InformerFactory,
  isNotFound,
  realClock,
  Resources,
  type Clock,
  type ConfigMap,
  type DeepReadonly,
  type EventRecorder,
  type KubeClient,
  type Pod,
  type Secret,
} from '@aviary/kube';
import type { RuntimeRegistry } from '../runtime/index.js';
import type { EnvObjectSource } from './container-env.js';
import type { KubeletContext } from './kubelet-context.js';
import { readLogs, type LogSource, type ReadLogsOptions } from './log-reader.js';
import { NodeStatusReporter } from './node-status.js';
import { NODE_IP, PodNetwork } from './pod-network.js';
import { PodWorker } from './pod-worker.js';
import { RestartBackoff } from './restart-backoff.js';
import { PodScheduler } from './scheduler.js';
import { StatusWriter } from './status-writer.js';
import { removeTree } from './remove-tree.js';

export const DEFAULT_NODE_NAME = 'aviary-local';

export interface KubeletOptions {
  readonly client: KubeClient;
  /** Picks the runtime (process, catalog, simulated) for each container. */
  readonly runtimes: RuntimeRegistry;
  /** Pod folders go to `<dataDir>/pods/<uid>/`. */
  readonly dataDir: string;
  readonly clock?: Clock;
  readonly nodeName?: string;
  /** Every container simulated (`aviary up --simulate-pods`); default: the registry's setting. */
  readonly simulatePods?: boolean;
  readonly recorder?: EventRecorder;
  /** The loopback /16 pods get addresses from; default 127.10.0.0/16 (tests use others). */
  readonly podSubnet?: string;
  /** Distinct per-pod addresses; default on Linux only. */
  readonly perPodAddresses?: boolean;
  /** The longest a container gets between SIGTERM and SIGKILL when the kubelet stops; default 10 s. */
  readonly shutdownGracePeriodSeconds?: number;
  /** Status writes and bindings in flight at once; default 16. */
  readonly concurrency?: number;
  /** Where unexpected failures go; default console.warn. */
  readonly log?: (message: string, error?: unknown) => void;
}

export interface Kubelet {
  readonly nodeName: string;
  /** A container's log as `kubectl logs` shows it; rejects with an ApiError (400/404) when it cannot. */
  readLogs(options: ReadLogsOptions): Promise<Readable>;
  /** Resolves once no status write is pending (tests and benchmarks). */
  settled(): Promise<void>;
  /** Stops every container (grace, then kill) and resolves when none is left. Pod objects are kept. */
  stop(): Promise<void>;
}

function defaultLog(message: string, error?: unknown): void {
  console.warn(`kubelet: ${message}${error === undefined ? '' : `: ${error instanceof Error ? error.message : String(error)}`}`);
}

/** ConfigMaps and Secrets read at container start (fresh each time, as the kubelet's Get strategy). */
function createEnvSource(client: KubeClient): EnvObjectSource {
  const getOrUndefined = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch (error: unknown) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  return {
    getConfigMap: (namespace, name) => getOrUndefined(() => client.get<ConfigMap>(Resources.configMaps, name, namespace)),
    getSecret: (namespace, name) => getOrUndefined(() => client.get<Secret>(Resources.secrets, name, namespace)),
  };
}

function specChanged(before: DeepReadonly<Pod>, after: DeepReadonly<Pod>): boolean {
  return (
    before.metadata?.deletionTimestamp !== after.metadata?.deletionTimestamp ||
    before.metadata?.deletionGracePeriodSeconds !== after.metadata?.deletionGracePeriodSeconds ||
    before.spec?.nodeName !== after.spec?.nodeName
  );
}

export async function startKubelet(options: KubeletOptions): Promise<Kubelet> {
  const clock = options.clock ?? realClock;
  const nodeName = options.nodeName ?? DEFAULT_NODE_NAME;
  const log = options.log ?? defaultLog;
  const { client } = options;
  const podsDir = join(options.dataDir, 'pods');
  const simulatePods = options.simulatePods ?? options.runtimes.simulatePods;
  const workers = new Map<string, PodWorker>();
  let stopping = false;

  const nodeReporter = new NodeStatusReporter({ client, clock, nodeName, dataDir: options.dataDir, log });
  await nodeReporter.start();

  const statusWriter = new StatusWriter({ client, clock, log, lookup: (uid) => workers.get(uid), ...(options.concurrency ? { concurrency: options.concurrency } : {}) });
  const context: KubeletContext = {
    client,
    clock,
    nodeName,
    hostIP: NODE_IP,
    runtimes: simulatePods && !options.runtimes.simulatePods ? forceSimulated(options.runtimes) : options.runtimes,
    network: new PodNetwork({ ...(options.podSubnet ? { subnet: options.podSubnet } : {}), ...(options.perPodAddresses === undefined ? {} : { perPodAddresses: options.perPodAddresses }) }),
    backoff: new RestartBackoff(),
    envSources: createEnvSource(client),
    podsDir,
    recorder: options.recorder,
    routineEvents: !simulatePods,
    nodeAllocatable: nodeReporter.allocatable,
    markStatusDirty: (uid) => statusWriter.markDirty(uid),
    deletePod: async (pod) => {
      try {
        await client.delete(Resources.pods, pod.metadata?.name ?? '', pod.metadata?.namespace, {
          gracePeriodSeconds: 0,
          ...(pod.metadata?.uid ? { preconditions: { uid: pod.metadata.uid } } : {}),
        });
      } catch (error: unknown) {
        if (!isNotFound(error)) log(`deleting pod ${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`, error);
      }
    },
    log,
  };
  const scheduler = new PodScheduler({ client, clock, nodeName, nodeLabels: nodeReporter.labels, recorder: options.recorder, log, ...(options.concurrency ? { concurrency: options.concurrency } : {}) });

  const removals = new Set<Promise<void>>();
  const handlePod = (pod: DeepReadonly<Pod>, changed: boolean): void => {
    if (stopping) return;
    if (!pod.spec?.nodeName) {
      scheduler.consider(pod);
      return;
    }
    if (pod.spec.nodeName !== nodeName) return;
    const uid = pod.metadata?.uid ?? '';
    let worker = workers.get(uid);
    if (worker === undefined) {
      worker = new PodWorker(context, pod);
      workers.set(uid, worker);
      worker.handleUpdate();
      return;
    }
    worker.observe(pod);
    if (changed) worker.handleUpdate();
  };
  const forgetPod = (pod: DeepReadonly<Pod>): void => {
    scheduler.forget(pod);
    const uid = pod.metadata?.uid ?? '';
    const worker = workers.get(uid);
    if (worker === undefined) return;
    workers.delete(uid);
    const removal = worker.remove().finally(() => removals.delete(removal));
    removals.add(removal);
  };

  const informers = new InformerFactory({ client, clock, onError: (error) => log('watching pods', error) });
  const pods = informers.forResource<Pod>(Resources.pods);
  pods.addEventHandler({
    onAdd: (pod) => handlePod(pod, true),
    onUpdate: (before, after) => handlePod(after, specChanged(before, after)),
    onDelete: (pod) => forgetPod(pod),
  });
  informers.start();
  await informers.waitForSync();
  await removeOrphanPodFolders(podsDir, new Set(pods.list().map((pod) => pod.metadata?.uid ?? '')), log);

  const logSource: LogSource = {
    clock,
    podsDir,
    memoryLogs: context.runtimes.memoryLogs,
    findPod: (namespace, name) => pods.get(namespace, name),
    currentRestartCount: (uid, container) => workers.get(uid)?.findRecord(container)?.restartCount,
    waitForRunEnd: (uid, container, restartCount) => workers.get(uid)?.waitForRunEnd(container, restartCount) ?? Promise.resolve(),
  };

  return {
    nodeName,
    readLogs: (logOptions) => readLogs(logSource, logOptions),
    settled: () => statusWriter.idle(),
    stop: async () => {
      if (stopping) return;
      stopping = true;
      nodeReporter.stop();
      await informers.stop();
      await scheduler.stop();
      await statusWriter.stop();
      const grace = options.shutdownGracePeriodSeconds ?? 10;
      await Promise.all([...workers.values()].map((worker) => worker.shutdown(grace)));
      await Promise.all([...removals]);
      workers.clear();
    },
  };
}

/** A registry that serves every container from its simulated runtime (simulatePods given to the kubelet only). */
function forceSimulated(registry: RuntimeRegistry): RuntimeRegistry {
  const simulated = registry.runtimeFor({ image: '', command: [], args: [] });
  return Object.assign(Object.create(registry) as RuntimeRegistry, {
    runtimeFor: () => simulated,
    start: (spec: Parameters<RuntimeRegistry['start']>[0]) => simulated.start(spec),
  });
}

/** Pod folders whose pods no longer exist (deleted while the kubelet was down) are removed at start. */
async function removeOrphanPodFolders(podsDir: string, liveUids: ReadonlySet<string>, log: (message: string, error?: unknown) => void): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(podsDir);
  } catch {
    return;
  }
  await Promise.all(
    entries
      .filter((uid) => !liveUids.has(uid))
      .map((uid) => removeTree(join(podsDir, uid)).catch((error: unknown) => log(`removing ${uid}`, error))),
  );
}
