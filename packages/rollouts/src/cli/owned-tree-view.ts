// `get rollout` / `get experiment`: print an object's tree once, or with --watch redraw it in place on every
// change of it or its owned objects (and every second for ages), until interrupted or timed out.
import type { KubeObject, ResourceType } from '@aviary/kube';
import { clearScreen } from './get/index.js';
import { waitForStop, type KubeCommandIo } from './io.js';
import { fetchWithOwned, WatchedObjects, type OwnedObjects } from './object-sources.js';
import { RedrawLoop } from './redraw-loop.js';

export interface OwnedTreeView<T extends KubeObject> {
  type: ResourceType;
  name: string;
  render: (objects: { object: T } & OwnedObjects) => string;
  watch: boolean;
  /** With watch: stop after this long (0: until interrupted). */
  timeoutMs?: number;
}

export async function showOwnedTree<T extends KubeObject>(io: KubeCommandIo, view: OwnedTreeView<T>): Promise<number> {
  if (!view.watch) {
    io.stdout.write(view.render(await fetchWithOwned<T>(io, view.type, view.name)));
    return 0;
  }
  // A missing object fails with the API's NotFound before anything is drawn, as upstream.
  await io.client.get<T>(view.type, view.name, io.namespace);
  const watched = new WatchedObjects<T>(io, view.type, view.name);
  await watched.start();
  const loop = new RedrawLoop({
    clock: io.clock,
    draw: () => {
      const objects = watched.snapshot();
      if (objects) io.stdout.write(clearScreen + view.render(objects));
    },
  });
  watched.onChange(() => loop.markChanged());
  loop.start();
  try {
    await waitForStop(io, view.timeoutMs ?? 0);
  } finally {
    loop.stop();
    await watched.stop();
  }
  return 0;
}
