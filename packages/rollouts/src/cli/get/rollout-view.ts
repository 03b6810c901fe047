// `kubectl argo rollouts get rollout` output: the header block, Aviary's steps list, and the object tree.
// Upstream: pkg/kubectl-argo-rollouts/cmd/get/get_rollout.go (PrintRollout, PrintRolloutTree, PrintRevision).
//
// Character for character upstream's layout, with two additions, both placed so that a script reading
// upstream's lines by their label keeps working:
// - `Resumes:         in 7s` — its own line right after `Message:`, only while a timed pause (a canary
//   `pause: {duration}` step, or a blue-green `autoPromotionSeconds` pause) is counting down. The Message
//   value stays exactly upstream's (`CanaryPauseStep`).
// - a `Steps:` block after the Replicas block and before the blank line that precedes the tree: one line per
//   canary step numbered from 0 like `Step: i/N`, completed ones ticked ✔, the current one with the rollout's
//   status icon and `← current`, pending ones unmarked. Absent for blue-green and for canaries without steps.
import { KindIcon, StatusIcon, StepState, type ImageInfo, type RolloutInfo, type StepInfo } from '../../info/index.js';
import { createPainter, type Painter } from './ansi-color.js';
import { alignColumns, padRight } from './text-columns.js';
import { childPrefixes, TreeRowWriter } from './tree-rows.js';

export interface RenderOptions {
  /** ANSI colours; the caller turns them off for `--no-color` and for TERM=dumb. */
  color: boolean;
}

/** Width of the header labels (`%-17s`). */
const labelWidth = 17;

/** One header line: the label padded to 17 characters, then the value. */
export function headerLine(label: string, value: string | number): string {
  return `${padRight(label, labelWidth)}${value}\n`;
}

/** `image (tag, tag)` with each tag in its colour, or the bare image. */
export function formatImage(image: ImageInfo, painter: Painter): string {
  return image.tags.length === 0 ? image.image : `${image.image} (${image.tags.map((tag) => painter.paint(tag)).join(', ')})`;
}

/** The Images lines: the first after the label, the rest under it. */
export function imageLines(images: readonly ImageInfo[], painter: Painter): string {
  return images.map((image, i) => headerLine(i === 0 ? 'Images:' : '', formatImage(image, painter))).join('');
}

/**
 * Aviary addition: the canary steps, completed ones ticked, the current one with the rollout's status icon and
 * `← current`, pending ones blank. Numbered from 0 like `Step: i/N`.
 */
export function stepLines(steps: readonly StepInfo[], rolloutIcon: StatusIcon, painter: Painter): string {
  if (steps.length === 0) return '';
  const indexWidth = String(steps.length - 1).length;
  const lines = steps.map((step) => {
    const icon = step.state === StepState.Completed ? painter.paint(StatusIcon.OK) : step.state === StepState.Current ? painter.paint(rolloutIcon) : ' ';
    const marker = step.state === StepState.Current ? '  ← current' : '';
    return `  ${icon} ${String(step.index).padStart(indexWidth)}  ${step.text}${marker}\n`;
  });
  return `Steps:\n${lines.join('')}`;
}

/** The header block: name, status, message, Aviary's pause countdown, strategy, images, replicas and steps. */
export function renderRolloutHeader(info: RolloutInfo, painter: Painter): string {
  let out = '';
  out += headerLine('Name:', info.name);
  out += headerLine('Namespace:', info.namespace);
  out += headerLine('Status:', `${painter.paint(info.icon)} ${info.status}`);
  if (info.message) out += headerLine('Message:', info.message);
  // Aviary addition: its own line, so the Message value stays what upstream prints.
  if (info.pauseCountdown) out += headerLine('Resumes:', `in ${info.pauseCountdown.remaining}`);
  out += headerLine('Strategy:', info.strategy);
  if (info.strategy === 'Canary') {
    out += headerLine('  Step:', info.step);
    out += headerLine('  SetWeight:', info.setWeight);
    out += headerLine('  ActualWeight:', info.actualWeight);
  }
  out += imageLines(info.images, painter);
  out += 'Replicas:\n';
  out += headerLine('  Desired:', info.desired);
  out += headerLine('  Current:', info.current);
  out += headerLine('  Updated:', info.updated);
  out += headerLine('  Ready:', info.ready);
  out += headerLine('  Available:', info.available);
  out += stepLines(info.steps, info.icon, painter);
  return out;
}

/** The `NAME KIND STATUS AGE INFO` tree: the Rollout, its revisions newest first, and their objects. */
export function renderRolloutObjectTree(info: RolloutInfo, painter: Painter): string {
  const writer = new TreeRowWriter(painter);
  writer.rows.push([`${KindIcon.Rollout} ${info.name}`, 'Rollout', `${painter.paint(info.icon)} ${info.status}`, info.age, '']);
  info.revisions.forEach((revision, i) => {
    const { prefix, subPrefix } = childPrefixes(i === info.revisions.length - 1, '');
    writer.rows.push([`${prefix}${KindIcon.Revision} revision:${revision.revision}`, '', ' ', '', '']);
    const total = revision.replicaSets.length + revision.experiments.length + revision.analysisRuns.length;
    let index = 0;
    for (const rs of revision.replicaSets) {
      const child = childPrefixes(index++ === total - 1, subPrefix);
      writer.addReplicaSet(rs, child.prefix, child.subPrefix);
    }
    for (const experiment of revision.experiments) {
      const child = childPrefixes(index++ === total - 1, subPrefix);
      writer.addExperiment(experiment, child.prefix, child.subPrefix);
    }
    for (const run of revision.analysisRuns) {
      const child = childPrefixes(index++ === total - 1, subPrefix);
      writer.addAnalysisRun(run, child.prefix, child.subPrefix);
    }
  });
  return alignColumns(writer.rows);
}

/** The whole `get rollout` output: header block, a blank line, the tree. */
export function renderRolloutTree(info: RolloutInfo, options: RenderOptions): string {
  const painter = createPainter(options);
  return `${renderRolloutHeader(info, painter)}\n${renderRolloutObjectTree(info, painter)}`;
}
