// The Job controller: Job and pod informers feed Job keys to syncJob (pkg/controller/job).
import { Controller, Resources, type DeepReadonly, type Job, type Pod, type SharedInformer } from '@aviary/kube';
import type { BuiltinController, ControllerDeps } from '../shared/controller-deps.js';
import { PodExpectations } from '../shared/expectations.js';
import { controllerOf, keyOf, readOnlyView } from '../shared/owner-reference.js';
import { createPodControl } from '../shared/pod-control.js';
import { syncJob, type JobSyncDeps } from './sync-job.js';

export class JobController implements BuiltinController {
  readonly name = 'job-controller';
  readonly expectations: PodExpectations;
  private readonly controller: Controller;
  private readonly jobs: SharedInformer<Job>;
  private readonly syncDeps: JobSyncDeps;

  constructor(deps: ControllerDeps) {
    this.expectations = new PodExpectations({ clock: deps.clock });
    this.jobs = deps.informers.forResource<Job>(Resources.jobs);
    const pods = deps.informers.forResource<Pod>(Resources.pods);
    this.controller = new Controller({ name: this.name, sync: (key) => this.sync(key), workers: deps.workers, clock: deps.clock, onError: deps.onError });
    this.syncDeps = {
      client: deps.client,
      jobs: this.jobs,
      pods,
      podControl: createPodControl({ client: deps.client, recorder: deps.recorder }),
      expectations: this.expectations,
      recorder: deps.recorder,
      now: () => deps.clock.now(),
      requeueAfter: (key, delayMs) => this.controller.queue.addAfter(key, delayMs),
    };
    this.jobs.addEventHandler({
      onAdd: (job) => this.controller.enqueue(readOnlyView(job)),
      onUpdate: (_old, job) => this.controller.enqueue(readOnlyView(job)),
      onDelete: (job) => {
        this.expectations.forget(keyOf(job));
        this.controller.enqueue(readOnlyView(job));
      },
    });
    pods.addEventHandler({
      onAdd: (pod) => {
        if (pod.metadata?.deletionTimestamp !== undefined) return this.onPodGone(pod);
        const owner = this.ownerKey(pod);
        if (owner === undefined) return;
        this.expectations.creationObserved(owner);
        this.controller.queue.add(owner);
      },
      onUpdate: (old, pod) => {
        if (old.metadata?.resourceVersion === pod.metadata?.resourceVersion) return;
        if (pod.metadata?.deletionTimestamp !== undefined && old.metadata?.deletionTimestamp === undefined) return this.onPodGone(pod);
        const owner = this.ownerKey(pod);
        if (owner !== undefined) this.controller.queue.add(owner);
      },
      onDelete: (pod) => this.onPodGone(pod),
    });
  }

  sync(key: string): Promise<void> {
    return syncJob(this.syncDeps, key);
  }

  run(): void {
    this.controller.run();
  }

  stop(): Promise<void> {
    return this.controller.stop();
  }

  private onPodGone(pod: DeepReadonly<Pod>): void {
    const owner = this.ownerKey(pod);
    if (owner === undefined) return;
    this.expectations.deletionObserved(owner, keyOf(pod));
    this.controller.queue.add(owner);
  }

  private ownerKey(pod: DeepReadonly<Pod>): string | undefined {
    const ref = controllerOf(pod);
    if (ref?.kind !== 'Job') return undefined;
    const key = `${pod.metadata?.namespace}/${ref.name}`;
    return this.jobs.getByKey(key)?.metadata?.uid === ref.uid ? key : undefined;
  }
}
