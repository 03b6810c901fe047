// `abort ROLLOUT_NAME...`: sets status.abort on each rollout; prints `rollout 'x' aborted`.
// Upstream: pkg/kubectl-argo-rollouts/cmd/abort/abort.go.
import { abortRollout } from '../../actions/index.js';
import { expectArgs } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import type { KubeCommandIo } from '../io.js';

/** Aborts each named rollout in turn, stopping at the first failure (as upstream). */
export async function runAbort(io: KubeCommandIo, names: readonly string[]): Promise<number> {
  for (const name of names) {
    const { message } = await abortRollout({ client: io.client, namespace: io.namespace, name });
    io.stdout.write(`${message}\n`);
  }
  return 0;
}

export async function execute(invocation: Invocation): Promise<number> {
  const names = expectArgs(invocation, { atLeast: 1 });
  return runAbort(await invocation.connect(), names);
}
