// Blue-green test inputs: a Rollout `default/demo` with active and preview Services, brought to Healthy.
import { Resources, type KubeObject, type Rollout, type Service } from '@aviary/kube';
import { computePodTemplateHash } from '../../hash/index.js';
import { RolloutFixture, service } from './fixture.js';

export interface BlueGreenSpecOptions {
  replicas?: number;
  image?: string;
  /** Merged into spec.strategy.blueGreen. */
  blueGreen?: Record<string, unknown>;
}

/** A blue-green Rollout `default/demo` (app=demo) running `image`, with Services demo-active and demo-preview. */
export function blueGreenRollout(options: BlueGreenSpecOptions = {}): Rollout {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'demo', namespace: 'default', uid: 'rollout-uid', generation: 1 },
    spec: {
      replicas: options.replicas ?? 3,
      selector: { matchLabels: { app: 'demo' } },
      template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'demo', image: options.image ?? 'argoproj/rollouts-demo:blue' }] } },
      strategy: { blueGreen: { activeService: 'demo-active', previewService: 'demo-preview', ...(options.blueGreen ?? {}) } },
    },
  };
}

/** The pod-template hash of the blue-green rollout running `image`. */
export function blueGreenHash(image: string): string {
  return computePodTemplateHash(blueGreenRollout({ image }).spec.template);
}

/** The `rollouts-pod-template-hash` a Service selects ('' when none). */
export function selectorOf(fixture: RolloutFixture, name: string): string {
  return fixture.client.tracker.get<Service>(Resources.services, 'default', name)?.spec?.selector?.['rollouts-pod-template-hash'] ?? '';
}

/** Brings a fresh blue-green rollout to Healthy and clears the action log, events and requeues. */
export async function healthyBlueGreen(options: BlueGreenSpecOptions & { extra?: KubeObject[] } = {}): Promise<RolloutFixture> {
  const fixture = new RolloutFixture({ objects: [blueGreenRollout(options), service('demo-active'), service('demo-preview'), ...(options.extra ?? [])] });
  await fixture.syncUntilStable();
  fixture.recorder.take();
  fixture.client.clearActions();
  fixture.requeues.length = 0;
  return fixture;
}
