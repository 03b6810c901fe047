// startServiceProxy: a kube-proxy for the embedded cluster — a TCP listener per Service address and port,
// balancing each connection over the ready endpoints, driven only by Service and Endpoints informers.
import type net from 'node:net';
import {
  Controller,
  InformerFactory,
  joinObjectKey,
  realClock,
  Resources,
  type Clock,
  type DeepReadonly,
  type Endpoints,
  type KubeClient,
  type KubeObject,
  type Service,
  type SharedInformer,
} from '@aviary/kube';
import { readyBackends, RoundRobinPicker } from './backend-picker.js';
import { rejectConnection, relayConnection } from './connection-relay.js';
import { planServiceListeners, type ListenerRole, type ListenerSpec } from './listener-plan.js';
import { desiredLoadBalancerStatus, loadBalancerStatusEquals } from './load-balancer-status.js';
import { PortListener } from './port-listener.js';

export interface ServiceProxyOptions {
  client: KubeClient;
  clock?: Clock;
  /** The node address: node ports and LoadBalancer ports listen here, and LoadBalancer status names it. Default 127.0.0.1. */
  bindHost?: string;
  /** Share the informers of the other built-in controllers; when omitted the proxy runs its own (and stops them). */
  informers?: InformerFactory;
  /** Delay between attempts to bind a listener that failed; default 5 s. */
  bindRetryMs?: number;
  /** Where warnings go; default console.warn. */
  log?: (message: string) => void;
}

/** One listener, as ServiceProxy.listeners() reports it. */
export interface ProxyListenerInfo {
  /** `namespace/name` of the Service. */
  service: string;
  /** The Service port's name ('' when unnamed). */
  servicePort: string;
  role: ListenerRole;
  /** `host:port`. */
  address: string;
  /** False while the bind is failing and being retried. */
  listening: boolean;
  /** The ready endpoints (`ip:port`) connections go to, in turn. */
  backends: string[];
}

export interface ServiceProxy {
  /** Closes every listener and every relayed connection, and stops the informers it started. */
  stop(): Promise<void>;
  listeners(): ProxyListenerInfo[];
}

interface ActiveListener {
  readonly listener: PortListener;
  spec: ListenerSpec;
}

/** What the proxy holds for one Service. */
interface ServiceEntry {
  readonly listeners: Map<string, ActiveListener>;
  /** By Service port name. */
  readonly pickers: Map<string, RoundRobinPicker>;
  warnedUnsupported: boolean;
}

const DEFAULT_RETRY_MS = 5000;

/** Starts watching Services and Endpoints and serving their addresses; returns at once (binding happens in the background). */
export function startServiceProxy(options: ServiceProxyOptions): ServiceProxy {
  const proxy = new ServiceProxyRuntime(options);
  proxy.start();
  return proxy;
}

class ServiceProxyRuntime implements ServiceProxy {
  private readonly options: ServiceProxyOptions;
  private readonly clock: Clock;
  private readonly bindHost: string;
  private readonly log: (message: string) => void;
  private readonly informers: InformerFactory;
  private readonly ownsInformers: boolean;
  private readonly services: SharedInformer<Service>;
  private readonly endpoints: SharedInformer<Endpoints>;
  private readonly controller: Controller;
  private readonly entries = new Map<string, ServiceEntry>();
  private readonly sockets = new Set<net.Socket>();
  private readonly unsubscribes: (() => void)[] = [];
  private stopped = false;

  constructor(options: ServiceProxyOptions) {
    this.options = options;
    this.clock = options.clock ?? realClock;
    this.bindHost = options.bindHost ?? '127.0.0.1';
    this.log = options.log ?? ((message) => console.warn(message));
    this.ownsInformers = options.informers === undefined;
    this.informers = options.informers ?? new InformerFactory({ client: options.client, clock: this.clock });
    this.services = this.informers.forResource<Service>(Resources.services);
    this.endpoints = this.informers.forResource<Endpoints>(Resources.endpoints);
    this.controller = new Controller({ name: 'service-proxy', sync: (key) => this.sync(key), clock: this.clock });
    // Endpoints share their Service's name, so both kinds queue the same key.
    for (const informer of [this.services, this.endpoints] as SharedInformer<KubeObject>[]) {
      const unsubscribe = informer.addEventHandler({
        onAdd: (obj) => this.enqueue(obj),
        onUpdate: (old, obj) => {
          if (old.metadata?.resourceVersion !== obj.metadata?.resourceVersion) this.enqueue(obj);
        },
        onDelete: (obj) => this.enqueue(obj),
      });
      this.unsubscribes.push(unsubscribe);
    }
  }

  start(): void {
    this.informers.start();
    this.controller.run();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    await this.controller.stop();
    if (this.ownsInformers) await this.informers.stop();
    for (const entry of this.entries.values()) for (const active of entry.listeners.values()) active.listener.close();
    this.entries.clear();
    for (const socket of this.sockets) socket.destroy();
  }

  listeners(): ProxyListenerInfo[] {
    const infos: ProxyListenerInfo[] = [];
    for (const [service, entry] of this.entries) {
      for (const { listener, spec } of entry.listeners.values()) {
        const picker = entry.pickers.get(spec.servicePortName);
        infos.push({
          service,
          servicePort: spec.servicePortName,
          role: spec.role,
          address: listener.address,
          listening: listener.listening,
          backends: (picker?.current ?? []).map((backend) => `${backend.ip}:${backend.port}`),
        });
      }
    }
    return infos;
  }

  private enqueue(obj: DeepReadonly<KubeObject>): void {
    const name = obj.metadata?.name;
    if (name) this.controller.queue.add(joinObjectKey(obj.metadata?.namespace, name));
  }

  /** Brings one Service's listeners, backends and LoadBalancer status in line with the caches. */
  private async sync(key: string): Promise<void> {
    if (this.stopped) return;
    const service = this.services.getByKey(key);
    if (service === undefined) {
      this.removeService(key);
      return;
    }
    const endpoints = this.endpoints.getByKey(key);
    const plan = planServiceListeners({ service, endpoints, bindHost: this.bindHost });
    const entry = this.entryFor(key);
    this.warnUnsupported(key, entry, plan.unsupported);
    this.updateBackends(entry, endpoints, plan.listeners);
    this.reconcileListeners(key, entry, plan.listeners);
    if (entry.listeners.size === 0 && !entry.warnedUnsupported) this.entries.delete(key);
    await this.reconcileLoadBalancerStatus(service);
  }

  private entryFor(key: string): ServiceEntry {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = { listeners: new Map(), pickers: new Map(), warnedUnsupported: false };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private warnUnsupported(key: string, entry: ServiceEntry, unsupported: readonly string[]): void {
    if (unsupported.length === 0 || entry.warnedUnsupported) return;
    entry.warnedUnsupported = true;
    this.log(`service proxy: ${key} has ${unsupported.join(', ')} ports; only TCP is proxied on the embedded cluster`);
  }

  private updateBackends(entry: ServiceEntry, endpoints: DeepReadonly<Endpoints> | undefined, listeners: readonly ListenerSpec[]): void {
    const names = new Set(listeners.map((listener) => listener.servicePortName));
    for (const name of names) {
      let picker = entry.pickers.get(name);
      if (picker === undefined) {
        picker = new RoundRobinPicker();
        entry.pickers.set(name, picker);
      }
      picker.update(readyBackends(endpoints, name));
    }
    for (const name of [...entry.pickers.keys()]) if (!names.has(name)) entry.pickers.delete(name);
  }

  /** Opens missing listeners and closes unwanted ones; connections already relayed are left alone. */
  private reconcileListeners(key: string, entry: ServiceEntry, wanted: readonly ListenerSpec[]): void {
    const wantedByAddress = new Map<string, ListenerSpec>(wanted.map((spec) => [`${spec.host}:${spec.port}`, spec]));
    for (const [address, active] of entry.listeners) {
      if (wantedByAddress.has(address)) continue;
      entry.listeners.delete(address);
      active.listener.close();
    }
    for (const [address, spec] of wantedByAddress) {
      const active = entry.listeners.get(address);
      if (active !== undefined) {
        active.spec = spec;
        continue;
      }
      entry.listeners.set(address, this.openListener(key, entry, spec));
    }
  }

  private openListener(key: string, entry: ServiceEntry, spec: ListenerSpec): ActiveListener {
    const listener = new PortListener({
      host: spec.host,
      port: spec.port,
      label: `${key} port ${spec.servicePortName || spec.port} (${spec.role})`,
      clock: this.clock,
      retryMs: this.options.bindRetryMs ?? DEFAULT_RETRY_MS,
      log: this.log,
      onConnection: (socket) => {
        // The port name is read per connection: a renamed Service port keeps its listener.
        const backend = entry.pickers.get(active.spec.servicePortName)?.next();
        if (this.stopped || backend === undefined) rejectConnection(socket);
        else relayConnection({ client: socket, backend, sockets: this.sockets });
      },
    });
    const active: ActiveListener = { spec, listener };
    listener.start();
    return active;
  }

  private removeService(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    for (const active of entry.listeners.values()) active.listener.close();
  }

  private async reconcileLoadBalancerStatus(service: DeepReadonly<Service>): Promise<void> {
    const ingressIP = this.bindHost === '0.0.0.0' || this.bindHost === '::' ? '127.0.0.1' : this.bindHost;
    const desired = desiredLoadBalancerStatus(service, ingressIP);
    if (desired === undefined || loadBalancerStatusEquals(service, desired)) return;
    const updated = structuredClone(service) as Service;
    updated.status = { ...updated.status, loadBalancer: desired };
    await this.options.client.updateStatus<Service>(Resources.services, updated);
  }
}
