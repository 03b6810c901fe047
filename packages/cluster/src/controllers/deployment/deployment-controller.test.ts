// Deployment controller: the ordered API actions of its syncs over the fake client, and full rollouts with the ReplicaSet controller.
import { Resources, type Deployment, type Pod, type ReplicaSet } from '@aviary/kube';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplicaSetController } from '../replicaset/replica-set-controller.js';
import { createFixture, podTemplate, type Fixture } from '../testdata/fixture.js';
import { DeploymentController } from './deployment-controller.js';
import { computeTemplateHash } from './template-hash.js';

function deployment(options: { replicas?: number; image?: string; strategy?: Deployment['spec'] extends infer S ? S extends { strategy?: infer T } ? T : never : never; paused?: boolean; progressDeadlineSeconds?: number; revisionHistoryLimit?: number } = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd-uid', generation: 1 },
    spec: {
      replicas: options.replicas ?? 3,
      selector: { matchLabels: { app: 'web' } },
      template: podTemplate({ app: 'web' }, options.image ?? 'nginx:1'),
      strategy: options.strategy,
      paused: options.paused,
      progressDeadlineSeconds: options.progressDeadlineSeconds,
      revisionHistoryLimit: options.revisionHistoryLimit,
    },
  };
}

let fixture: Fixture;
afterEach(async () => fixture.stop());

async function setUp(objects: (Deployment | ReplicaSet | Pod)[]): Promise<{ deployments: DeploymentController; replicaSets: ReplicaSetController }> {
  fixture = createFixture({ objects });
  const deployments = new DeploymentController(fixture.deps);
  const replicaSets = new ReplicaSetController(fixture.deps);
  await fixture.start();
  return { deployments, replicaSets };
}

/** Plays the kubelet: every pod not yet ready becomes Running and Ready. */
async function makePodsReady(): Promise<void> {
  for (const pod of await fixture.list<Pod>(Resources.pods)) {
    if (pod.metadata?.deletionTimestamp === undefined && pod.status?.conditions?.[0]?.status !== 'True') await fixture.setPodState(pod.metadata!.name!, { phase: 'Running', ready: true });
  }
}

/** Runs both controllers until nothing changes; returns when the queue is quiet. */
async function runUntilQuiet(controllers: { deployments: DeploymentController; replicaSets: ReplicaSetController }, rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await makePodsReady();
    await fixture.settle();
    await fixture.clock.advanceAsync(0);
  }
}

async function getDeployment(): Promise<Deployment> {
  return fixture.get<Deployment>(Resources.deployments, 'web');
}

describe('DeploymentController sync', () => {
  it('a new Deployment creates ReplicaSet web-<hash> at full size with revision 1, then writes status', async () => {
    const { deployments } = await setUp([deployment()]);
    await deployments.sync('default/web');
    const hash = computeTemplateHash(deployment().spec!.template);
    expect(fixture.takeWrites()).toEqual([`create replicasets web-${hash}`, 'patch deployments web', 'update deployments/status web', 'update deployments/status web']);
    const rs = await fixture.get<ReplicaSet>(Resources.replicaSets, `web-${hash}`);
    expect(rs.spec?.replicas).toBe(3);
    expect(rs.spec?.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec?.template?.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata?.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    expect(rs.metadata?.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true, blockOwnerDeletion: true }]);
    const d = await getDeployment();
    expect(d.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "web-${hash}"`],
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
    ]);
    expect(fixture.recorder.take()).toEqual([`Normal ScalingReplicaSet Scaled up replica set web-${hash} from 0 to 3`]);
  });

  it('refuses an empty selector with an event', async () => {
    const d = deployment();
    d.spec!.selector = {};
    const { deployments } = await setUp([d]);
    await deployments.sync('default/web');
    expect(fixture.takeWrites()).toEqual(['update deployments/status web']);
    expect(fixture.recorder.take()).toEqual(['Warning SelectorRequired This deployment is selecting all pods. A non-empty selector is required.']);
  });

  it('a paused Deployment does not roll out a new template and says so', async () => {
    const { deployments } = await setUp([deployment({ paused: true })]);
    await deployments.sync('default/web');
    // The paused condition first, then the counts (as upstream's checkPausedConditions and sync do).
    expect(fixture.takeWrites()).toEqual(['update deployments/status web', 'update deployments/status web']);
    expect(await fixture.list(Resources.replicaSets)).toEqual([]);
    const progressing = (await getDeployment()).status?.conditions?.find((c) => c.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
  });
});

describe('DeploymentController rollouts', () => {
  it('reaches Available and NewReplicaSetAvailable once the pods are ready', async () => {
    const controllers = await setUp([deployment()]);
    controllers.deployments.run();
    controllers.replicaSets.run();
    await runUntilQuiet(controllers);
    const d = await getDeployment();
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status).not.toHaveProperty('unavailableReplicas'); // 0 is omitted, as Go's omitempty writes it
    const hash = computeTemplateHash(deployment().spec!.template);
    expect(d.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ]);
    await controllers.deployments.stop();
    await controllers.replicaSets.stop();
  });

  it('rolls a new template out with maxSurge 1 / maxUnavailable 0, never below 3 available pods', async () => {
    const controllers = await setUp([deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } })]);
    controllers.deployments.run();
    controllers.replicaSets.run();
    await runUntilQuiet(controllers);
    fixture.takeWrites();
    fixture.recorder.take();
    const d = await getDeployment();
    d.spec!.template = podTemplate({ app: 'web' }, 'nginx:2');
    await fixture.client.update(Resources.deployments, d);
    await runUntilQuiet(controllers, 12);
    const oldHash = computeTemplateHash(deployment().spec!.template);
    const newHash = computeTemplateHash(d.spec!.template);
    expect(fixture.recorder.take().filter((e) => e.includes('ScalingReplicaSet'))).toEqual([
      `Normal ScalingReplicaSet Scaled up replica set web-${newHash} from 0 to 1`,
      `Normal ScalingReplicaSet Scaled down replica set web-${oldHash} from 3 to 2`,
      `Normal ScalingReplicaSet Scaled up replica set web-${newHash} from 1 to 2`,
      `Normal ScalingReplicaSet Scaled down replica set web-${oldHash} from 2 to 1`,
      `Normal ScalingReplicaSet Scaled up replica set web-${newHash} from 2 to 3`,
      `Normal ScalingReplicaSet Scaled down replica set web-${oldHash} from 1 to 0`,
    ]);
    const after = await getDeployment();
    expect(after.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(after.status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect((await fixture.get<ReplicaSet>(Resources.replicaSets, `web-${newHash}`)).metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    await controllers.deployments.stop();
    await controllers.replicaSets.stop();
  });

  it('Recreate scales the old ReplicaSet to 0 before creating the new one', async () => {
    const controllers = await setUp([deployment({ strategy: { type: 'Recreate' } })]);
    controllers.deployments.run();
    controllers.replicaSets.run();
    await runUntilQuiet(controllers);
    fixture.recorder.take();
    const d = await getDeployment();
    d.spec!.template = podTemplate({ app: 'web' }, 'nginx:2');
    await fixture.client.update(Resources.deployments, d);
    await runUntilQuiet(controllers);
    const newHash = computeTemplateHash(d.spec!.template);
    expect(fixture.recorder.take().filter((e) => e.includes('ScalingReplicaSet'))).toEqual([
      `Normal ScalingReplicaSet Scaled down replica set web-${computeTemplateHash(deployment().spec!.template)} from 3 to 0`,
      `Normal ScalingReplicaSet Scaled up replica set web-${newHash} from 0 to 3`,
    ]);
    await controllers.deployments.stop();
    await controllers.replicaSets.stop();
  });

  it('scaling mid-way resizes the only active ReplicaSet and updates its annotations', async () => {
    const controllers = await setUp([deployment()]);
    controllers.deployments.run();
    controllers.replicaSets.run();
    await runUntilQuiet(controllers);
    const d = await getDeployment();
    d.spec!.replicas = 5;
    await fixture.client.update(Resources.deployments, d);
    await runUntilQuiet(controllers);
    const rs = await fixture.get<ReplicaSet>(Resources.replicaSets, `web-${computeTemplateHash(d.spec!.template)}`);
    expect(rs.spec?.replicas).toBe(5);
    expect(rs.metadata?.annotations).toMatchObject({ 'deployment.kubernetes.io/desired-replicas': '5', 'deployment.kubernetes.io/max-replicas': '7' });
    expect((await fixture.list<Pod>(Resources.pods)).length).toBe(5);
    await controllers.deployments.stop();
    await controllers.replicaSets.stop();
  });

  it('keeps only revisionHistoryLimit old ReplicaSets', async () => {
    const controllers = await setUp([deployment({ revisionHistoryLimit: 1 })]);
    controllers.deployments.run();
    controllers.replicaSets.run();
    await runUntilQuiet(controllers);
    for (const image of ['nginx:2', 'nginx:3']) {
      const d = await getDeployment();
      d.spec!.template = podTemplate({ app: 'web' }, image);
      await fixture.client.update(Resources.deployments, d);
      await runUntilQuiet(controllers, 12);
    }
    const names = (await fixture.list<ReplicaSet>(Resources.replicaSets)).map((rs) => rs.metadata?.annotations?.['deployment.kubernetes.io/revision']).sort();
    expect(names).toEqual(['2', '3']);
    await controllers.deployments.stop();
    await controllers.replicaSets.stop();
  });

  it('reports ProgressDeadlineExceeded when pods never become ready', async () => {
    const controllers = await setUp([deployment({ progressDeadlineSeconds: 60 })]);
    controllers.deployments.run();
    controllers.replicaSets.run();
    await fixture.settle();
    await fixture.clock.advanceAsync(62_000);
    await fixture.settle();
    const progressing = (await getDeployment()).status?.conditions?.find((c) => c.type === 'Progressing');
    const hash = computeTemplateHash(deployment().spec!.template);
    expect(progressing).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "web-${hash}" has timed out progressing.` });
    await controllers.deployments.stop();
    await controllers.replicaSets.stop();
  });
});
