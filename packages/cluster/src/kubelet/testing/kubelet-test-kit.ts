// Test kit for the kubelet: a FakeKubeClient that binds and deletes like the API server, a data dir, and waits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock, FakeEventRecorder, realClock, Resources, type Clock, type Container, type Pod, type PodSpec } from '@aviary/kube';
import { FakeKubeClient } from '@aviary/kube/testing';
import { RuntimeRegistry } from '../../runtime/index.js';
import { startKubelet, type Kubelet, type KubeletOptions } from '../kubelet.js';
import { installFakeNodeApi } from './fake-node-api.js';

export interface KubeletHarness {
  readonly client: FakeKubeClient;
  readonly clock: Clock;
  /** Present when the harness runs on a fake clock. */
  readonly fakeClock: FakeClock | undefined;
  readonly recorder: FakeEventRecorder;
  readonly kubelet: Kubelet;
  /** The kubelet's runtimes (their memory logs, for tests of simulated pods). */
  readonly runtimes: RuntimeRegistry;
  readonly dataDir: string;
  /** Creates a pod through the client (unscheduled unless spec.nodeName is given). */
  createPod(name: string, spec: Partial<PodSpec> & { containers: Container[] }, extra?: Partial<Pod>): Promise<Pod>;
  getPod(name: string): Pod | undefined;
  /** Polls the stored pod until `check` passes (returns its value) or the timeout ends. */
  waitForPod<T>(name: string, check: (pod: Pod) => T | undefined | false, timeoutMs?: number): Promise<T>;
  /** Moves the fake clock (letting promise chains run); no-op on a real clock. */
  advance(ms: number): Promise<void>;
  stop(): Promise<void>;
}

/** Polls `probe` every 10 ms until it returns a value that is not undefined/false. */
export async function waitUntil<T>(probe: () => T | undefined | false, timeoutMs = 8_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function startKubeletHarness(options: {
  /** A distinct loopback /16 per test file (parallel test files must not share pod addresses). */
  podSubnet: string;
  fakeTime?: boolean;
  objects?: Pod[];
  /** Reuse the client and data dir of an earlier harness (kubelet restart). */
  reuse?: { client: FakeKubeClient; dataDir: string; clock: Clock; fakeClock: FakeClock | undefined };
  kubelet?: Partial<KubeletOptions>;
}): Promise<KubeletHarness> {
  const fakeClock = options.reuse ? options.reuse.fakeClock : options.fakeTime === false ? undefined : new FakeClock({ startMs: Date.now() });
  const clock: Clock = options.reuse?.clock ?? fakeClock ?? realClock;
  const client = options.reuse?.client ?? new FakeKubeClient({ clock, objects: options.objects ?? [] });
  if (!options.reuse) installFakeNodeApi(client, clock);
  const dataDir = options.reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'aviary-kubelet-'));
  const recorder = new FakeEventRecorder();
  const runtimes = new RuntimeRegistry({ clock });
  const kubelet = await startKubelet({
    client,
    runtimes,
    dataDir,
    clock,
    recorder,
    podSubnet: options.podSubnet,
    perPodAddresses: true,
    log: () => undefined,
    ...options.kubelet,
  });
  const getPod = (name: string): Pod | undefined => client.tracker.get<Pod>(Resources.pods, 'default', name);
  return {
    client,
    clock,
    fakeClock,
    recorder,
    kubelet,
    runtimes,
    dataDir,
    createPod: (name, spec, extra = {}) =>
      client.create<Pod>(Resources.pods, { apiVersion: 'v1', kind: 'Pod', ...extra, metadata: { name, namespace: 'default', ...extra.metadata }, spec: { ...spec } }),
    getPod,
    waitForPod: (name, check, timeoutMs) =>
      waitUntil(() => {
        const pod = getPod(name);
        return pod === undefined ? undefined : check(pod);
      }, timeoutMs, `pod ${name}`),
    advance: async (ms) => {
      if (fakeClock !== undefined) await fakeClock.advanceAsync(ms);
    },
    stop: async () => {
      // On a fake clock, SIGKILL after the grace period only comes when time moves.
      let done = false;
      const stopped = kubelet.stop().finally(() => {
        done = true;
      });
      while (!done && fakeClock !== undefined) await fakeClock.advanceAsync(1_000);
      await stopped;
    },
  };
}

/** What every test file's afterEach does: stops the harness (if one was started) and removes its data dir. */
export async function disposeHarness(harness: KubeletHarness | undefined): Promise<void> {
  if (harness === undefined) return;
  await harness.stop();
  rmSync(harness.dataDir, { recursive: true, force: true });
}

/** A busybox container running a shell script on the host. */
export function shellContainer(name: string, script: string, extra: Partial<Container> = {}): Container {
  return { name, image: 'busybox', command: ['sh', '-c', script], ...extra };
}

/** Is a process with this pid still alive? */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
