// `list experiments [-A]`: one line per experiment with its duration and time remaining.
// Upstream: pkg/kubectl-argo-rollouts/cmd/list/list_experiments.go.
import { Resources, type Experiment } from '@aviary/kube';
import { experimentListRow } from '../../info/index.js';
import { noResourcesFound, renderExperimentList } from '../get/index.js';
import { boolFlag } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import type { KubeCommandIo } from '../io.js';

export async function runListExperiments(io: KubeCommandIo, options: { allNamespaces?: boolean }): Promise<number> {
  const list = await io.client.list<Experiment>(Resources.experiments, options.allNamespaces ? {} : { namespace: io.namespace });
  if (list.items.length === 0) {
    io.stderr.write(`${noResourcesFound}\n`);
    return 0;
  }
  const now = io.clock.now();
  io.stdout.write(renderExperimentList(list.items.map((experiment) => experimentListRow(experiment, now)), { allNamespaces: options.allNamespaces ?? false }));
  return 0;
}

export async function execute(invocation: Invocation): Promise<number> {
  return runListExperiments(await invocation.connect(), { allNamespaces: boolFlag(invocation, 'all-namespaces') });
}
