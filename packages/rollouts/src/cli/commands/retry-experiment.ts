// `retry experiment EXPERIMENT_NAME...`: clears an Experiment's status so it runs again; prints `experiment 'x' retried`.
// Upstream: pkg/kubectl-argo-rollouts/cmd/retry/retry.go (NewCmdRetryExperiment).
import { retryExperiment } from '../../actions/index.js';
import { expectArgs } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import type { KubeCommandIo } from '../io.js';

export async function runRetryExperiment(io: KubeCommandIo, names: readonly string[]): Promise<number> {
  for (const name of names) {
    const { message } = await retryExperiment({ client: io.client, namespace: io.namespace, name });
    io.stdout.write(`${message}\n`);
  }
  return 0;
}

export async function execute(invocation: Invocation): Promise<number> {
  const names = expectArgs(invocation, { atLeast: 1 });
  return runRetryExperiment(await invocation.connect(), names);
}
