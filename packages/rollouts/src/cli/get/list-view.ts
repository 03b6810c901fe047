// `kubectl argo rollouts list rollouts` and `list experiments` tables.
// Upstream: pkg/kubectl-argo-rollouts/cmd/list/rollloutinfo.go, list_rollouts.go, list_experiments.go.
import type { ExperimentListRow, RolloutListRow } from '../../info/index.js';
import { alignColumns, padRight } from './text-columns.js';

/** Printed on stderr (and nothing on stdout) when a list is empty. */
export const noResourcesFound = 'No resources found.';

export interface RolloutListOptions {
  /** Prepend a NAMESPACE column (`-A`). */
  allNamespaces?: boolean;
  /** Prepend a TIMESTAMP column with this clock time (`--timestamps`). */
  timestamp?: number;
}

/** `2026-08-17T11:21:11Z`: UTC, whole seconds. */
function formatTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The header cells of the rollout table. */
export function rolloutListHeader(options: RolloutListOptions = {}): string[] {
  const cells = ['NAME', 'STRATEGY', 'STATUS', 'STEP', 'SET-WEIGHT', 'READY', 'DESIRED', 'UP-TO-DATE', 'AVAILABLE'];
  if (options.allNamespaces) cells.unshift('NAMESPACE');
  if (options.timestamp !== undefined) cells.unshift('TIMESTAMP');
  return cells;
}

/**
 * The cells of one rollout line. Each value is first padded to about its header's width (upstream's
 * `%-10s\t%-9s\t…` format), so lines printed in separate batches during `--watch` still mostly line up.
 */
export function rolloutListCells(row: RolloutListRow, options: RolloutListOptions = {}): string[] {
  const cells = [
    padRight(row.name, 10),
    padRight(row.strategy, 9),
    padRight(row.status, 12),
    padRight(row.step, 4),
    padRight(row.setWeight, 10),
    padRight(row.ready, 5),
    padRight(String(row.desired), 7),
    padRight(String(row.upToDate), 10),
    padRight(String(row.available), 9),
  ];
  if (options.allNamespaces) cells.unshift(padRight(row.namespace, 9));
  if (options.timestamp !== undefined) cells.unshift(padRight(formatTimestamp(options.timestamp), 20));
  return cells;
}

/** The rollout table (header and one line per rollout); '' when there are none (print {@link noResourcesFound}). */
export function renderRolloutList(rows: readonly RolloutListRow[], options: RolloutListOptions = {}): string {
  if (rows.length === 0) return '';
  return alignColumns([rolloutListHeader(options), ...rows.map((row) => rolloutListCells(row, options))]);
}

/** The experiment table; '' when there are none (print {@link noResourcesFound}). */
export function renderExperimentList(rows: readonly ExperimentListRow[], options: { allNamespaces?: boolean } = {}): string {
  if (rows.length === 0) return '';
  const header = ['NAME', 'STATUS', 'DURATION', 'REMAINING', 'AGE'];
  const lines = rows.map((row) => {
    const cells = [padRight(row.name, 10), padRight(row.status, 6), padRight(row.duration, 8), padRight(row.remaining, 9), padRight(row.age, 3)];
    return options.allNamespaces ? [padRight(row.namespace, 9), ...cells] : cells;
  });
  return alignColumns([options.allNamespaces ? ['NAMESPACE', ...header] : header, ...lines]);
}
