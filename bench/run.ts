// Benchmark runner: `npm run bench [name…]` runs every bench/*.bench.ts (or the named ones) and prints figures and ratios.
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchFigure, BenchModule, BenchResult } from './types.js';

const BENCH_SUFFIX = '.bench.ts';

function listBenchNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(BENCH_SUFFIX))
    .map((file) => file.slice(0, -BENCH_SUFFIX.length))
    .sort();
}

function formatNumber(value: number): string {
  return value >= 1000 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(4);
}

function formatFigure(figure: BenchFigure): string {
  const base = `  ${figure.label}: ${formatNumber(figure.value)} ${figure.unit}`;
  if (figure.goal === undefined) return base;
  const ratio = figure.value / figure.goal;
  const verdict = ratio >= 1 ? 'meets goal' : 'BELOW GOAL';
  return `${base}  (goal ${formatNumber(figure.goal)} ${figure.unit}, ratio ${ratio.toFixed(2)}×, ${verdict})`;
}

function printResult(result: BenchResult): void {
  console.log(`\n## ${result.title}`);
  for (const figure of result.figures) console.log(formatFigure(figure));
  for (const note of result.notes ?? []) console.log(`  - ${note}`);
}

async function main(): Promise<void> {
  const dir = dirname(fileURLToPath(import.meta.url));
  const available = listBenchNames(dir);
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const names = requested.length > 0 ? requested : available;
  console.log(`# Aviary benchmarks — Node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
  let failed = false;
  for (const name of names) {
    const module = (await import(pathToFileURL(join(dir, `${name}${BENCH_SUFFIX}`)).href)) as BenchModule;
    try {
      printResult(await module.run());
    } catch (err: unknown) {
      failed = true;
      console.error(`\n## ${name}: failed`, err);
    }
  }
  if (failed) process.exitCode = 1;
}

await main();
