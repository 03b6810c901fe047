// `pause ROLLOUT_NAME...`: sets spec.paused on each rollout; prints `rollout 'x' paused`.
// Upstream: pkg/kubectl-argo-rollouts/cmd/pause/pause.go.
import { pauseRollout } from '../../actions/index.js';
import { expectArgs } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import type { KubeCommandIo } from '../io.js';

export async function runPause(io: KubeCommandIo, names: readonly string[]): Promise<number> {
  for (const name of names) {
    const { message } = await pauseRollout({ client: io.client, namespace: io.namespace, name });
    io.stdout.write(`${message}\n`);
  }
  return 0;
}

export async function execute(invocation: Invocation): Promise<number> {
  const names = expectArgs(invocation, { atLeast: 1 });
  return runPause(await invocation.connect(), names);
}
