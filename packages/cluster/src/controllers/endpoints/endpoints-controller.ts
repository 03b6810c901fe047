// The endpoints controller: Service and pod informers feed Service keys to syncEndpoints (pkg/controller/endpoint).
import { Controller, Resources, selectorFromSet, type DeepReadonly, type Endpoints, type Pod, type Service, type SharedInformer } from '@aviary/kube';
import type { BuiltinController, ControllerDeps } from '../shared/controller-deps.js';
import { keyOf, readOnlyView } from '../shared/owner-reference.js';
import { ENDPOINT_CONTROLLER_NAME, EndpointsLabel, syncEndpoints, type EndpointsSyncDeps } from './sync-endpoints.js';

export class EndpointsController implements BuiltinController {
  readonly name = 'endpoint-controller';
  private readonly controller: Controller;
  private readonly services: SharedInformer<Service>;
  private readonly syncDeps: EndpointsSyncDeps;

  constructor(deps: ControllerDeps) {
    this.services = deps.informers.forResource<Service>(Resources.services);
    const pods = deps.informers.forResource<Pod>(Resources.pods);
    const endpoints = deps.informers.forResource<Endpoints>(Resources.endpoints);
    this.controller = new Controller({ name: this.name, sync: (key) => this.sync(key), workers: deps.workers, clock: deps.clock, onError: deps.onError });
    this.syncDeps = { client: deps.client, services: this.services, pods, endpoints };
    this.services.addEventHandler({
      onAdd: (svc) => this.controller.enqueue(readOnlyView(svc)),
      onUpdate: (_old, svc) => this.controller.enqueue(readOnlyView(svc)),
      onDelete: (svc) => this.controller.enqueue(readOnlyView(svc)),
    });
    pods.addEventHandler({
      onAdd: (pod) => this.enqueueServicesOf([pod]),
      onUpdate: (old, pod) => {
        if (old.metadata?.resourceVersion !== pod.metadata?.resourceVersion) this.enqueueServicesOf([old, pod]);
      },
      onDelete: (pod) => this.enqueueServicesOf([pod]),
    });
    // Managed Endpoints seen at start (their Service may be gone) or deleted by hand are re-checked.
    endpoints.addEventHandler({
      onAdd: (ep) => this.enqueueIfManaged(ep),
      onDelete: (ep) => this.enqueueIfManaged(ep),
    });
  }

  sync(key: string): Promise<void> {
    return syncEndpoints(this.syncDeps, key);
  }

  run(): void {
    this.controller.run();
  }

  stop(): Promise<void> {
    return this.controller.stop();
  }

  /** Every Service whose selector matches any of the pod's versions (getPodServiceMemberships). */
  private enqueueServicesOf(pods: readonly DeepReadonly<Pod>[]): void {
    const namespace = pods[0]?.metadata?.namespace;
    for (const service of this.services.list(namespace)) {
      const selector = service.spec?.selector;
      if (selector === undefined) continue;
      const matcher = selectorFromSet(selector);
      if (pods.some((pod) => matcher.matches(pod.metadata?.labels))) this.controller.queue.add(keyOf(service));
    }
  }

  private enqueueIfManaged(ep: DeepReadonly<Endpoints>): void {
    if (ep.metadata?.labels?.[EndpointsLabel.ManagedBy] === ENDPOINT_CONTROLLER_NAME) this.controller.queue.add(keyOf(ep));
  }
}
