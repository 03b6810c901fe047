// `undo ROLLOUT_NAME [--to-revision N]`: puts an earlier revision's pod template back; prints `rollout 'x' undo`
// (or that the template already matches). Upstream: pkg/kubectl-argo-rollouts/cmd/undo/undo.go.
import { undoRollout } from '../../actions/index.js';
import { expectArgs, numberFlag } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import type { KubeCommandIo } from '../io.js';

export async function runUndo(io: KubeCommandIo, options: { name: string; toRevision?: number }): Promise<number> {
  const { message } = await undoRollout({ client: io.client, namespace: io.namespace, name: options.name, toRevision: options.toRevision ?? 0 });
  io.stdout.write(`${message}\n`);
  return 0;
}

export async function execute(invocation: Invocation): Promise<number> {
  const [name = ''] = expectArgs(invocation, { exactly: 1 });
  return runUndo(await invocation.connect(), { name, toRevision: numberFlag(invocation, 'to-revision') });
}
