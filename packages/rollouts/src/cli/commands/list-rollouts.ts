// `list rollouts [-A] [--name N] [-w] [--timestamps]`: one line per rollout; with --watch, a new line whenever a
// rollout's line changes. Upstream: pkg/kubectl-argo-rollouts/cmd/list/list_rollouts.go.
import { Resources, type Rollout, type WatchHandle } from '@aviary/kube';
import { rolloutListRow, type RolloutListRow } from '../../info/index.js';
import { alignColumns, noResourcesFound, renderRolloutList, rolloutListCells, rolloutListHeader, type RolloutListOptions } from '../get/index.js';
import { boolFlag, stringFlag } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import { waitForStop, type KubeCommandIo } from '../io.js';

export interface ListRolloutsOptions {
  allNamespaces?: boolean;
  /** Only the rollout of this name. */
  name?: string;
  watch?: boolean;
  timestamps?: boolean;
}

const keyOf = (row: RolloutListRow): string => `${row.namespace}/${row.name}`;

export async function runListRollouts(io: KubeCommandIo, options: ListRolloutsOptions): Promise<number> {
  const namespace = options.allNamespaces ? undefined : io.namespace;
  const fieldSelector = options.name ? `metadata.name=${options.name}` : undefined;
  const list = await io.client.list<Rollout>(Resources.rollouts, { ...(namespace ? { namespace } : {}), ...(fieldSelector ? { fieldSelector } : {}) });
  const tableOptions = (): RolloutListOptions => ({ allNamespaces: options.allNamespaces ?? false, ...(options.timestamps ? { timestamp: io.clock.now() } : {}) });
  const rows = list.items.map(rolloutListRow);
  if (rows.length === 0 && !options.watch) {
    io.stderr.write(`${noResourcesFound}\n`);
    return 0;
  }
  io.stdout.write(rows.length > 0 ? renderRolloutList(rows, tableOptions()) : alignColumns([rolloutListHeader(tableOptions())]));
  if (!options.watch) return 0;
  // Print a rollout's line again only when something in it changed.
  const printed = new Map(rows.map((row) => [keyOf(row), JSON.stringify(row)]));
  let resourceVersion = list.metadata?.resourceVersion;
  let handle: WatchHandle | undefined;
  let stopped = false;
  const open = async (): Promise<void> => {
    handle = await io.client.watch<Rollout>(
      Resources.rollouts,
      { ...(namespace ? { namespace } : {}), ...(fieldSelector ? { fieldSelector } : {}), ...(resourceVersion ? { resourceVersion } : {}) },
      {
        onEvent: (event) => {
          if (event.type !== 'ADDED' && event.type !== 'MODIFIED') return;
          resourceVersion = event.object.metadata?.resourceVersion ?? resourceVersion;
          const row = rolloutListRow(event.object);
          const text = JSON.stringify(row);
          if (printed.get(keyOf(row)) === text) return;
          printed.set(keyOf(row), text);
          io.stdout.write(alignColumns([rolloutListCells(row, tableOptions())]));
        },
        // The server ends watches now and then: carry on from the last version seen.
        onClose: () => {
          if (!stopped) void open().catch(() => undefined);
        },
      },
    );
  };
  await open();
  try {
    await waitForStop(io);
  } finally {
    stopped = true;
    handle?.stop();
  }
  return 0;
}

export async function execute(invocation: Invocation): Promise<number> {
  return runListRollouts(await invocation.connect(), {
    allNamespaces: boolFlag(invocation, 'all-namespaces'),
    name: stringFlag(invocation, 'name'),
    watch: boolFlag(invocation, 'watch'),
    timestamps: boolFlag(invocation, 'timestamps'),
  });
}
