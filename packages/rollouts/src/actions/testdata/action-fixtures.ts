// Rollouts, ReplicaSets and a client factory for the action tests (test-only; not exported from the package).
import { describeAction, FakeKubeClient } from '@aviary/kube/testing';
import type { KubeObject, ReplicaSet, Rollout } from '@aviary/kube';

export const namespace = 'default';

export function canaryRollout(change: (rollout: Rollout) => void = () => undefined): Rollout {
  const rollout: Rollout = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'demo', namespace, uid: 'rollout-uid', generation: 2 },
    spec: {
      replicas: 5,
      selector: { matchLabels: { app: 'demo' } },
      template: {
        metadata: { labels: { app: 'demo' } },
        spec: {
          initContainers: [{ name: 'init', image: 'busybox:1' }],
          containers: [
            { name: 'demo', image: 'argoproj/rollouts-demo:yellow' },
            { name: 'sidecar', image: 'envoy:1' },
          ],
        },
      },
      strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }, { analysis: { templates: [{ templateName: 'success-rate' }] } }, { setWeight: 60 }] } },
    },
    status: { currentPodHash: 'yellowhash', stableRS: 'bluehash', currentStepIndex: 1 },
  };
  change(rollout);
  return rollout;
}

export function blueGreenRollout(change: (rollout: Rollout) => void = () => undefined): Rollout {
  return canaryRollout((rollout) => {
    rollout.spec.strategy = { blueGreen: { activeService: 'active', previewService: 'preview', autoPromotionEnabled: false } };
    rollout.status = { currentPodHash: 'greenhash', stableRS: 'bluehash' };
    change(rollout);
  });
}

/** A ReplicaSet of revision `revision` owned by the demo rollout, running `image`. */
export function replicaSet(revision: number, image: string, options: { hash?: string; owner?: string } = {}): ReplicaSet {
  const hash = options.hash ?? `hash${revision}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `demo-${hash}`,
      namespace,
      labels: { app: 'demo', 'rollouts-pod-template-hash': hash },
      annotations: { 'rollout.argoproj.io/revision': String(revision) },
      ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'demo', uid: options.owner ?? 'rollout-uid', controller: true }],
    },
    spec: {
      replicas: 0,
      selector: { matchLabels: { app: 'demo', 'rollouts-pod-template-hash': hash } },
      template: {
        metadata: { labels: { app: 'demo', 'rollouts-pod-template-hash': hash } },
        spec: { containers: [{ name: 'demo', image }] },
      },
    },
  };
}

export function fakeClient(...objects: KubeObject[]): FakeKubeClient {
  return new FakeKubeClient({ objects });
}

/** `get rollouts`, `patch rollouts/status {…}`: each action with its patch, for ordered assertions. */
export function actionLog(client: FakeKubeClient): string[] {
  return client.actions().map((action) => (action.patch === undefined ? describeAction(action) : `${describeAction(action)} ${JSON.stringify(action.patch)}`));
}
