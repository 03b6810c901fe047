// `get experiment EXPERIMENT_NAME [-w] [--no-color]`: the experiment's header and its tree of template
// ReplicaSets, pods and AnalysisRuns; with --watch, redrawn in place. Upstream: cmd/get/get_experiment.go.
import { Resources, type Experiment } from '@aviary/kube';
import { experimentInfo } from '../../info/index.js';
import { renderExperimentTree } from '../get/index.js';
import { boolFlag, expectArgs } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import { useColor, type KubeCommandIo } from '../io.js';
import type { OwnedObjects } from '../object-sources.js';
import { showOwnedTree } from '../owned-tree-view.js';

export interface GetExperimentOptions {
  name: string;
  watch?: boolean;
  noColor?: boolean;
}

export async function runGetExperiment(io: KubeCommandIo, options: GetExperimentOptions): Promise<number> {
  const color = useColor(io, options.noColor ?? false);
  const render = (objects: { object: Experiment } & OwnedObjects): string =>
    renderExperimentTree(experimentInfo({ ...objects, experiment: objects.object, now: io.clock.now() }), { color });
  return showOwnedTree<Experiment>(io, { type: Resources.experiments, name: options.name, render, watch: options.watch ?? false });
}

export async function execute(invocation: Invocation): Promise<number> {
  const [name = ''] = expectArgs(invocation, { exactly: 1 });
  return runGetExperiment(await invocation.connect(), { name, watch: boolFlag(invocation, 'watch'), noColor: boolFlag(invocation, 'no-color') });
}
