// The Images block of `get rollout` / `get experiment`: each running image with the roles it plays.
// Upstream: pkg/kubectl-argo-rollouts/info/rollout_info.go (Images, mergeImageAndTags), experiment_info.go.
import { InfoTag } from './icons.js';
import type { ExperimentInfo } from './experiment-info.js';
import type { ReplicaSetInfo } from './replicaset-info.js';

export interface ImageInfo {
  image: string;
  /** canary, stable, active, preview, ping, pong, or `Σ:<template>` for an experiment template. */
  tags: string[];
}

/**
 * Adds an image to the list, merging tags when it is already there. A merged tag list is de-duplicated and
 * sorted; a first occurrence keeps its tags in role order (canary, stable, active, preview, ping, pong).
 */
function mergeImage(images: ImageInfo[], image: ImageInfo): void {
  const existing = images.find((i) => i.image === image.image);
  if (existing) existing.tags = [...new Set([...image.tags, ...existing.tags])].sort();
  else images.push(image);
  images.sort((a, b) => (a.image < b.image ? -1 : a.image > b.image ? 1 : 0));
}

function replicaSetTags(rs: ReplicaSetInfo): string[] {
  const tags: string[] = [];
  if (rs.canary) tags.push(InfoTag.Canary);
  if (rs.stable) tags.push(InfoTag.Stable);
  if (rs.active) tags.push(InfoTag.Active);
  if (rs.preview) tags.push(InfoTag.Preview);
  if (rs.ping) tags.push(InfoTag.Ping);
  if (rs.pong) tags.push(InfoTag.Pong);
  return tags;
}

/** Images of an Experiment's ReplicaSets that have pods, tagged `Σ:<template>`, sorted by image. */
export function experimentImages(experiment: Pick<ExperimentInfo, 'replicaSets'>): ImageInfo[] {
  const images: ImageInfo[] = [];
  for (const rs of experiment.replicaSets) {
    if (rs.replicas <= 0) continue;
    for (const image of rs.images) mergeImage(images, { image, tags: rs.template ? [`Σ:${rs.template}`] : [] });
  }
  return images;
}

/** Images of a Rollout's ReplicaSets that have pods and of its Experiments, with their tags, sorted by image. */
export function rolloutImages(info: { replicaSets: readonly ReplicaSetInfo[]; experiments: readonly ExperimentInfo[] }): ImageInfo[] {
  const images: ImageInfo[] = [];
  for (const rs of info.replicaSets) {
    if (rs.replicas <= 0) continue;
    for (const image of rs.images) mergeImage(images, { image, tags: replicaSetTags(rs) });
  }
  for (const experiment of info.experiments) {
    for (const image of experimentImages(experiment)) mergeImage(images, { image: image.image, tags: [...image.tags] });
  }
  return images;
}
