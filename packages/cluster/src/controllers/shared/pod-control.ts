// Pod writes on behalf of a workload: pods built from its template, created and deleted with the events upstream records.
import { Resources, isNotFound, type DeepReadonly, type EventRecorder, type KubeClient, type KubeObject, type OwnerReference, type Pod, type PodTemplateSpec } from '@aviary/kube';
import { readOnlyView } from './owner-reference.js';

/** A template without labels cannot be matched by any selector (upstream refuses it too). */
export class PodTemplateWithoutLabelsError extends Error {
  override readonly name = 'PodTemplateWithoutLabelsError';
  constructor(readonly owner: string) {
    super(`unable to create pods for ${owner}, no labels`);
  }
}

export interface PodFromTemplateOptions {
  template: DeepReadonly<PodTemplateSpec> | undefined;
  namespace: string;
  /** The name prefix: the owner's name; the API server appends 5 random characters. */
  namePrefix: string;
  controllerRef: OwnerReference;
  /** Labels added on top of the template's (the Job's controller-uid labels). */
  extraLabels?: Readonly<Record<string, string>>;
}

/** controller.GetPodFromTemplate: template labels, annotations, finalizers and spec, a generateName and the controller ref. */
export function podFromTemplate(options: PodFromTemplateOptions): Pod {
  const template = structuredClone(options.template ?? {}) as PodTemplateSpec;
  const labels = { ...(template.metadata?.labels ?? {}), ...(options.extraLabels ?? {}) };
  const metadata: NonNullable<Pod['metadata']> = {
    generateName: `${options.namePrefix}-`,
    namespace: options.namespace,
    labels,
    ownerReferences: [options.controllerRef],
  };
  if (template.metadata?.annotations) metadata.annotations = template.metadata.annotations;
  if (template.metadata?.finalizers) metadata.finalizers = template.metadata.finalizers;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec ?? { containers: [] } };
}

export interface PodControl {
  /** Creates the pod and records SuccessfulCreate / FailedCreate on the owner. */
  createPod(owner: DeepReadonly<KubeObject>, pod: Pod): Promise<Pod>;
  /** Deletes the pod (not-found counts as deleted) and records SuccessfulDelete / FailedDelete. */
  deletePod(owner: DeepReadonly<KubeObject>, pod: DeepReadonly<Pod>): Promise<void>;
}

/** controller.RealPodControl over a KubeClient. */
export function createPodControl(options: { client: KubeClient; recorder: EventRecorder }): PodControl {
  const { client, recorder } = options;
  return {
    async createPod(owner, pod) {
      if (Object.keys(pod.metadata?.labels ?? {}).length === 0) throw new PodTemplateWithoutLabelsError(owner.metadata?.name ?? '');
      try {
        const created = await client.create<Pod>(Resources.pods, pod);
        recorder.event(readOnlyView(owner), 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata?.name ?? ''}`);
        return created;
      } catch (err: unknown) {
        recorder.event(readOnlyView(owner), 'Warning', 'FailedCreate', `Error creating: ${messageOf(err)}`);
        throw err;
      }
    },
    async deletePod(owner, pod) {
      const name = pod.metadata?.name ?? '';
      try {
        await client.delete(Resources.pods, name, pod.metadata?.namespace);
        recorder.event(readOnlyView(owner), 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
      } catch (err: unknown) {
        if (isNotFound(err)) return;
        recorder.event(readOnlyView(owner), 'Warning', 'FailedDelete', `Error deleting: ${messageOf(err)}`);
        throw err;
      }
    },
  };
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
