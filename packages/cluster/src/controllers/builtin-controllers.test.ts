// startBuiltinControllers end to end over the fake client: namespaces, a Deployment behind a Service, a Job.
import { FakeClock, FakeEventRecorder, Resources, type Deployment, type Endpoints, type Job, type Pod } from '@aviary/kube';
import { FakeKubeClient } from '@aviary/kube/testing';
import { describe, expect, it } from 'vitest';
import { startBuiltinControllers } from './index.js';

const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('startBuiltinControllers', () => {
  it('runs a Deployment to Available with Endpoints for its ready pods, and a Job to Complete', async () => {
    const clock = new FakeClock();
    const client = new FakeKubeClient({ clock });
    const handle = await startBuiltinControllers({ client, clock, recorder: new FakeEventRecorder() });
    expect(client.tracker.list(Resources.namespaces).map((ns) => ns.metadata?.name).sort()).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    await client.create(Resources.deployments, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }] } } },
    } as Deployment);
    await client.create(Resources.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 8080, targetPort: 'http' }] } });
    await client.create(Resources.jobs, { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once', namespace: 'default' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } } as Job);
    await settle();
    // Play the kubelet: web pods become ready, the job's pod succeeds.
    let ip = 1;
    for (const pod of client.tracker.list<Pod>(Resources.pods, 'default')) {
      const succeeded = pod.metadata?.labels?.['job-name'] === 'once';
      const now = new Date(clock.now()).toISOString();
      pod.status = { phase: succeeded ? 'Succeeded' : 'Running', podIP: `127.0.1.${ip++}`, conditions: [{ type: 'Ready', status: succeeded ? 'False' : 'True', lastTransitionTime: now }] };
      client.tracker.update(Resources.pods, pod, { subresource: 'status' });
    }
    await settle();
    await settle();
    const d = client.tracker.get<Deployment>(Resources.deployments, 'default', 'web');
    expect(d?.status).toMatchObject({ replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 });
    expect(d?.status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
    const ep = client.tracker.get<Endpoints>(Resources.endpoints, 'default', 'web');
    const webIps = client.tracker.list<Pod>(Resources.pods, 'default').filter((p) => p.metadata?.labels?.app === 'web').map((p) => p.status?.podIP);
    expect(webIps).toHaveLength(2);
    expect(ep?.subsets?.[0]?.addresses?.map((a) => a.ip).sort()).toEqual(webIps.sort());
    expect(ep?.subsets?.[0]?.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    const job = client.tracker.get<Job>(Resources.jobs, 'default', 'once');
    expect(job?.status?.conditions?.map((c) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
    await handle.stop();
  });
});
