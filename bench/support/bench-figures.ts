// Figures for goals where lower is better (times, memory): the measured figure, and goal ÷ measured as a ratio the
// runner checks against 1 (≥ 1 meets the goal).
import type { BenchFigure } from '../types.js';

export function lowerIsBetter(options: { label: string; value: number; unit: string; goal: number }): BenchFigure[] {
  return [
    { label: options.label, value: options.value, unit: options.unit },
    { label: `goal ≤ ${options.goal} ${options.unit} ÷ ${options.label}`, value: options.goal / options.value, unit: '×', goal: 1 },
  ];
}

/** The median of the rounds (the higher middle value for an even count, so two rounds report the slower). */
export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
