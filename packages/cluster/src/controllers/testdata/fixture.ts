// Test fixture for the built-in controllers: a FakeKubeClient, FakeClock, shared informers and helpers to build objects.
import { FakeClock, FakeEventRecorder, InformerFactory, Resources, type KubeObject, type Pod, type ResourceType } from '@aviary/kube';
import { FakeKubeClient, describeAction, type FakeAction } from '@aviary/kube/testing';
import type { ControllerDeps } from '../shared/controller-deps.js';

export interface Fixture {
  client: FakeKubeClient;
  clock: FakeClock;
  recorder: FakeEventRecorder;
  informers: InformerFactory;
  deps: ControllerDeps;
  /** Starts the informers and waits for their first list. */
  start(): Promise<void>;
  /** Lets watch events reach the informers. */
  settle(): Promise<void>;
  /** Write actions as `verb resource[/sub] [name]` lines (no name for generated ones), then forgets them. */
  takeWrites(): string[];
  /** The write actions themselves, then forgets them. */
  takeWriteActions(): FakeAction[];
  get<T extends KubeObject>(type: ResourceType, name: string, namespace?: string): Promise<T>;
  list<T extends KubeObject>(type: ResourceType, namespace?: string): Promise<T[]>;
  /** Sets pod phase/readiness as a kubelet would. */
  setPodState(name: string, state: PodState): Promise<void>;
  stop(): Promise<void>;
}

export interface PodState {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  ready?: boolean;
  podIP?: string;
  nodeName?: string;
  restartCount?: number;
  namespace?: string;
}

/** A deterministic pseudo-random source so generated names repeat across runs. */
function seededRandom(seed = 42): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

export function createFixture(options: { objects?: KubeObject[] } = {}): Fixture {
  const clock = new FakeClock();
  const client = new FakeKubeClient({ objects: options.objects ?? [], clock, random: seededRandom() });
  const recorder = new FakeEventRecorder();
  const informers = new InformerFactory({ client, clock });
  const deps: ControllerDeps = { client, informers, clock, recorder, onError: () => undefined };
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  const takeWriteActions = (): FakeAction[] => {
    const writes = client.writeActions();
    client.clearActions();
    return writes;
  };
  return {
    client,
    clock,
    recorder,
    informers,
    deps,
    settle,
    async start() {
      informers.start();
      await informers.waitForSync();
      await settle();
      client.clearActions();
    },
    takeWriteActions,
    takeWrites: () => takeWriteActions().map((action) => `${describeAction(action)}${action.name ? ` ${action.name}` : ''}`),
    get: (type, name, namespace = 'default') => client.tracker.get(type, type.namespaced ? namespace : undefined, name) as never,
    list: async (type, namespace = 'default') => client.tracker.list(type, namespace) as never,
    async setPodState(name, state) {
      const namespace = state.namespace ?? 'default';
      const pod = client.tracker.get<Pod>(Resources.pods, namespace, name);
      if (!pod) throw new Error(`no pod ${name}`);
      const now = new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
      pod.spec = { ...(pod.spec ?? { containers: [] }), nodeName: state.nodeName ?? pod.spec?.nodeName ?? 'aviary-local' };
      client.tracker.update(Resources.pods, pod);
      const fresh = client.tracker.get<Pod>(Resources.pods, namespace, name)!;
      const wasReady = fresh.status?.conditions?.find((c) => c.type === 'Ready');
      const ready = state.ready ?? false;
      const transition = wasReady && (wasReady.status === 'True') === ready ? wasReady.lastTransitionTime : now;
      fresh.status = {
        ...fresh.status,
        phase: state.phase ?? 'Running',
        ...(state.podIP ? { podIP: state.podIP, podIPs: [{ ip: state.podIP }] } : {}),
        conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: transition }],
        containerStatuses: [{ name: 'main', ready, restartCount: state.restartCount ?? 0, image: 'x', imageID: '' }],
      };
      client.tracker.update(Resources.pods, fresh, { subresource: 'status' });
      await settle();
    },
    async stop() {
      await informers.stop();
    },
  };
}

export function podTemplate(labels: Record<string, string>, image = 'nginx'): { metadata: { labels: Record<string, string> }; spec: Pod['spec'] & object } {
  return { metadata: { labels }, spec: { containers: [{ name: 'main', image }] } };
}
