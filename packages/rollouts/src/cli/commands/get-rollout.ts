// `get rollout ROLLOUT_NAME [-w] [--timeout-seconds N] [--no-color]`: the header block and the tree of revisions,
// ReplicaSets, pods, AnalysisRuns and Experiments; with --watch, redrawn in place on every change and every second.
// Upstream: pkg/kubectl-argo-rollouts/cmd/get/get_rollout.go.
import { Resources, type Rollout } from '@aviary/kube';
import { rolloutInfo } from '../../info/index.js';
import { renderRolloutTree } from '../get/index.js';
import { boolFlag, expectArgs, numberFlag } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import { useColor, type KubeCommandIo } from '../io.js';
import type { OwnedObjects } from '../object-sources.js';
import { showOwnedTree } from '../owned-tree-view.js';

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
  return showOwnedTree<Rollout>(io, { type: Resources.rollouts, name: options.name, render, watch: options.watch ?? false, timeoutMs: (options.timeoutSeconds ?? 0) * 1000 });
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
