// `retry rollout ROLLOUT_NAME...`: clears status.abort so an aborted update starts again; prints `rollout 'x' retried`.
// Upstream: pkg/kubectl-argo-rollouts/cmd/retry/retry.go (NewCmdRetryRollout).
import { retryRollout } from '../../actions/index.js';
import { expectArgs } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import type { KubeCommandIo } from '../io.js';

export async function runRetryRollout(io: KubeCommandIo, names: readonly string[]): Promise<number> {
  for (const name of names) {
    const { message } = await retryRollout({ client: io.client, namespace: io.namespace, name });
    io.stdout.write(`${message}\n`);
  }
  return 0;
}

export async function execute(invocation: Invocation): Promise<number> {
  const names = expectArgs(invocation, { atLeast: 1 });
  return runRetryRollout(await invocation.connect(), names);
}
