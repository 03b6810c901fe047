// `set image ROLLOUT_NAME CONTAINER=IMAGE`: updates the pod template's image (`*` for every container);
// prints `rollout "x" image updated`. Upstream: pkg/kubectl-argo-rollouts/cmd/set/set_image.go.
import { setRolloutImage } from '../../actions/index.js';
import { expectArgs } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import { CliUsageError } from '../errors.js';
import type { KubeCommandIo } from '../io.js';

export async function runSetImage(io: KubeCommandIo, options: { name: string; container: string; image: string }): Promise<number> {
  const { message } = await setRolloutImage({ client: io.client, namespace: io.namespace, ...options });
  io.stdout.write(`${message}\n`);
  return 0;
}

export async function execute(invocation: Invocation): Promise<number> {
  const [name = '', assignment = ''] = expectArgs(invocation, { exactly: 2 });
  // Exactly one `=`, as upstream splits it.
  const parts = assignment.split('=');
  if (parts.length !== 2) throw new CliUsageError(invocation.usage);
  const [container = '', image = ''] = parts;
  return runSetImage(await invocation.connect(), { name, container, image });
}
