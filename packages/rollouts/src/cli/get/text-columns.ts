// Aligned columns, as Go's tabwriter lays them out (minwidth 0, padding 2, space padding, left aligned).
// Upstream uses github.com/juju/ansiterm's tabwriter for trees (ANSI codes take no width) and text/tabwriter
// for lists; both give the same result for the text the plugin prints.
import { stripAnsi } from './ansi-color.js';

/** East Asian wide and fullwidth ranges, which take two terminal cells. */
const wideRanges: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** Terminal cells the text takes: ANSI codes take none, wide CJK characters two, everything else one. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of stripAnsi(text)) {
    const code = char.codePointAt(0) ?? 0;
    width += wideRanges.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
  }
  return width;
}

/**
 * Lays out rows of cells: every cell but the last of a row is padded to its column's widest cell plus
 * `padding` spaces; the last cell is written as is (it is not tab-terminated, so not part of a column).
 * Rows are expected to have the same number of cells, as every table the plugin prints does.
 */
export function alignColumns(rows: readonly (readonly string[])[], options: { padding?: number } = {}): string {
  const padding = options.padding ?? 2;
  const widths: number[] = [];
  for (const row of rows) {
    row.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell) + padding);
    });
  }
  return rows
    .map((row) =>
      row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - displayWidth(cell)))).join(''),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** Go's `%-Ns`: the text padded with spaces to `width` characters. */
export function padRight(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
