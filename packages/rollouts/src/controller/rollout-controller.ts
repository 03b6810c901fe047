// startRolloutController: informers on Rollouts and what they own or reference, a work queue, and syncRollout.
// Upstream: rollout/controller.go (NewController, event handlers, Run).
import {
  ApiEventRecorder,
  Controller,
  InformerFactory,
  joinObjectKey,
  ReadyOrder,
  realClock,
  stripManagedFields,
  type Clock,
  type DeepReadonly,
  type EventHandler,
  type EventRecorder,
  type KubeObject,
  type ObjectEventHandlers,
  type KubeClient,
  type Rollout,
  type Service,
} from '@aviary/kube';
import { createRolloutInformers, informerClusterView, type ClusterView, type RolloutInformers } from './cluster-view.js';
import { RolloutVersionTracker, type ControllerDeps } from './context.js';
import { syncRollout } from './sync.js';
import { validateRolloutSpec, type ValidateRollout } from './validation-hook.js';

export interface RolloutControllerOptions {
  client: KubeClient;
  clock?: Clock;
  /** Default: Events written through `client` as component `rollouts-controller`. */
  recorder?: EventRecorder;
  /** Concurrent syncs (never two for the same rollout); default 10 like upstream's --rollout-threads. */
  workers?: number;
  /** Extra workers that run only syncs whose timed requeue came due (pause expiries, deadlines); default `workers`. */
  dueWorkers?: number;
  /** Informer resync; default 15 minutes. Timed pauses and deadlines requeue on their own, earlier. */
  resyncPeriodMs?: number;
  /** Share informers with other controllers; default a new factory over `client`. */
  informerFactory?: InformerFactory;
  /** Watch one namespace only; default all (ignored when informerFactory is given). */
  namespace?: string;
  /** The spec validation seam; default accepts everything until the validation module is wired in. */
  validateRollout?: ValidateRollout;
  log?: (message: string) => void;
}

export interface RolloutControllerHandle {
  /** Resolves once the caches synced and the workers started. */
  readonly ready: Promise<void>;
  readonly controller: Controller;
  readonly informers: RolloutInformers;
  stop(): Promise<void>;
}

export const DEFAULT_ROLLOUT_RESYNC_MS = 15 * 60 * 1000;
const DEFAULT_WORKERS = 10;
/**
 * While pause expiries and other timed wake-ups are worked off, other syncs wait (at most this long at a time), so
 * the expiry writes of a wave have the API server to themselves. A wave of 150 is written in 60 – 100 ms.
 */
const HOLD_ORDINARY_WHILE_DUE_MS = 100;

/** Names of the Services a rollout points at. */
function referencedServices(rollout: DeepReadonly<Rollout>): string[] {
  const { canary, blueGreen } = rollout.spec.strategy;
  return [canary?.canaryService, canary?.stableService, canary?.pingPong?.pingService, canary?.pingPong?.pongService, blueGreen?.activeService, blueGreen?.previewService].filter(
    (name): name is string => Boolean(name),
  );
}

/** Adapts the Controller's key handlers to an informer's (read-only objects either way). */
function asInformerHandler(handlers: ObjectEventHandlers<KubeObject>): EventHandler<KubeObject> {
  return {
    onAdd: (obj) => handlers.onAdd(obj as KubeObject),
    onUpdate: (oldObj, newObj) => handlers.onUpdate(oldObj as KubeObject, newObj as KubeObject),
    onDelete: (obj) => handlers.onDelete(obj),
  };
}

/** Starts the Rollout controller; call `stop()` to shut it down. */
export function startRolloutController(options: RolloutControllerOptions): RolloutControllerHandle {
  const clock = options.clock ?? realClock;
  const resyncPeriodMs = options.resyncPeriodMs ?? DEFAULT_ROLLOUT_RESYNC_MS;
  // Cached objects lose managedFields (never read here; about a third of a small object's size).
  const factory = options.informerFactory ?? new InformerFactory({ client: options.client, clock, resyncPeriodMs, namespace: options.namespace, transform: stripManagedFields });
  const informers = createRolloutInformers(factory);
  const view: ClusterView = informerClusterView(informers);
  // Event writes hold back while pause expiries are being worked off: a wave's status writes go first.
  const recorder =
    options.recorder ??
    new ApiEventRecorder({ client: options.client, component: 'rollouts-controller', clock, deferWhile: () => controller?.queue.dueWorkActive() ?? false });
  let controller: Controller | undefined;
  const deps: ControllerDeps = {
    client: options.client,
    clock,
    recorder,
    view,
    enqueueAfter: (key, delayMs) => controller?.queue.addAfter(key, delayMs),
    resyncPeriodMs,
    validate: options.validateRollout ?? validateRolloutSpec,
    versions: new RolloutVersionTracker(),
    log: options.log,
  };
  const workers = options.workers ?? DEFAULT_WORKERS;
  // As many extra workers again for timed wake-ups only: a pause ends on time even while every worker is busy.
  // Newest keys first: a rollout part-way through an update is carried to its next wait before the next one is
  // started, so a burst of updates does not reach its timed pauses in lock-step (one huge expiry wave per second).
  controller = new Controller({
    name: 'rollouts',
    clock,
    workers,
    dueWorkers: options.dueWorkers ?? workers,
    order: ReadyOrder.NewestFirst,
    holdOrdinaryWhileDueMs: HOLD_ORDINARY_WHILE_DUE_MS,
    sync: (key) => syncRollout(deps, key),
  });
  const owned = asInformerHandler(controller.ownerHandlers({ kind: 'Rollout', group: 'argoproj.io' }));
  informers.rollouts.addEventHandler(asInformerHandler(controller.handlers()));
  informers.replicaSets.addEventHandler(owned);
  informers.analysisRuns.addEventHandler(owned);
  informers.experiments.addEventHandler(owned);
  const enqueueReferencing = (service: DeepReadonly<Service>) => {
    const namespace = service.metadata?.namespace;
    for (const rollout of informers.rollouts.list(namespace)) {
      if (referencedServices(rollout).includes(service.metadata?.name ?? '')) controller?.queue.add(joinObjectKey(namespace, rollout.metadata?.name ?? ''));
    }
  };
  informers.services.addEventHandler({ onAdd: enqueueReferencing, onUpdate: (_old, next) => enqueueReferencing(next), onDelete: enqueueReferencing });
  factory.start();
  let stopped = false;
  const ready = factory.waitForSync().then(() => {
    if (!stopped) controller?.run();
  });
  ready.catch(() => undefined); // a stop() before sync rejects waitForSync; nothing to report
  return {
    ready,
    controller,
    informers,
    stop: async () => {
      stopped = true;
      await controller?.stop();
      if (!options.informerFactory) await factory.stop();
    },
  };
}
