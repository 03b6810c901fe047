// `kubectl argo rollouts get experiment` output: the header block and the Experiment's tree.
// Upstream: pkg/kubectl-argo-rollouts/cmd/get/get_experiment.go (PrintExperiment, PrintExperimentTree).
import { experimentImages, type ExperimentInfo } from '../../info/index.js';
import { createPainter } from './ansi-color.js';
import { headerLine, imageLines, type RenderOptions } from './rollout-view.js';
import { alignColumns } from './text-columns.js';
import { TreeRowWriter } from './tree-rows.js';

/** The whole `get experiment` output: Name, Namespace, Status, Message, Images, a blank line, the tree. */
export function renderExperimentTree(info: ExperimentInfo, options: RenderOptions): string {
  const painter = createPainter(options);
  let out = '';
  out += headerLine('Name:', info.name);
  out += headerLine('Namespace:', info.namespace);
  out += headerLine('Status:', `${painter.paint(info.icon)} ${info.status}`);
  if (info.message) out += headerLine('Message:', info.message);
  out += imageLines(experimentImages(info), painter);
  const writer = new TreeRowWriter(painter);
  writer.addExperiment(info, '', '');
  return `${out}\n${alignColumns(writer.rows)}`;
}
