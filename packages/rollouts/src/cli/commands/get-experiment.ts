// `get experiment EXPERIMENT_NAME [-w] [--no-color]`: the experiment's header and its tree of template
// ReplicaSets, pods and AnalysisRuns; with --watch, redrawn in place. Upstream: cmd/get/get_experiment.go.
import { Resources, type Experiment } from '@aviary/kube';
import { experimentInfo } from '../../info/index.js';
import { clearScreen, renderExperimentTree } from '../get/index.js';
import { boolFlag, expectArgs } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import { useColor, waitForStop, type KubeCommandIo } from '../io.js';
import { fetchWithOwned, WatchedObjects, type OwnedObjects } from '../object-sources.js';
import { RedrawLoop } from '../redraw-loop.js';

export interface GetExperimentOptions {
  name: string;
  watch?: boolean;
  noColor?: boolean;
}

export async function runGetExperiment(io: KubeCommandIo, options: GetExperimentOptions): Promise<number> {
  const color = useColor(io, options.noColor ?? false);
  const render = (objects: { object: Experiment } & OwnedObjects): string =>
    renderExperimentTree(experimentInfo({ ...objects, experiment: objects.object, now: io.clock.now() }), { color });
  if (!options.watch) {
    io.stdout.write(render(await fetchWithOwned<Experiment>(io, Resources.experiments, options.name)));
    return 0;
  }
  await io.client.get<Experiment>(Resources.experiments, options.name, io.namespace);
  const watched = new WatchedObjects<Experiment>(io, Resources.experiments, options.name);
  await watched.start();
  const loop = new RedrawLoop({
    clock: io.clock,
    draw: () => {
      const objects = watched.snapshot();
      if (objects) io.stdout.write(clearScreen + render(objects));
    },
  });
  watched.onChange(() => loop.markChanged());
  loop.start();
  try {
    await waitForStop(io);
  } finally {
    loop.stop();
    await watched.stop();
  }
  return 0;
}

export async function execute(invocation: Invocation): Promise<number> {
  const [name = ''] = expectArgs(invocation, { exactly: 1 });
  return runGetExperiment(await invocation.connect(), { name, watch: boolFlag(invocation, 'watch'), noColor: boolFlag(invocation, 'no-color') });
}
