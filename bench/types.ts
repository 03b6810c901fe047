// The shape every bench module's run() returns, so the runner can print figures and goal ratios alike.

/** One measured number; with a goal, the runner prints value ÷ goal as a ratio. */
export interface BenchFigure {
  label: string;
  value: number;
  unit: string;
  /** The target this figure should meet or beat (higher is better). */
  goal?: number;
}

export interface BenchResult {
  title: string;
  figures: BenchFigure[];
  /** Free-form lines (round-by-round numbers, settings). */
  notes?: string[];
}

/** What a `bench/*.bench.ts` module exports. */
export interface BenchModule {
  run(): Promise<BenchResult>;
}
