// Go's time.ParseDuration ("30s", "1h30m", "250ms") and the pause-duration reading upstream builds on it.
import type { IntOrString } from '@aviary/kube';

/** A duration text Go would reject; the message is Go's (`time: invalid duration "x"`). */
export class GoDurationError extends Error {
  override readonly name = 'GoDurationError';
  constructor(
    readonly text: string,
    message: string,
  ) {
    super(message);
  }
}

/** Nanoseconds per unit, as Go's time package names them. */
const unitNanos: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/**
 * Parses a Go duration into milliseconds (fractions kept): `"1h30m"` → 5_400_000, `"1.5s"` → 1500,
 * `"-2m"` → -120_000, `"0"` → 0. Throws GoDurationError for what Go rejects: `""`, `"10"` (no unit), `"1d"`.
 */
export function parseGoDuration(text: string): number {
  const quoted = JSON.stringify(text);
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw new GoDurationError(text, `time: invalid duration ${quoted}`);
  let nanos = 0;
  while (rest !== '') {
    const number = /^(\d*)(\.(\d*))?/.exec(rest);
    const whole = number?.[1] ?? '';
    const fraction = number?.[3] ?? '';
    if (whole === '' && fraction === '') throw new GoDurationError(text, `time: invalid duration ${quoted}`);
    rest = rest.slice(number?.[0].length ?? 0);
    const unit = /^[^\d.]+/.exec(rest)?.[0] ?? '';
    if (unit === '') throw new GoDurationError(text, `time: missing unit in duration ${quoted}`);
    const scale = unitNanos[unit];
    if (scale === undefined) throw new GoDurationError(text, `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    rest = rest.slice(unit.length);
    nanos += Number(`${whole || '0'}.${fraction || '0'}`) * scale;
  }
  return (sign * nanos) / 1e6;
}

const int32Max = 2 ** 31 - 1;

/**
 * Seconds of a `pause.duration` as upstream reads it (RolloutPause.DurationSeconds): a number as is; a string of
 * digits as seconds (`"30"`); otherwise a Go duration truncated to whole seconds (`"1m30s"` → 90); unreadable → -1.
 * Absent → 0.
 */
export function pauseDurationSeconds(duration: IntOrString | undefined): number {
  if (duration === undefined || duration === null) return 0;
  if (typeof duration === 'number') return duration;
  if (/^[+-]?\d+$/.test(duration)) {
    const seconds = Number(duration);
    if (Math.abs(seconds) <= int32Max) return seconds;
  }
  try {
    return Math.trunc(parseGoDuration(duration) / 1000);
  } catch {
    return -1;
  }
}
