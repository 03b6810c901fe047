// Rendering of `get rollout`, `get experiment`, `list rollouts` and `list experiments`, as the plugin prints them.
export { clearScreen, createPainter, stripAnsi, type Painter } from './ansi-color.js';
export { alignColumns, displayWidth, padRight } from './text-columns.js';
export { renderRolloutTree, renderRolloutHeader, renderRolloutObjectTree, stepLines, type RenderOptions } from './rollout-view.js';
export { renderExperimentTree } from './experiment-view.js';
export { renderRolloutList, renderExperimentList, rolloutListHeader, rolloutListCells, noResourcesFound, type RolloutListOptions } from './list-view.js';
