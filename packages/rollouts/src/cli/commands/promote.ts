// `promote ROLLOUT_NAME [--full]`: moves a paused rollout to its next step, or (`--full`) to the end; prints
// `rollout 'x' promoted` / `rollout 'x' fully promoted`. Upstream: pkg/kubectl-argo-rollouts/cmd/promote/promote.go.
import { promoteRollout } from '../../actions/index.js';
import { boolFlag, expectArgs } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import type { KubeCommandIo } from '../io.js';

export interface PromoteCommandOptions {
  name: string;
  full?: boolean;
  skipCurrentStep?: boolean;
  skipAllSteps?: boolean;
}

export async function runPromote(io: KubeCommandIo, options: PromoteCommandOptions): Promise<number> {
  const { message } = await promoteRollout({ client: io.client, namespace: io.namespace, ...options });
  io.stdout.write(`${message}\n`);
  return 0;
}

export async function execute(invocation: Invocation): Promise<number> {
  const [name = ''] = expectArgs(invocation, { exactly: 1 });
  return runPromote(await invocation.connect(), {
    name,
    full: boolFlag(invocation, 'full'),
    skipCurrentStep: boolFlag(invocation, 'skip-current-step'),
    skipAllSteps: boolFlag(invocation, 'skip-all-steps'),
  });
}
