// ANSI colouring of well-known words and icons, exactly as the plugin applies it.
// Upstream: pkg/kubectl-argo-rollouts/cmd/get/get.go (colorMapping, colorize, colorizeStatus, ansiFormat).
import { InfoTag, StatusIcon } from '../../info/index.js';

const FgRed = 31;
const FgGreen = 32;
const FgYellow = 33;
const FgHiBlue = 94;
/** Words without a colour are still wrapped, with the reset code. */
const noFormat = 0;

const colorCodes: Readonly<Record<string, number>> = {
  [StatusIcon.Waiting]: FgYellow,
  [StatusIcon.Progressing]: FgHiBlue,
  [StatusIcon.Warning]: FgRed,
  [StatusIcon.Unknown]: FgYellow,
  [StatusIcon.OK]: FgGreen,
  [StatusIcon.Bad]: FgRed,
  [InfoTag.Canary]: FgYellow,
  [InfoTag.Stable]: FgGreen,
  [InfoTag.Active]: FgGreen,
  [InfoTag.Preview]: FgHiBlue,
  [InfoTag.Ping]: FgHiBlue,
  [InfoTag.Pong]: FgHiBlue,
  // Analysis runs and experiments still under way stand out.
  Pending: FgHiBlue,
  Running: FgHiBlue,
};

/** Colours text by a key word; a no-op when colour is off (`--no-color`, or TERM=dumb decided by the caller). */
export interface Painter {
  /** `text` in the colour of the word `key` (default: the text itself). */
  paint(text: string, key?: string): string;
}

/** A painter; with colour on, every painted word is wrapped, unmapped ones with the reset code (as upstream). */
export function createPainter(options: { color: boolean }): Painter {
  if (!options.color) return { paint: (text) => text };
  return {
    paint: (text, key = text) => `\x1b[${colorCodes[key] ?? noFormat}m${text}\x1b[${noFormat}m`,
  };
}

/** The text without ANSI escape sequences. */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}

/** What `--watch` writes before each redraw: cursor home, clear screen, cursor to the top-left corner. */
export const clearScreen = '\x1b[H\x1b[2J\x1b[0;0H';
