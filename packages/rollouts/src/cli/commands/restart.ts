// `restart ROLLOUT [--in DURATION]`: sets spec.restartAt to now (plus --in); prints `rollout 'x' restarts in 10s`.
// Upstream: pkg/kubectl-argo-rollouts/cmd/restart/restart.go.
import { restartRollout } from '../../actions/index.js';
import { expectArgs, stringFlag } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import type { KubeCommandIo } from '../io.js';

export async function runRestart(io: KubeCommandIo, options: { name: string; in?: string }): Promise<number> {
  const { message } = await restartRollout({ client: io.client, namespace: io.namespace, clock: io.clock, name: options.name, ...(options.in ? { in: options.in } : {}) });
  io.stdout.write(`${message}\n`);
  return 0;
}

export async function execute(invocation: Invocation): Promise<number> {
  const [name = ''] = expectArgs(invocation, { exactly: 1 });
  return runRestart(await invocation.connect(), { name, in: stringFlag(invocation, 'in') });
}
