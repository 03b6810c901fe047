// retry experiment: clear an Experiment's whole status so the controller runs it again.
// Upstream: pkg/kubectl-argo-rollouts/cmd/retry/retry.go (RetryExperiment).
import { PatchType, Resources, type Experiment } from '@aviary/kube';
import { ActionMessage, type ActionTarget } from './action-types.js';

export async function retryExperiment(target: ActionTarget): Promise<{ experiment: Experiment; message: string }> {
  const experiment = await target.client.patch<Experiment>(Resources.experiments, target.name, target.namespace, { status: null }, PatchType.Merge);
  return { experiment, message: ActionMessage.experimentRetried(experiment.metadata?.name ?? target.name) };
}
