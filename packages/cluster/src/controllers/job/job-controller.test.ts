// Job controller: pods for completions and parallelism, backoff limit, active deadline, and the Complete/Failed conditions.
import { Resources, type Job, type Pod } from '@aviary/kube';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, podTemplate, type Fixture } from '../testdata/fixture.js';
import { JobController } from './job-controller.js';
import { msUntilPodBackoffEnds } from './job-status.js';
import { wantedActive } from './manage-job.js';

function job(spec: Partial<NonNullable<Job['spec']>> = {}): Job {
  const template = podTemplate({ run: 'task' }, 'busybox');
  template.spec.restartPolicy = 'Never';
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'task', namespace: 'default', uid: 'job-uid' }, spec: { template, ...spec } };
}

let fixture: Fixture;
afterEach(async () => fixture.stop());

async function setUp(objects: Job[]): Promise<JobController> {
  fixture = createFixture({ objects });
  const controller = new JobController(fixture.deps);
  await fixture.start();
  return controller;
}

async function pods(): Promise<Pod[]> {
  return fixture.list<Pod>(Resources.pods);
}

async function finishPods(phase: 'Succeeded' | 'Failed', filter: (pod: Pod) => boolean = () => true): Promise<void> {
  for (const pod of await pods()) {
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed' || !filter(pod)) continue;
    await fixture.setPodState(pod.metadata!.name!, { phase, ready: false });
  }
}

async function getJob(): Promise<Job> {
  return fixture.get<Job>(Resources.jobs, 'task');
}

const conditionsOf = (j: Job): string[][] => (j.status?.conditions ?? []).map((c) => [c.type, c.status, c.reason ?? '', c.message ?? '']);

describe('JobController', () => {
  it('a Job with completions 3 and parallelism 2 creates 2 labelled pods, then writes status', async () => {
    const controller = await setUp([job({ completions: 3, parallelism: 2 })]);
    await controller.sync('default/task');
    expect(fixture.takeWrites()).toEqual(['create pods', 'create pods', 'update jobs/status task']);
    const [first] = await pods();
    expect(first?.metadata?.generateName).toBe('task-');
    expect(first?.metadata?.labels).toEqual({ run: 'task', 'batch.kubernetes.io/controller-uid': 'job-uid', 'batch.kubernetes.io/job-name': 'task', 'controller-uid': 'job-uid', 'job-name': 'task' });
    expect(first?.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'task', uid: 'job-uid', controller: true, blockOwnerDeletion: true });
    expect((await getJob()).status).toMatchObject({ active: 2, startTime: '2026-01-01T00:00:00Z', ready: 0 });
  });

  it('completes after 3 successes: SuccessCriteriaMet, then Complete with completionTime', async () => {
    const controller = await setUp([job({ completions: 3, parallelism: 2 })]);
    controller.run();
    await fixture.settle();
    await finishPods('Succeeded');
    await fixture.settle();
    expect((await pods()).length).toBe(3);
    await finishPods('Succeeded');
    await fixture.settle();
    const done = await getJob();
    expect(done.status).toMatchObject({ active: 0, succeeded: 3, failed: 0, completionTime: '2026-01-01T00:00:00Z' });
    expect(conditionsOf(done)).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    expect(fixture.recorder.take()).toContain('Normal Completed Job completed');
    await controller.stop();
  });

  it('with backoffLimit 1, replaces a failed pod after the 10 s backoff, then fails with BackoffLimitExceeded', async () => {
    const controller = await setUp([job({ backoffLimit: 1 })]);
    controller.run();
    await fixture.settle();
    await finishPods('Failed');
    await fixture.settle();
    expect((await pods()).length).toBe(1); // still backing off
    expect((await getJob()).status).toMatchObject({ failed: 1, active: 0 });
    await fixture.clock.advanceAsync(10_000);
    await fixture.settle();
    expect((await pods()).length).toBe(2);
    await finishPods('Failed');
    await fixture.settle();
    const failed = await getJob();
    expect(failed.status).toMatchObject({ failed: 2, active: 0 });
    expect(failed.status?.completionTime).toBeUndefined();
    expect(conditionsOf(failed)).toEqual([
      ['FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    expect(fixture.recorder.take()).toContain('Warning BackoffLimitExceeded Job has reached the specified backoff limit');
    await controller.stop();
  });

  it('past activeDeadlineSeconds deletes the active pods and fails with DeadlineExceeded', async () => {
    const controller = await setUp([job({ activeDeadlineSeconds: 30, parallelism: 2, completions: 4 })]);
    controller.run();
    await fixture.settle();
    expect((await pods()).length).toBe(2);
    fixture.takeWrites();
    await fixture.clock.advanceAsync(30_000);
    await fixture.settle();
    expect(fixture.takeWrites().filter((w) => w.startsWith('delete'))).toHaveLength(2);
    const failed = await getJob();
    expect(conditionsOf(failed)).toEqual([
      ['FailureTarget', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline'],
      ['Failed', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline'],
    ]);
    expect(failed.status).toMatchObject({ active: 0, failed: 2 });
    await controller.stop();
  });

  it('restartPolicy OnFailure fails the Job once container restarts reach backoffLimit', async () => {
    const j = job({ backoffLimit: 2 });
    j.spec!.template.spec!.restartPolicy = 'OnFailure';
    const controller = await setUp([j]);
    await controller.sync('default/task');
    const [first] = await pods();
    await fixture.setPodState(first!.metadata!.name!, { phase: 'Running', ready: false, restartCount: 2 });
    await controller.sync('default/task');
    expect(conditionsOf(await getJob())[0]).toEqual(['FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit']);
  });

  it('does nothing once the Job is finished', async () => {
    const finished = job();
    finished.status = { conditions: [{ type: 'Complete', status: 'True' }] };
    const controller = await setUp([finished]);
    await controller.sync('default/task');
    expect(fixture.takeWrites()).toEqual([]);
  });
});

describe('Job math', () => {
  it.each([
    { name: 'completions 5, parallelism 2, none done: 2', spec: { completions: 5, parallelism: 2 }, active: 0, succeeded: 0, expected: 2 },
    { name: 'completions 5, parallelism 2, 4 done: 1', spec: { completions: 5, parallelism: 2 }, active: 0, succeeded: 4, expected: 1 },
    { name: 'completions 5 all done: 0', spec: { completions: 5, parallelism: 2 }, active: 0, succeeded: 5, expected: 0 },
    { name: 'defaults (1 and 1): 1', spec: {}, active: 0, succeeded: 0, expected: 1 },
    { name: 'work queue (parallelism only) before a success: parallelism', spec: { parallelism: 3 }, active: 0, succeeded: 0, expected: 3 },
    { name: 'work queue after a success: no new pods', spec: { parallelism: 3 }, active: 2, succeeded: 1, expected: 2 },
  ])('wanted active: $name', ({ spec, active, succeeded, expected }) => {
    expect(wantedActive(job(spec), active, succeeded)).toBe(expected);
  });

  const failedAt = (ms: number, phase: 'Failed' | 'Succeeded' = 'Failed'): Pod => ({
    metadata: { name: `p${ms}` },
    status: { phase, containerStatuses: [{ name: 'main', ready: false, restartCount: 0, image: '', imageID: '', state: { terminated: { exitCode: 1, finishedAt: new Date(ms).toISOString() } } }] },
  });

  it.each([
    { name: 'no failures: no wait', pods: [], now: 0, expected: 0 },
    { name: 'one failure just now: 10 s', pods: [failedAt(0)], now: 0, expected: 10_000 },
    { name: 'two failures: 20 s from the last', pods: [failedAt(0), failedAt(5_000)], now: 5_000, expected: 20_000 },
    { name: 'a success resets the count', pods: [failedAt(0), failedAt(1_000, 'Succeeded'), failedAt(2_000)], now: 2_000, expected: 10_000 },
    { name: 'time already passed: no wait', pods: [failedAt(0)], now: 60_000, expected: 0 },
  ])('pod failure backoff: $name', ({ pods: list, now, expected }) => {
    expect(msUntilPodBackoffEnds(list, now)).toBe(expected);
  });
});
