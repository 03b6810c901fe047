// The built-in controllers of the embedded cluster (kube-controller-manager's ReplicaSet, Deployment, endpoints and Job), and their starter.
import { ApiEventRecorder, InformerFactory, realClock, stripManagedFields, type Clock, type EventRecorder, type KubeClient } from '@aviary/kube';
import { DeploymentController } from './deployment/deployment-controller.js';
import { EndpointsController } from './endpoints/endpoints-controller.js';
import { JobController } from './job/job-controller.js';
import { bootstrapNamespaces } from './namespace/bootstrap-namespaces.js';
import { ReplicaSetController } from './replicaset/replica-set-controller.js';
import type { BuiltinController, ControllerDeps } from './shared/controller-deps.js';

export { ReplicaSetController } from './replicaset/replica-set-controller.js';
export { DeploymentController } from './deployment/deployment-controller.js';
export { EndpointsController } from './endpoints/endpoints-controller.js';
export { JobController } from './job/job-controller.js';
export { bootstrapNamespaces, BOOTSTRAP_NAMESPACES } from './namespace/bootstrap-namespaces.js';
export { computeTemplateHash, POD_TEMPLATE_HASH_LABEL } from './deployment/template-hash.js';
export type { BuiltinController, ControllerDeps } from './shared/controller-deps.js';

export interface BuiltinControllersOptions {
  client: KubeClient;
  clock?: Clock;
  /** Default: an ApiEventRecorder writing core/v1 Events as each controller's component. */
  recorder?: EventRecorder;
  /** Concurrent syncs per controller; default 1. */
  workers?: number;
  /** Share informers with other in-process components; default a private factory, stopped with the controllers. */
  informers?: InformerFactory;
  /** Told about failed syncs being retried; default console.warn. */
  onError?: (key: string, err: unknown) => void;
}

export interface BuiltinControllersHandle {
  readonly controllers: readonly BuiltinController[];
  /** Stops the workers, (when the factory is ours) the informers, and flushes pending events. */
  stop(): Promise<void>;
}

/**
 * Creates the bootstrap namespaces, starts the shared informers, waits for their first list and
 * runs the ReplicaSet, Deployment, endpoints and Job controllers. They see the cluster only through
 * `client`, so the same call works against the embedded API server or a FakeKubeClient.
 */
export async function startBuiltinControllers(options: BuiltinControllersOptions): Promise<BuiltinControllersHandle> {
  const clock = options.clock ?? realClock;
  const ownInformers = options.informers === undefined;
  // Cached objects lose managedFields, which no controller reads (client-go controllers strip them the same way).
  const informers = options.informers ?? new InformerFactory({ client: options.client, clock, transform: stripManagedFields });
  const ownRecorders: ApiEventRecorder[] = [];
  const recorderFor = (component: string): EventRecorder => {
    if (options.recorder) return options.recorder;
    const recorder = new ApiEventRecorder({ client: options.client, component, clock });
    ownRecorders.push(recorder);
    return recorder;
  };
  const depsFor = (component: string): ControllerDeps => ({ client: options.client, informers, clock, recorder: recorderFor(component), workers: options.workers, onError: options.onError });
  await bootstrapNamespaces({ client: options.client });
  const controllers: BuiltinController[] = [
    new ReplicaSetController(depsFor('replicaset-controller')),
    new DeploymentController(depsFor('deployment-controller')),
    new EndpointsController(depsFor('endpoint-controller')),
    new JobController(depsFor('job-controller')),
  ];
  informers.start();
  try {
    await informers.waitForSync();
  } catch (err: unknown) {
    if (ownInformers) await informers.stop();
    throw err;
  }
  for (const controller of controllers) controller.run();
  return {
    controllers,
    async stop() {
      await Promise.all(controllers.map((controller) => controller.stop()));
      if (ownInformers) await informers.stop();
      await Promise.all(ownRecorders.map((recorder) => recorder.flush()));
    },
  };
}
