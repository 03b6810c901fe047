// `get rollout ROLLOUT_NAME [-w] [--timeout-seconds N] [--no-color]`: the header block and the tree of revisions,
// ReplicaSets, pods, AnalysisRuns and Experiments; with --watch, redrawn in place on every change and every second.
// Upstream: pkg/kubectl-argo-rollouts/cmd/get/get_rollout.go.
import { Resources, type Rollout } from '@aviary/kube';
import { rolloutInfo } from '../../info/index.js';
import { clearScreen, renderRolloutTree } from '../get/index.js';
import { boolFlag, expectArgs, numberFlag } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import { useColor, waitForStop, type KubeCommandIo } from '../io.js';
import { fetchWithOwned, WatchedObjects, type OwnedObjects } from '../object-sources.js';
import { RedrawLoop } from '../redraw-loop.js';

export interface GetRolloutOptions {
  name: string;
  watch?: boolean;
  noColor?: boolean;
  /** With watch: stop after this many seconds (0: until interrupted). */
  timeoutSeconds?: number;
}

export async function runGetRollout(io: KubeCommandIo, options: GetRolloutOptions): Promise<number> {
  const color = useColor(io, options.noColor ?? false);
  const render = (objects: { object: Rollout } & OwnedObjects): string =>
    renderRolloutTree(rolloutInfo({ ...objects, rollout: objects.object, now: io.clock.now() }), { color });
  if (!options.watch) {
    io.stdout.write(render(await fetchWithOwned<Rollout>(io, Resources.rollouts, options.name)));
    return 0;
  }
  // A missing rollout fails with the API's NotFound before anything is drawn, as upstream.
  await io.client.get<Rollout>(Resources.rollouts, options.name, io.namespace);
  const watched = new WatchedObjects<Rollout>(io, Resources.rollouts, options.name);
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
    await waitForStop(io, (options.timeoutSeconds ?? 0) * 1000);
  } finally {
    loop.stop();
    await watched.stop();
  }
  return 0;
}

export async function execute(invocation: Invocation): Promise<number> {
  const [name = ''] = expectArgs(invocation, { exactly: 1 });
  return runGetRollout(await invocation.connect(), {
    name,
    watch: boolFlag(invocation, 'watch'),
    noColor: boolFlag(invocation, 'no-color'),
    timeoutSeconds: numberFlag(invocation, 'timeout-seconds'),
  });
}
